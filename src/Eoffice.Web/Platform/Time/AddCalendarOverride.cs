using System.Globalization;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Time;

/// <summary>
/// The administrator adds an override to the working-day calendar: an extra day off or a make-up working day, with the
/// reason users will see. One override per date. Used by <c>POST /api/v1/calendar/overrides</c> and the admin page.
/// </summary>
public sealed class AddCalendarOverride(
    EofficeDbContext db,
    UnitOfWork unitOfWork,
    ICurrentUser currentUser,
    WorkingDayCalendar calendar,
    TimeProvider time)
{
    /// <summary>
    /// <c>Date</c> (yyyy-MM-dd); <c>Kind</c>: "dayOff" (extra day off) or "workingDay" (make-up working day);
    /// <c>Reason</c>: shown to users next to the date, up to 500 characters.
    /// </summary>
    public sealed record Request(DateOnly? Date, string? Kind, string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => AddCalendarOverride.Validate(this);
    }

    public const string DayOffKind = "dayOff";
    public const string WorkingDayKind = "workingDay";

    /// <summary>Field errors (keys "date", "kind", "reason") with Vietnamese messages; empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Validate(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Date is not { } date)
        {
            errors["date"] = ["Vui lòng chọn ngày."];
        }
        else if (date.Year is < WorkingDayCalendar.MinYear or > WorkingDayCalendar.MaxYear)
        {
            errors["date"] = ["Ngày phải thuộc các năm từ 1900 đến 2100."];
        }

        if (ParseKind(request.Kind) is null)
        {
            errors["kind"] = ["Vui lòng chọn loại điều chỉnh: ngày nghỉ hoặc ngày làm việc bù."];
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["Vui lòng nhập lý do."];
        }
        else if (reason.Length > CalendarOverride.ReasonMaxLength)
        {
            errors["reason"] = [$"Lý do tối đa {CalendarOverride.ReasonMaxLength} ký tự."];
        }

        return errors;
    }

    public static CalendarOverrideKind? ParseKind(string? kind) => kind switch
    {
        _ when string.Equals(kind, DayOffKind, StringComparison.OrdinalIgnoreCase) => CalendarOverrideKind.DayOff,
        _ when string.Equals(kind, WorkingDayKind, StringComparison.OrdinalIgnoreCase) => CalendarOverrideKind.WorkingDay,
        _ => null,
    };

    /// <summary>Adds the override of a request validated at the edge (<see cref="Validate(Request)"/>).</summary>
    /// <exception cref="RuleException">The date already has an override (409).</exception>
    public async Task<CalendarOverride> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var date = request.Date!.Value;
        if (await db.Set<CalendarOverride>().AnyAsync(o => o.Date == date, cancellationToken))
        {
            throw Duplicate(date);
        }

        var item = new CalendarOverride(date, ParseKind(request.Kind)!.Value, request.Reason!.Trim(),
            time.GetUtcNow().UtcDateTime, currentUser.Id);
        db.Add(item);
        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("calendar.override.add", "calendar-override", item.Id.ToString(),
                Details: $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {item.Kind}: {item.Reason}"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same date in the meantime: the unique index refused this one (nothing was saved).
            db.ChangeTracker.Clear();
            if (await db.Set<CalendarOverride>().AnyAsync(o => o.Date == date, cancellationToken))
            {
                throw Duplicate(date);
            }

            throw;
        }

        calendar.InvalidateOverrides();
        return item;
    }

    private static RuleException Duplicate(DateOnly date) => RuleException.Conflict(
        $"Ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đã có điều chỉnh. Hãy xóa điều chỉnh đó trước khi thêm mới.", "date");

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/overrides", async Task<Results<Created<CalendarOverrideResponse>, ValidationProblem>> (
                Request request, AddCalendarOverride handler, CancellationToken ct) =>
            {
                var item = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/calendar/overrides/{item.Id}", CalendarOverrideResponse.From(item));
            })
            .RequireAuthorization(Policies.For(PlatformPermissions.ManageCalendar))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddCalendarOverride")
            .WithSummary("Thêm ngày nghỉ hoặc ngày làm việc bù vào lịch ngày làm việc (quản trị).");
}

/// <summary>An override as the API shows it.</summary>
public sealed record CalendarOverrideResponse(Guid Id, DateOnly Date, string Kind, string Reason, DateTime CreatedAt, Guid? CreatedBy)
{
    public static CalendarOverrideResponse From(CalendarOverride item) => new(item.Id, item.Date,
        item.Kind == CalendarOverrideKind.DayOff ? AddCalendarOverride.DayOffKind : AddCalendarOverride.WorkingDayKind,
        item.Reason, item.CreatedAt, item.CreatedBy);
}
