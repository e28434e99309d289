using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Platform.Time;

/// <summary>
/// Computes a deadline the way every module does (<see cref="WorkingDayCalendar.DueAt"/>), for clients and for
/// checking the calendar: <c>GET /api/v1/calendar/deadline?receivedAt=…&amp;workingDays=…</c>.
/// </summary>
public static class ComputeDeadline
{
    public const int MaxWorkingDays = 1000;

    /// <summary>
    /// <c>CountsFrom</c>: the working day the item counts as received on (after the cut-off hour and non-working days);
    /// <c>DueDate</c>: the working day by whose end it is due (Vietnam local date); <c>DueAt</c>: the end of that day, UTC.
    /// </summary>
    public sealed record Response(DateTimeOffset ReceivedAt, int WorkingDays, DateOnly CountsFrom, DateOnly DueDate, DateTimeOffset DueAt);

    public static Response Handle(WorkingDayCalendar calendar, DateTimeOffset receivedAt, int workingDays)
    {
        var countsFrom = calendar.EffectiveReceiptDate(receivedAt);
        var dueDate = calendar.AddWorkingDays(countsFrom, workingDays);
        return new Response(receivedAt.ToUniversalTime(), workingDays, countsFrom, dueDate, calendar.EndOfWorkingDay(dueDate));
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/deadline", Results<Ok<Response>, ProblemHttpResult> (
                DateTimeOffset? receivedAt, int? workingDays, WorkingDayCalendar calendar, TimeProvider time) =>
            {
                if (workingDays is not (>= 0 and <= MaxWorkingDays))
                {
                    return TypedResults.Problem(title: $"Số ngày làm việc phải từ 0 đến {MaxWorkingDays}.", statusCode: StatusCodes.Status400BadRequest);
                }

                var received = receivedAt ?? time.GetUtcNow();
                if (received.Year is < WorkingDayCalendar.MinYear or >= WorkingDayCalendar.MaxYear)
                {
                    return TypedResults.Problem(title: "Thời điểm tiếp nhận phải trong khoảng từ năm 1900 đến 2099.", statusCode: StatusCodes.Status400BadRequest);
                }

                return TypedResults.Ok(Handle(calendar, received, workingDays.Value));
            })
            .RequireAuthorization()
            .WithName("ComputeDeadline")
            .WithSummary("Tính hạn xử lý: sau một số ngày làm việc kể từ thời điểm tiếp nhận (tính giờ chốt nhận và ngày nghỉ).");
}
