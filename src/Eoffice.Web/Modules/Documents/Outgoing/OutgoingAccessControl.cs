using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// The signed-in person as the outgoing-document rules see them: their agency and unit, the units they lead (whose
/// consultations they answer), the outgoing registers they keep, and the people whose drafts they approve today under a
/// delegation (<c>documents.outgoing.approve</c>).
/// </summary>
public sealed record OutgoingViewer(
    Guid UserId,
    string Name,
    Guid AgencyId,
    Guid? UnitId,
    IReadOnlySet<Guid> LedUnits,
    IReadOnlySet<Guid> KeptRegisters,
    IReadOnlyList<ActingFor> Delegations) : IOutgoingParty
{
    /// <summary>Every principal id whose access rows let this viewer see a document.</summary>
    public IReadOnlyList<Guid> Principals { get; } = [UserId, .. Delegations.Select(d => d.DelegatorId), .. LedUnits, .. KeptRegisters];

    public Actor Self => new(UserId, Name);

    public Actor? ActorFor(Assignment assignment)
    {
        if (assignment.RecipientUserId == UserId || (assignment.RecipientUnitId is { } unit && LedUnits.Contains(unit)))
        {
            return Self;
        }

        var delegation = Delegations.FirstOrDefault(d => d.DelegatorId == assignment.RecipientUserId);
        return delegation is null ? null : new Actor(UserId, Name, delegation.DelegatorId, delegation.DelegatorName);
    }

    public Actor? SenderFor(Assignment assignment)
    {
        if (assignment.SenderId == UserId)
        {
            return Self;
        }

        var delegation = Delegations.FirstOrDefault(d => d.DelegatorId == assignment.SenderId);
        return delegation is null ? null : new Actor(UserId, Name, delegation.DelegatorId, delegation.DelegatorName);
    }

    public bool Keeps(Guid registerId) => KeptRegisters.Contains(registerId);

    public bool IsAddressedTo(Assignment assignment) =>
        assignment.RecipientUserId == UserId || (assignment.RecipientUnitId is { } unit && LedUnits.Contains(unit));
}

/// <summary>
/// Who may see an outgoing document: its drafter, the people of its chain and those consulted (its access rows: people,
/// and units whose leaders answer), delegates while the delegation runs, and the keepers of its outgoing register. For
/// anyone else it does not exist (404) — pages, API, files and exports alike.
/// </summary>
public sealed class OutgoingAccessControl(EofficeDbContext db, ICurrentUser currentUser, IAccessScopes scopes, IDelegations delegations, IPeopleDirectory people)
{
    private OutgoingViewer? viewer;

    public async Task<OutgoingViewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        if (viewer is not null)
        {
            return viewer;
        }

        if (currentUser.Id is not { } userId || currentUser.AgencyId is not { } agencyId)
        {
            throw RuleException.NotFound();
        }

        var led = await scopes.UnitsWherePermittedAsync(userId, DocumentsPermissions.DistributeIncoming, cancellationToken);
        var kept = await db.Set<RegisterKeeper>().AsNoTracking().Where(k => k.UserId == userId)
            .Join(db.Set<Register>().Where(r => r.Kind == RegisterKind.Outgoing), k => k.RegisterId, r => r.Id, (k, r) => r.Id)
            .ToListAsync(cancellationToken);
        var acting = (await delegations.ActingForAsync(userId, cancellationToken))
            .Where(d => d.Rights.Contains(DocumentsPermissions.Delegable.ApproveOutgoing)).ToList();
        var person = await people.FindPersonAsync(userId, cancellationToken);
        viewer = new OutgoingViewer(userId, currentUser.FullName ?? currentUser.UserName ?? "", agencyId, person?.UnitId, led ?? new HashSet<Guid>(),
            kept.ToHashSet(), acting);
        return viewer;
    }

    /// <summary>The documents <paramref name="v"/> may see.</summary>
    public IQueryable<OutgoingDocument> Visible(OutgoingViewer v)
    {
        var principals = v.Principals.ToList();
        return db.Set<OutgoingDocument>().Where(d => d.AgencyId == v.AgencyId
            && db.Set<OutgoingAccess>().Any(a => a.OwnerId == d.Id && principals.Contains(a.PrincipalId)));
    }

    public async Task<bool> CanSeeAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var v = await ViewerAsync(cancellationToken);
        return await Visible(v).AnyAsync(d => d.Id == documentId, cancellationToken);
    }

    /// <summary>Loads a document with everything needed to act on it, or answers 404 when the viewer may not see it.</summary>
    public async Task<OutgoingDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var v = await ViewerAsync(cancellationToken);
        if (!await Visible(v).AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            throw RuleException.NotFound();
        }

        return await db.Set<OutgoingDocument>()
            .Include(d => d.Assignments)
            .Include(d => d.Versions)
            .Include(d => d.Recipients)
            .Include(d => d.Events)
            .Include(d => d.Access)
            .AsSplitQuery()
            .FirstAsync(d => d.Id == documentId, cancellationToken);
    }
}
