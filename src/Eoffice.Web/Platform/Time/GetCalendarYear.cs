using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Platform.Time;

/// <summary>
/// A year of the working-day calendar for any signed-in user: the non-working days that are not ordinary weekends
/// (holidays, substitute days, overrides), each with its reason, and the make-up working days. Ordinary weekends are
/// not listed: they follow from <see cref="CalendarOptions.WeeklyRestDays"/>; a holiday that falls on one is listed.
/// </summary>
public static class GetCalendarYear
{
    public sealed record Response(int Year, int WorkingDayCount, IReadOnlyList<NonWorkingDay> NonWorkingDays, IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays);

    /// <summary>A listed day off. <c>Kind</c> is "holiday", "substitute" (nghỉ bù) or "override" (set by the administrator, with its <c>OverrideId</c>).</summary>
    public sealed record NonWorkingDay(DateOnly Date, string Weekday, string Reason, string Kind, Guid? OverrideId);

    public sealed record MakeUpWorkingDay(DateOnly Date, string Weekday, string Reason, Guid? OverrideId);

    public static Response Handle(WorkingDayCalendar calendar, int year)
    {
        var days = calendar.GetYear(year);
        var nonWorking = days.SpecialDays
            .Where(d => !d.IsWorkingDay)
            .Select(d => new NonWorkingDay(d.Date, VietnamTime.WeekdayName(d.Date.DayOfWeek), d.Reason ?? string.Empty, KindName(d.Kind), d.OverrideId))
            .ToList();
        var makeUp = days.SpecialDays
            .Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay)
            .Select(d => new MakeUpWorkingDay(d.Date, VietnamTime.WeekdayName(d.Date.DayOfWeek), d.Reason ?? string.Empty, d.OverrideId))
            .ToList();
        return new Response(year, days.WorkingDayCount, nonWorking, makeUp);
    }

    private static string KindName(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "holiday",
        CalendarDayKind.Substitute => "substitute",
        CalendarDayKind.OverrideDayOff => "override",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a listed non-working day."),
    };

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{year:int}", Results<Ok<Response>, ProblemHttpResult> (int year, WorkingDayCalendar calendar) =>
                year is < WorkingDayCalendar.MinYear or > WorkingDayCalendar.MaxYear
                    ? TypedResults.Problem(title: "Năm phải trong khoảng từ 1900 đến 2100.", statusCode: StatusCodes.Status400BadRequest)
                    : TypedResults.Ok(Handle(calendar, year)))
            .RequireAuthorization()
            .WithName("GetCalendarYear")
            .WithSummary("Các ngày nghỉ lễ, nghỉ bù, ngày nghỉ và ngày làm việc bù do quản trị điều chỉnh trong một năm.");
}
