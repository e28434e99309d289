using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Delegations;

/// <summary>
/// One delegation, and the current user's own list (given and received). A delegation is visible to its delegator, its
/// delegate and the administrators of their agency; to anyone else it does not exist (404).
/// </summary>
public sealed class GetDelegation(EofficeDbContext db, AgencyPeople people, ICurrentUser currentUser, PermissionCatalog catalog, TimeProvider time)
{
    public sealed record Mine(IReadOnlyList<DelegationDto> Given, IReadOnlyList<DelegationDto> Received);

    public async Task<(Delegation Delegation, DelegationDto Dto)> FindVisibleAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = (tracked ? db.Set<Delegation>() : db.Set<Delegation>().AsNoTracking()).Include(d => d.Rights);
        var delegation = await query.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        var me = currentUser.Id;
        var visible = delegation is not null && (delegation.DelegatorId == me || delegation.DelegateId == me
            || (currentUser.HasPermission(IdentityPermissions.ManageAccounts) && await people.InMyAgency().AnyAsync(u => u.Id == delegation.DelegatorId, cancellationToken)));
        if (!visible)
        {
            throw RuleException.NotFound("Không tìm thấy ủy quyền.");
        }

        var names = await NamesAsync([delegation!.DelegatorId, delegation.DelegateId], cancellationToken);
        return (delegation, DelegationDto.From(delegation, names[delegation.DelegatorId], names[delegation.DelegateId], Today, catalog));
    }

    public async Task<Mine> MineAsync(CancellationToken cancellationToken)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var all = await db.Set<Delegation>().AsNoTracking().Include(d => d.Rights).Where(d => d.DelegatorId == me || d.DelegateId == me)
            .OrderByDescending(d => d.StartsOn).ThenByDescending(d => d.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var names = await NamesAsync(all.SelectMany(d => new[] { d.DelegatorId, d.DelegateId }), cancellationToken);
        var today = Today;
        var dtos = all.Select(d => DelegationDto.From(d, names[d.DelegatorId], names[d.DelegateId], today, catalog)).ToList();
        return new Mine(dtos.Where(d => d.DelegatorId == me).ToList(), dtos.Where(d => d.DelegateId == me).ToList());
    }

    private DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        return await db.Set<User>().AsNoTracking().Where(u => distinct.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder delegations)
    {
        delegations.MapGet("/", async Task<Ok<Mine>> (GetDelegation handler, CancellationToken ct) => TypedResults.Ok(await handler.MineAsync(ct)))
            .WithName("ListMyDelegations")
            .WithSummary("Các ủy quyền của tôi: đã giao cho người khác và được người khác giao.");

        delegations.MapGet("/{id:guid}", async Task<Ok<DelegationDto>> (Guid id, GetDelegation handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.FindVisibleAsync(id, tracked: false, ct)).Dto))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDelegation")
            .WithSummary("Một ủy quyền (người ủy quyền, người được ủy quyền hoặc quản trị của cơ quan).");
    }
}
