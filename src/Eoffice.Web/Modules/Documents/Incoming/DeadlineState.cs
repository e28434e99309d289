using Eoffice.Web.Platform.Time;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>Where a deadline stands today: còn hạn, sắp đến hạn (within the agency's reminder days), quá hạn.</summary>
public enum DeadlineState
{
    /// <summary>No deadline, or the item is no longer being handled.</summary>
    None = 0,

    /// <summary>Còn hạn.</summary>
    OnTime = 1,

    /// <summary>Sắp đến hạn: due within the agency's <c>ReminderDaysBefore</c> working days (or today).</summary>
    DueSoon = 2,

    /// <summary>Quá hạn: the due date (inclusive) has passed.</summary>
    Overdue = 3,
}

public static class Deadlines
{
    /// <summary>
    /// The state of an active item due on <paramref name="due"/>, seen on <paramref name="today"/> (Vietnam date):
    /// overdue from the day after the due date; due soon when at most <paramref name="reminderDays"/> working days remain
    /// (the due date itself counts as due soon).
    /// </summary>
    public static DeadlineState StateOf(WorkingDayCalendar calendar, DateOnly? due, bool active, DateOnly today, int reminderDays)
    {
        if (!active || due is not { } d)
        {
            return DeadlineState.None;
        }

        if (d < today)
        {
            return DeadlineState.Overdue;
        }

        return d == today || calendar.CountWorkingDays(today, d) <= reminderDays ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    public static string Name(DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "Còn hạn",
        DeadlineState.DueSoon => "Sắp đến hạn",
        DeadlineState.Overdue => "Quá hạn",
        _ => "",
    };
}
