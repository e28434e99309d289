using System.Globalization;

namespace Eoffice.Web.Platform.Time;

/// <summary>Vietnam local time (Asia/Ho_Chi_Minh, UTC+7 without daylight saving): dates and deadlines are reckoned in it.</summary>
public static class VietnamTime
{
    /// <summary>The Asia/Ho_Chi_Minh zone from the operating system, or a fixed UTC+7 zone where no time-zone data is installed.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The local date and time in Vietnam of an instant; at the calendar's ends it stops at the first or last moment.</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => Shift(instant.UtcDateTime, Zone.GetUtcOffset(instant));

    /// <summary>The local date in Vietnam of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>ISO 8601 in Vietnam time to the second, e.g. "2026-12-03T09:30:00+07:00" (the time in a signature's text, Decree 30 Phụ lục I).</summary>
    public static string Iso8601(DateTimeOffset instant) =>
        instant.ToOffset(Zone.GetUtcOffset(instant)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The UTC instant of a local date and time in Vietnam; at the calendar's ends (0001-01-01 00:00 is before the first UTC
    /// instant) it stops at the first or last instant instead of overflowing.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(Shift(local, -Zone.GetUtcOffset(local)), TimeSpan.Zero);
    }

    /// <summary>The UTC instant a Vietnamese day begins: the inclusive start of a "from" date filter.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => ToUtc(date, TimeOnly.MinValue).UtcDateTime;

    /// <summary>The UTC instant the next Vietnamese day begins: the exclusive end of a "to" date filter (the last instant for the last day).</summary>
    public static DateTime EndOfDayUtc(DateOnly date) =>
        date == DateOnly.MaxValue ? DateTime.MaxValue : ToUtc(date.AddDays(1), TimeOnly.MinValue).UtcDateTime;

    /// <summary>A stored UTC instant as Vietnam local time, "dd/MM/yyyy HH:mm:ss".</summary>
    public static string Format(DateTime utc) =>
        ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An optional stored UTC instant as Vietnam local time, or "—" when there is none.</summary>
    public static string Format(DateTime? utc) => utc is { } value ? Format(value) : "—";

    /// <summary>ISO 8601 in UTC, for the machine-readable <c>datetime</c> attribute of &lt;time&gt;.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The long form used on official documents (Decree 30/2020, Phụ lục I): days below 10 and the months 1 and 2
    /// take a leading zero — "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026".
    /// </summary>
    public static string FormatLong(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    /// <summary>The Vietnamese name of a weekday: "Thứ Hai" … "Thứ Bảy", "Chủ nhật".</summary>
    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    /// <summary><paramref name="at"/> moved by <paramref name="offset"/>, held within the calendar's first and last moment.</summary>
    private static DateTime Shift(DateTime at, TimeSpan offset) =>
        offset > TimeSpan.Zero && at.Ticks > DateTime.MaxValue.Ticks - offset.Ticks ? DateTime.MaxValue
        : offset < TimeSpan.Zero && at.Ticks < -offset.Ticks ? DateTime.MinValue
        : new DateTime(at.Ticks + offset.Ticks, DateTimeKind.Unspecified);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
        }
    }
}
