namespace Eoffice.Web.Platform.Time;

/// <summary>Why a date is, or is not, a working day.</summary>
public enum CalendarDayKind
{
    /// <summary>An ordinary working day (Monday–Friday by default).</summary>
    WorkingDay = 0,

    /// <summary>An ordinary day of weekly rest (Saturday, Sunday by default).</summary>
    WeeklyRest = 1,

    /// <summary>A statutory public holiday (ngày nghỉ lễ, tết; Bộ luật Lao động 2019 Art. 112).</summary>
    Holiday = 2,

    /// <summary>A substitute day off (nghỉ bù) for a holiday that fell on a day of weekly rest (Art. 111.3).</summary>
    Substitute = 3,

    /// <summary>A day off set by the administrator (e.g. a day swapped by the government's yearly notice).</summary>
    OverrideDayOff = 4,

    /// <summary>A day worked by the administrator's decision although the rules say it is off (làm bù, e.g. a Saturday).</summary>
    MakeUpWorkingDay = 5,
}

/// <summary>
/// One date of the working-day calendar with its status and, for anything but an ordinary day, the reason shown to
/// users ("Tết Nguyên đán (mùng 1)", "Nghỉ bù ngày 01/01/2022: Tết Dương lịch", or the administrator's text).
/// </summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string? Reason = null, Guid? OverrideId = null)
{
    /// <summary>True on ordinary working days and make-up working days.</summary>
    public bool IsWorkingDay => Kind is CalendarDayKind.WorkingDay or CalendarDayKind.MakeUpWorkingDay;
}
