using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Bàn giao (regulation 001 Điều 9.1) for incoming documents: the departing person's open assignments (chờ xử lý, đang
/// xử lý) move to the successor, who from then on sees and handles them; each document's history records the handover.
/// Runs inside the departure's transaction (no commit here).
/// </summary>
internal sealed class IncomingOpenWorkHandover(EofficeDbContext db, IPeopleDirectory people, ICurrentUser currentUser, TimeProvider time) : IOpenWorkHandover
{
    public string Module => "Văn bản đến";

    public async Task<IReadOnlyList<HandedOverItem>> HandOverAsync(Guid fromUserId, Guid toUserId, CancellationToken cancellationToken)
    {
        var open = new[] { AssignmentStatus.Open, AssignmentStatus.Forwarded };
        var documentIds = await db.Set<IncomingAssignment>().AsNoTracking()
            .Where(a => a.RecipientUserId == fromUserId && open.Contains(a.Status)).Select(a => a.OwnerId).Distinct().ToListAsync(cancellationToken);
        if (documentIds.Count == 0)
        {
            return [];
        }

        var from = await people.FindPersonAsync(fromUserId, cancellationToken);
        var to = await people.FindPersonAsync(toUserId, cancellationToken)
            ?? throw RuleException.Invalid("Người nhận bàn giao không tồn tại.");
        var actor = new Actor(currentUser.Id ?? toUserId, currentUser.FullName ?? currentUser.UserName ?? to.FullName);
        var now = time.GetUtcNow().UtcDateTime;
        var documents = await db.Set<IncomingDocument>().Include(d => d.Assignments).Include(d => d.Access).Include(d => d.Events)
            .AsSplitQuery().Where(d => documentIds.Contains(d.Id)).ToListAsync(cancellationToken);
        var items = new List<HandedOverItem>();
        foreach (var document in documents)
        {
            var moved = document.HandOver(fromUserId, from?.FullName ?? "", AssignmentTarget.Person(toUserId, to.FullName, AssignmentRole.Direct, null, to.UnitId),
                actor, now);
            if (moved.Count > 0)
            {
                items.Add(new HandedOverItem("incoming-document", document.Id.ToString(),
                    $"Văn bản đến số {document.ArrivalNumber}/{document.Year}: {document.Metadata.Subject}"));
            }
        }

        return items;
    }
}
