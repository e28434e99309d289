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
/// The administrator removes an override; the date returns to what the statutory rules say. Used by
/// <c>DELETE /api/v1/calendar/overrides/{id}</c> and the admin page.
/// </summary>
public sealed class RemoveCalendarOverride(EofficeDbContext db, UnitOfWork unitOfWork, WorkingDayCalendar calendar)
{
    public const string Gone = "Không tìm thấy điều chỉnh lịch này; có thể nó đã bị xóa.";

    /// <summary>
    /// Removes the override; <c>false</c> when no override has this id (already removed, perhaps by another
    /// administrator): the API answers that with 404, the page with <see cref="Gone"/>.
    /// </summary>
    public async Task<bool> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.Set<CalendarOverride>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        db.Remove(item);
        await unitOfWork.CommitAsync(new AuditEvent("calendar.override.remove", "calendar-override", item.Id.ToString(),
            Details: $"{item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {item.Kind}: {item.Reason}"), cancellationToken);
        calendar.InvalidateOverrides();
        return true;
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapDelete("/overrides/{id:guid}", async Task<NoContent> (Guid id, RemoveCalendarOverride handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) ? TypedResults.NoContent() : throw RuleException.NotFound(Gone))
            .RequireAuthorization(Policies.For(PlatformPermissions.ManageCalendar))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RemoveCalendarOverride")
            .WithSummary("Xóa một điều chỉnh của lịch ngày làm việc (quản trị).");

        group.MapGet("/overrides/{id:guid}", async Task<Ok<CalendarOverrideResponse>> (Guid id, EofficeDbContext db, CancellationToken ct) =>
            {
                var item = await db.Set<CalendarOverride>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
                    ?? throw RuleException.NotFound(Gone);
                return TypedResults.Ok(CalendarOverrideResponse.From(item));
            })
            .RequireAuthorization(Policies.For(PlatformPermissions.ManageCalendar))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCalendarOverride")
            .WithSummary("Một điều chỉnh của lịch ngày làm việc (quản trị).");
    }
}
