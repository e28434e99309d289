using Eoffice.Web.Platform.Time;
using Microsoft.Extensions.Options;

namespace Eoffice.UnitTests.Platform.Time;

/// <summary>Overrides kept in a list, counting how often the calendar reads them.</summary>
internal sealed class InMemoryOverrideSource : ICalendarOverrideSource
{
    public List<CalendarOverride> Overrides { get; } = [];

    public int Loads { get; private set; }

    public IReadOnlyList<CalendarOverride> LoadAll()
    {
        Loads++;
        return [.. Overrides];
    }

    public CalendarOverride Add(string date, CalendarOverrideKind kind, string reason)
    {
        var item = new CalendarOverride(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), kind, reason,
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), createdBy: null);
        Overrides.Add(item);
        return item;
    }
}

internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal static class TestCalendar
{
    public static WorkingDayCalendar Create(InMemoryOverrideSource? source = null, ManualTime? time = null, CalendarOptions? options = null) =>
        new(source ?? new InMemoryOverrideSource(), Options.Create(options ?? new CalendarOptions()),
            time ?? new ManualTime(new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero)));

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant given in Vietnam local time (UTC+7).</summary>
    public static DateTimeOffset Local(string isoLocal) =>
        new DateTimeOffset(DateTime.Parse(isoLocal, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(7));
}
