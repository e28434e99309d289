namespace Eoffice.Web.Platform.Time;

/// <summary>Settings of the working-day calendar (section "Calendar" of the configuration).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// Hour (Vietnam local time, 0–24) after which an item received counts as received on the next working day
    /// (NĐ 61/2018 Art. 18.2: papers received after 15:00 are passed on the next working day). Default 15.
    /// </summary>
    public int CutOffHour { get; set; } = 15;

    /// <summary>
    /// Local time at which a working day ends for deadline purposes: an item due on a day is overdue from this time on.
    /// Default 17:00, the end of office hours of state bodies.
    /// </summary>
    public TimeOnly EndOfWorkingDay { get; set; } = new(17, 0);

    /// <summary>
    /// Days of weekly rest. Empty (the default) means Saturday and Sunday (QĐ 188/1999/QĐ-TTg). Holidays falling on one
    /// of these days give a substitute day off.
    /// </summary>
    public List<DayOfWeek> WeeklyRestDays { get; set; } = [];

    /// <summary>
    /// How long a node trusts its cached copy of the overrides. A change made on this node is seen at once; on a
    /// cluster, other nodes see it after at most this interval. Default one minute.
    /// </summary>
    public TimeSpan OverrideRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal IReadOnlySet<DayOfWeek> EffectiveWeeklyRestDays() =>
        WeeklyRestDays.Count == 0 ? new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday } : WeeklyRestDays.ToHashSet();
}
