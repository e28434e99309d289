using System.Globalization;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Incoming.Outputs;

/// <summary>
/// What every print view and export carries and leaves behind (Decree 30 Phụ lục VI III.6.k, "đánh dấu bản in"): the mark
/// "In bởi &lt;họ tên&gt; lúc HH:mm ngày dd/MM/yyyy" on every page, and an audit entry
/// (<see cref="PrintAction"/> for a print view, <see cref="ExportAction"/> for a file).
/// </summary>
public sealed class PrintMarks(ICurrentUser currentUser, TimeProvider time, IOrganizationDirectory organization, IAuditLog audit)
{
    public const string PrintAction = "documents.incoming.print";
    public const string ExportAction = "documents.incoming.export";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    public string PrintedBy()
    {
        var local = VietnamTime.ToLocal(time.GetUtcNow());
        var name = currentUser.FullName ?? currentUser.UserName ?? "";
        return string.Create(CultureInfo.InvariantCulture, $"In bởi {name} lúc {local:HH:mm} ngày {local:dd/MM/yyyy}");
    }

    public async Task<string> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await organization.FindAgencyAsync(agencyId, cancellationToken))?.FullName ?? "";

    public Task RecordAsync(bool export, string objectType, string? objectId, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(export ? ExportAction : PrintAction, objectType, objectId, Details: details), cancellationToken);
}

/// <summary>Dates as printed on the books: Vietnam dates, dd/MM/yyyy.</summary>
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

/// <summary>
/// The period of a book: arrival dates from/to (Vietnam dates, inclusive). Missing dates mean from the first of January
/// of this year to today. At most a year and a day.
/// </summary>
public sealed record BookPeriod(DateOnly? From, DateOnly? To) : Platform.Web.IValidatableRequest
{
    public const int MaxDays = 366;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (From is { } f && To is { } t)
        {
            if (f > t)
            {
                errors["to"] = ["Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."];
            }
            else if (t.DayNumber - f.DayNumber >= MaxDays)
            {
                errors["to"] = ["Mỗi lần in, xuất sổ tối đa một năm (366 ngày)."];
            }
        }

        return errors;
    }

    public (DateOnly From, DateOnly To) Resolve(DateOnly today)
    {
        this.ThrowIfInvalid();
        var to = To ?? (From is { } f && f.Year < today.Year ? new DateOnly(f.Year, 12, 31) : today);
        var from = From ?? new DateOnly(to.Year, 1, 1);
        return (from, to);
    }
}
