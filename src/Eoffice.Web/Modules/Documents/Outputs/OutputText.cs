using System.Globalization;
using Eoffice.Web.Platform.Time;

namespace Eoffice.Web.Modules.Documents.Outputs;

/// <summary>Dates, numbers and identifications as printed on the books: Vietnam dates, dd/MM/yyyy.</summary>
public static class OutputText
{
    public static string Date(DateTime? utc) =>
        utc is { } value ? VietnamTime.FormatDate(VietnamTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)))) : "";

    public static string Date(DateOnly? date) => date is { } value ? VietnamTime.FormatDate(value) : "";

    /// <summary>"14 giờ 30, ngày 05/01/2026": a moment as administrative documents write it, the hour before the day.</summary>
    public static string Moment(DateTime utc)
    {
        var local = VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return local.ToString("HH' giờ 'mm', ngày 'dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Period(DateOnly from, DateOnly to) =>
        from == to ? $"Ngày {VietnamTime.FormatDate(from)}" : $"Từ ngày {VietnamTime.FormatDate(from)} đến ngày {VietnamTime.FormatDate(to)}";

    /// <summary>"Năm 2026", or "Năm 2025 - 2026" for a period across the new year.</summary>
    public static string Years(DateOnly from, DateOnly to) => $"Năm {from.Year}{(to.Year != from.Year ? $" - {to.Year}" : "")}";

    /// <summary>"Công văn số 15/UBND-KT ngày 02/11/2026 của Ủy ban nhân dân tỉnh Ninh Bình".</summary>
    public static string Identification(string typeName, string codeText, DateOnly? issuedDate, string? organ)
    {
        var text = typeName;
        if (codeText.Length > 0)
        {
            text += $" số {codeText}";
        }

        if (issuedDate is { } d)
        {
            text += $" ngày {VietnamTime.FormatDate(d)}";
        }

        if (!string.IsNullOrWhiteSpace(organ))
        {
            text += $" của {organ}";
        }

        return text;
    }

    public static string CodeText(string? number, string? notation) => (number, notation) switch
    {
        (null, null) => "",
        (null, var n) => n!,
        (var c, null) => c!,
        var (c, n) => $"{c}/{n}",
    };
}
