using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// Bàn giao hồ sơ (REQUIREMENTS §1.9.3; regulation 001 Điều 9.1) through the departure seam: the departing person's open
/// dossiers go to the successor, with one handover record (from, to, when, the dossiers) that each dossier's page shows.
/// Runs inside the departure's transaction (no commit here).
/// </summary>
internal sealed class DossierOpenWorkHandover(EofficeDbContext db, IPeopleDirectory people, TimeProvider time) : IOpenWorkHandover
{
    public string Module => "Hồ sơ công việc";

    public async Task<IReadOnlyList<HandedOverItem>> HandOverAsync(Guid fromUserId, Guid toUserId, CancellationToken cancellationToken)
    {
        var open = await db.Set<Dossier>().Where(d => d.OwnerId == fromUserId && d.Status == DossierStatus.Open).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var from = await people.FindPersonAsync(fromUserId, cancellationToken);
        var to = await people.FindPersonAsync(toUserId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var items = new List<HandedOverItem>();
        foreach (var agency in open.GroupBy(d => d.AgencyId))
        {
            var handover = new DossierHandover(agency.Key, fromUserId, from?.FullName ?? "", toUserId, to?.FullName ?? "", now);
            foreach (var dossier in agency)
            {
                handover.Add(dossier, now);
                items.Add(new HandedOverItem("dossier", dossier.Id.ToString(), $"Hồ sơ {dossier.Notation}: {dossier.Title}"));
            }

            db.Add(handover);
        }

        return items;
    }
}
