using System.Globalization;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>
/// Địa danh và thời gian ban hành (Decree 30/2020 Phụ lục I Phần I.II.5): "Ninh Bình, ngày 05 tháng 02 năm 2026" —
/// days below 10 and months 1 and 2 carry a leading zero, other months do not ("tháng 6", "tháng 12"). Before the
/// clerk numbers the document the day and month are left blank for the date to be written in. One rule for the layout
/// that prints it and the format check that reads it.
/// </summary>
public static class OfficialDateLine
{
    /// <summary>"ngày 05 tháng 02 năm 2026".</summary>
    public static string DateText(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {MonthText(date.Month)} năm {date.Year}");

    /// <summary>The month as written: <c>01</c>, <c>02</c>, then <c>3</c> … <c>12</c>.</summary>
    public static string MonthText(int month) => month < 3 ? month.ToString("00", CultureInfo.InvariantCulture) : month.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Ninh Bình, ngày 05 tháng 02 năm 2026"; without a date: "Ninh Bình, ngày      tháng      năm 2026".</summary>
    public static string Of(string place, DateOnly? date, int year) =>
        date is { } d ? $"{place}, {DateText(d)}" : string.Create(CultureInfo.InvariantCulture, $"{place}, ngày      tháng      năm {year}");

    /// <summary>"Số: 05/QĐ-SGTVT" — numbers below 10 with a leading zero; before numbering "Số:      /QĐ-SGTVT".</summary>
    public static string NumberLine(int? number, string notation) =>
        number is { } n ? $"Số: {NumberText(n)}/{notation}" : $"Số:      /{notation}";

    /// <summary>The number as written: <c>05</c>, <c>15</c>, <c>125</c>.</summary>
    public static string NumberText(int number) => number.ToString("00", CultureInfo.InvariantCulture);
}
