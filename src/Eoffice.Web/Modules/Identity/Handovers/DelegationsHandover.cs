using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Handovers;

/// <summary>
/// The identity module's own open work of a departing person: delegations they gave or received that have not ended.
/// A delegation is personal (it names both people), so it is not passed on: it is revoked, and the handover lists it
/// so the successor can ask for a new one where needed.
/// </summary>
internal sealed class DelegationsHandover(EofficeDbContext db, PermissionCatalog catalog, TimeProvider time) : IOpenWorkHandover
{
    public string Module => "Ủy quyền";

    public async Task<IReadOnlyList<HandedOverItem>> HandOverAsync(Guid fromUserId, Guid toUserId, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var open = await db.Set<Delegation>().Include(d => d.Rights)
            .Where(d => (d.DelegatorId == fromUserId || d.DelegateId == fromUserId) && d.RevokedAt == null && d.EndsOn >= today)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var ids = open.SelectMany(d => new[] { d.DelegatorId, d.DelegateId }).Distinct().ToList();
        var names = await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var items = new List<HandedOverItem>();
        foreach (var delegation in open)
        {
            delegation.Revoke(now, null);
            var period = $"{VietnamTime.FormatDate(delegation.StartsOn)} – {VietnamTime.FormatDate(delegation.EndsOn)}";
            items.Add(new HandedOverItem("delegation", delegation.Id.ToString(),
                $"Thu hồi ủy quyền của {names[delegation.DelegatorId]} cho {names[delegation.DelegateId]} ({DelegatedRightNames.Describe(delegation.Rights, catalog)}, {period})"));
        }

        return items;
    }
}
