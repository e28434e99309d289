namespace Eoffice.Web.Platform.Time;

/// <summary>
/// One solar year of the working-day calendar with the rules and the administrator's overrides applied: whether each
/// date is worked, and the dates that differ from an ordinary week (holidays, substitute days, overrides).
/// Immutable; built by <see cref="WorkingDayCalendar"/> and cached until the overrides change.
/// </summary>
public sealed class CalendarYear
{
    private readonly bool[] working;

    /// <summary>cumulative[i] = working days among the first i days of the year.</summary>
    private readonly int[] cumulative;

    private readonly Dictionary<DateOnly, CalendarDay> special;

    public CalendarYear(int year, IReadOnlySet<DayOfWeek> weeklyRest, IReadOnlyDictionary<DateOnly, CalendarDay> ruleDays,
        IEnumerable<CalendarOverride> overrides)
    {
        Year = year;
        special = new Dictionary<DateOnly, CalendarDay>(ruleDays);
        foreach (var item in overrides.Where(o => o.Date.Year == year))
        {
            // An override always wins over the rules.
            special[item.Date] = new CalendarDay(item.Date,
                item.Kind == CalendarOverrideKind.WorkingDay ? CalendarDayKind.MakeUpWorkingDay : CalendarDayKind.OverrideDayOff,
                item.Reason, item.Id);
        }

        var first = new DateOnly(year, 1, 1);
        var length = DateTime.IsLeapYear(year) ? 366 : 365;
        working = new bool[length];
        cumulative = new int[length + 1];
        for (var i = 0; i < length; i++)
        {
            var date = first.AddDays(i);
            working[i] = special.TryGetValue(date, out var day) ? day.IsWorkingDay : !weeklyRest.Contains(date.DayOfWeek);
            cumulative[i + 1] = cumulative[i] + (working[i] ? 1 : 0);
        }

        SpecialDays = special.Values.OrderBy(d => d.Date).ToList();
    }

    public int Year { get; }

    /// <summary>Holidays, substitute days and overrides of the year, in date order (ordinary weekdays and weekends are not listed).</summary>
    public IReadOnlyList<CalendarDay> SpecialDays { get; }

    /// <summary>The number of working days in the year.</summary>
    public int WorkingDayCount => cumulative[^1];

    public bool IsWorkingDay(DateOnly date) => working[IndexOf(date)];

    public CalendarDay Day(DateOnly date)
    {
        var index = IndexOf(date);
        if (special.TryGetValue(date, out var day))
        {
            return day;
        }

        return new CalendarDay(date, working[index] ? CalendarDayKind.WorkingDay : CalendarDayKind.WeeklyRest);
    }

    /// <summary>Working days among the dates of this year from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    internal int CountInclusive(DateOnly from, DateOnly to) => cumulative[IndexOf(to) + 1] - cumulative[IndexOf(from)];

    private int IndexOf(DateOnly date)
    {
        if (date.Year != Year)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date is not in {Year}.");
        }

        return date.DayOfYear - 1;
    }
}
