using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Handovers;

/// <summary>
/// The record of a handover: visible to the administrators of the agency and to the successor (who took the work);
/// to anyone else it does not exist (404).
/// </summary>
public sealed class GetHandover(EofficeDbContext db, AgencyPeople people, ICurrentUser currentUser)
{
    public async Task<HandoverDto> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var handover = await db.Set<Handover>().AsNoTracking().Include(h => h.Items).FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        var visible = handover is not null && (handover.ToUserId == currentUser.Id
            || (currentUser.HasPermission(IdentityPermissions.ManageAccounts) && await people.InMyAgency().AnyAsync(u => u.Id == handover.FromUserId, cancellationToken)));
        if (!visible)
        {
            throw RuleException.NotFound("Không tìm thấy biên bản bàn giao.");
        }

        var ids = new[] { handover!.FromUserId, handover.ToUserId, handover.By ?? Guid.Empty };
        var names = await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var reason = DepartPerson.Reasons.First(r => r.Reason == handover.Reason);
        return new HandoverDto(handover.Id, handover.FromUserId, names.GetValueOrDefault(handover.FromUserId, string.Empty), handover.ToUserId,
            names.GetValueOrDefault(handover.ToUserId, string.Empty), reason.Name, reason.Text, handover.Note, handover.At,
            handover.By is { } by ? names.GetValueOrDefault(by) : null,
            handover.Items.OrderBy(i => i.Id).Select(i => new HandoverItemDto(i.Module, i.ItemType, i.ItemId, i.Title)).ToList());
    }

    /// <summary>The handovers of a person who left (normally one), newest first, for the administrator's view of that person.</summary>
    public async Task<IReadOnlyList<Guid>> OfPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Set<Handover>().AsNoTracking().Where(h => h.FromUserId == personId).OrderByDescending(h => h.At).Select(h => h.Id).ToListAsync(cancellationToken);

    internal static void Map(RouteGroupBuilder handovers) =>
        handovers.MapGet("/{id:guid}", async Task<Ok<HandoverDto>> (Guid id, GetHandover handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetHandover")
            .WithSummary("Biên bản bàn giao: người nghỉ việc, người tiếp nhận và danh sách công việc đã bàn giao.");
}
