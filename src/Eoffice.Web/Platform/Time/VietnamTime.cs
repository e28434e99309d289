using System.Globalization;

namespace Eoffice.Web.Platform.Time;

/// <summary>Showing UTC instants in Vietnam's time zone and formats (dd/MM/yyyy HH:mm, "ngày 05 tháng 01 năm 2026").</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The long form used on official documents (Decree 30/2020, Phụ lục I): days below 10 and the months 1 and 2
    /// take a leading zero — "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026".
    /// </summary>
    public static string FormatLong(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");
}
