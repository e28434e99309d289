using System.Collections.Concurrent;
using Eoffice.Web.Platform.Rules;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Time;

/// <summary>
/// The working-day calendar (lịch ngày làm việc) through which every deadline is computed: days of weekly rest,
/// statutory holidays with their substitute days (<see cref="HolidayRules"/>) and the administrator's overrides, which
/// always win. All dates are Vietnam local dates; instants are UTC. Supported for 1900–2100.
/// </summary>
/// <remarks>
/// A singleton. Each year is computed once into a <see cref="CalendarYear"/> (a flag and a running count per day), so
/// the operations cost a few array look-ups and can be called for every row of a list of thousands of documents.
/// The cached years are rebuilt when <see cref="InvalidateOverrides"/> is called (after any change on this node) or
/// after <see cref="CalendarOptions.OverrideRefreshInterval"/> (changes made on other nodes of a cluster).
/// </remarks>
public sealed class WorkingDayCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public const string OutOfRangeMessage = "Ngày phải trong khoảng 01/01/1900 – 31/12/2100 (lịch ngày làm việc).";

    /// <summary>Whether a date lies in the years the calendar computes.</summary>
    public static bool Covers(int year) => year is >= MinYear and <= MaxYear;

    private readonly ICalendarOverrideSource source;
    private readonly TimeProvider time;
    private readonly CalendarOptions options;
    private readonly IReadOnlySet<DayOfWeek> weeklyRest;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, CalendarDay>> ruleDays = new();
    private readonly Lock gate = new();
    private volatile Snapshot? snapshot;
    private long version;

    public WorkingDayCalendar(ICalendarOverrideSource source, IOptions<CalendarOptions> options, TimeProvider time)
    {
        this.source = source;
        this.time = time;
        this.options = options.Value;
        if (this.options.CutOffHour is < 0 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.CutOffHour, "Calendar:CutOffHour must be 0–24.");
        }

        weeklyRest = this.options.EffectiveWeeklyRestDays();
        if (weeklyRest.Count >= 7)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Calendar:WeeklyRestDays cannot cover the whole week.");
        }
    }

    /// <summary>Today's date in Vietnam.</summary>
    public DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    /// <summary>The year with rules and overrides applied.</summary>
    /// <exception cref="RuleException">The year is outside 1900–2100 (a date someone typed: answered 400, never 500).</exception>
    public CalendarYear GetYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw RuleException.Invalid(OutOfRangeMessage);
        }

        var current = Current();
        return current.Years.GetOrAdd(year, y => new CalendarYear(y, weeklyRest,
            ruleDays.GetOrAdd(y, ry => HolidayRules.ForYear(ry, weeklyRest)),
            current.Overrides));
    }

    /// <summary>The status of one date and, when it is not an ordinary day, why.</summary>
    public CalendarDay GetDay(DateOnly date) => GetYear(date.Year).Day(date);

    public bool IsWorkingDay(DateOnly date) => GetYear(date.Year).IsWorkingDay(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/>; <paramref name="start"/>
    /// itself is not counted (received Monday, 3 working days → Thursday). With 0, <paramref name="start"/> if it is a
    /// working day, otherwise the next working day. A negative number counts backwards (−2 → the second working day
    /// before <paramref name="start"/>).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays == 0)
        {
            return IsWorkingDay(start) ? start : NextWorkingDay(start);
        }

        var step = workingDays > 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var date = start;
        var year = GetYear(date.Year);
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (date.Year != year.Year)
            {
                year = GetYear(date.Year);
            }

            if (year.IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>: the start is excluded
    /// and the end included, so <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c> for n ≥ 1, and a document received
    /// on <paramref name="from"/> has been held for that many working days on <paramref name="to"/>. Equal dates give 0;
    /// when <paramref name="to"/> is before <paramref name="from"/> the result is minus the count the other way round.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        if (to == from)
        {
            return 0;
        }

        var first = from.AddDays(1);
        var count = 0;
        for (var year = first.Year; year <= to.Year; year++)
        {
            var start = year == first.Year ? first : new DateOnly(year, 1, 1);
            var end = year == to.Year ? to : new DateOnly(year, 12, 31);
            count += GetYear(year).CountInclusive(start, end);
        }

        return count;
    }

    /// <summary>
    /// The working day an item received at <paramref name="receivedAt"/> counts as received on: the local date if it is
    /// a working day and the local time is not later than <see cref="CalendarOptions.CutOffHour"/>:00, otherwise the
    /// next working day (received 15:00:00 counts that day; 15:00:01 the next working day; Saturday the next Monday).
    /// </summary>
    public DateOnly EffectiveReceiptDate(DateTimeOffset receivedAt)
    {
        var local = VietnamTime.ToLocal(receivedAt);
        var date = DateOnly.FromDateTime(local);
        var afterCutOff = local.TimeOfDay > TimeSpan.FromHours(options.CutOffHour);
        return IsWorkingDay(date) && !afterCutOff ? date : NextWorkingDay(date);
    }

    /// <summary>
    /// The instant (UTC) at which working day <paramref name="date"/> ends: <see cref="CalendarOptions.EndOfWorkingDay"/>
    /// (17:00 by default) Vietnam time. Something "due by the end of the working day" is overdue from this instant.
    /// </summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly date) => VietnamTime.ToUtc(date, options.EndOfWorkingDay);

    /// <summary>
    /// The deadline (UTC) of an item received at <paramref name="receivedAt"/> with a time limit of
    /// <paramref name="workingDays"/> working days: the end of the <paramref name="workingDays"/>-th working day after
    /// its <see cref="EffectiveReceiptDate"/>. With 0 the item is due by the end of the day it counts as received
    /// (văn thư's "trong ngày", which becomes the next working day after the cut-off).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return EndOfWorkingDay(AddWorkingDays(EffectiveReceiptDate(receivedAt), workingDays));
    }

    /// <summary>Forgets the cached overrides and years; call after an override is added or removed.</summary>
    public void InvalidateOverrides()
    {
        Interlocked.Increment(ref version);
        snapshot = null;
    }

    private Snapshot Current()
    {
        var current = snapshot;
        var now = time.GetUtcNow();
        if (IsFresh(current, now))
        {
            return current!;
        }

        lock (gate)
        {
            current = snapshot;
            if (IsFresh(current, now))
            {
                return current!;
            }

            // A change committed while loading bumps the version; such a load is used once but not kept.
            var loadedVersion = Interlocked.Read(ref version);
            current = new Snapshot(source.LoadAll(), now, loadedVersion);
            if (loadedVersion == Interlocked.Read(ref version))
            {
                snapshot = current;
            }

            return current;
        }
    }

    private bool IsFresh(Snapshot? current, DateTimeOffset now) =>
        current is not null
        && current.Version == Interlocked.Read(ref version)
        && now - current.LoadedAt < options.OverrideRefreshInterval;

    private sealed class Snapshot(IReadOnlyList<CalendarOverride> overrides, DateTimeOffset loadedAt, long version)
    {
        public long Version { get; } = version;

        public IReadOnlyList<CalendarOverride> Overrides { get; } = overrides;

        public DateTimeOffset LoadedAt { get; } = loadedAt;

        public ConcurrentDictionary<int, CalendarYear> Years { get; } = new();
    }
}
