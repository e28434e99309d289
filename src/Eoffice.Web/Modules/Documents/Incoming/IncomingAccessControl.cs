using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// The signed-in person as the incoming-document rules see them: their agency; the units whose documents they follow
/// (<see cref="AgencyWideTracker"/> for the whole agency); the units they lead (whose unit assignments they act on); the
/// registers they keep; and the people whose incoming documents they handle today under a delegation.
/// </summary>
public sealed record IncomingViewer(
    Guid UserId,
    string Name,
    Guid AgencyId,
    bool AgencyWideTracker,
    IReadOnlySet<Guid> TrackedUnits,
    bool AgencyWideDistributor,
    IReadOnlySet<Guid> LedUnits,
    IReadOnlySet<Guid> KeptRegisters,
    IReadOnlyList<ActingFor> Delegations) : IIncomingParty
{
    /// <summary>Every principal id whose access rows let this viewer see a document (a kept register: what its unit received).</summary>
    public IReadOnlyList<Guid> Principals { get; } =
        [UserId, .. Delegations.Select(d => d.DelegatorId), .. TrackedUnits, .. LedUnits, .. KeptRegisters];

    public IReadOnlyList<Guid> DelegatorIds { get; } = Delegations.Select(d => d.DelegatorId).ToList();

    /// <summary>The units whose own incoming registers this viewer keeps: what is sent to them waits for this clerk first.</summary>
    public IReadOnlySet<Guid> ReceivingUnits { get; init; } = new HashSet<Guid>();

    public bool LeadsUnit(Guid unitId) => AgencyWideDistributor || LedUnits.Contains(unitId);

    /// <summary>
    /// Who acts when this viewer acts on <paramref name="assignment"/>: themselves (their own assignment, or one
    /// addressed to a unit they lead), a delegator they stand in for, or <c>null</c> when they may not act on it.
    /// </summary>
    public Actor? ActorFor(Assignment assignment)
    {
        if (assignment.RecipientUserId == UserId || (assignment.RecipientUnitId is { } unit && LeadsUnit(unit)))
        {
            return new Actor(UserId, Name);
        }

        var delegation = Delegations.FirstOrDefault(d => d.DelegatorId == assignment.RecipientUserId);
        return delegation is null ? null : new Actor(UserId, Name, delegation.DelegatorId, delegation.DelegatorName);
    }

    /// <summary>The actor who may take back <paramref name="assignment"/>: its sender, or a delegate of the sender.</summary>
    public Actor? SenderFor(Assignment assignment)
    {
        if (assignment.SenderId == UserId)
        {
            return Self;
        }

        var delegation = Delegations.FirstOrDefault(d => d.DelegatorId == assignment.SenderId);
        return delegation is null ? null : new Actor(UserId, Name, delegation.DelegatorId, delegation.DelegatorName);
    }

    /// <summary>The actor for an action that is not tied to an assignment (an opinion, a clerk's action).</summary>
    public Actor Self => new(UserId, Name);

    public bool Keeps(Guid registerId) => KeptRegisters.Contains(registerId);

    /// <summary>Whether an assignment is addressed to this viewer in person or to a unit in their own scope (what "read" means).</summary>
    public bool IsAddressedTo(Assignment assignment) =>
        assignment.RecipientUserId == UserId || (assignment.RecipientUnitId is { } unit && LedUnits.Contains(unit));
}

/// <summary>
/// Who may see an incoming document: participants (registered, sent, received or acted on it), the register's keepers,
/// leaders of the units involved (through the unit rows of the access list and their tracking scope; agency-wide
/// trackers see every document of the agency), delegates while the delegation runs, and people it was explicitly
/// shared with. Every list and every read goes through here; for anyone else the document does not exist (404).
/// </summary>
public sealed class IncomingAccessControl(EofficeDbContext db, ICurrentUser currentUser, IAccessScopes scopes, IDelegations delegations)
{
    private IncomingViewer? viewer;

    public async Task<IncomingViewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        if (viewer is not null)
        {
            return viewer;
        }

        if (currentUser.Id is not { } userId || currentUser.AgencyId is not { } agencyId)
        {
            throw RuleException.NotFound();
        }

        var tracked = await scopes.UnitsWherePermittedAsync(userId, DocumentsPermissions.TrackIncoming, cancellationToken);
        var led = await scopes.UnitsWherePermittedAsync(userId, DocumentsPermissions.DistributeIncoming, cancellationToken);
        var kept = await db.Set<RegisterKeeper>().AsNoTracking().Where(k => k.UserId == userId).Select(k => k.RegisterId).ToListAsync(cancellationToken);
        var receiving = kept.Count == 0
            ? []
            : await db.Set<Register>().AsNoTracking().Where(r => kept.Contains(r.Id) && r.UnitId != null && r.Kind == RegisterKind.Incoming)
                .Select(r => r.UnitId!.Value).Distinct().ToListAsync(cancellationToken);
        var acting = (await delegations.ActingForAsync(userId, cancellationToken))
            .Where(d => d.Rights.Contains(DocumentsPermissions.Delegable.HandleIncoming)).ToList();
        viewer = new IncomingViewer(
            userId,
            currentUser.FullName ?? currentUser.UserName ?? "",
            agencyId,
            tracked is null && currentUser.HasPermission(DocumentsPermissions.TrackIncoming),
            tracked ?? new HashSet<Guid>(),
            led is null && currentUser.HasPermission(DocumentsPermissions.DistributeIncoming),
            led ?? new HashSet<Guid>(),
            kept.ToHashSet(),
            acting) { ReceivingUnits = receiving.ToHashSet() };
        return viewer;
    }

    /// <summary>The documents <paramref name="v"/> may see.</summary>
    public IQueryable<IncomingDocument> Visible(IncomingViewer v)
    {
        var documents = db.Set<IncomingDocument>().Where(d => d.AgencyId == v.AgencyId);
        if (v.AgencyWideTracker)
        {
            return documents;
        }

        var registers = v.KeptRegisters.ToList();
        var principals = v.Principals.ToList();
        return documents.Where(d => registers.Contains(d.RegisterId)
            || db.Set<IncomingAccess>().Any(a => a.OwnerId == d.Id && principals.Contains(a.PrincipalId)));
    }

    public async Task<bool> CanSeeAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var v = await ViewerAsync(cancellationToken);
        return await Visible(v).AnyAsync(d => d.Id == documentId, cancellationToken);
    }

    /// <summary>Loads a document with everything needed to act on it, or answers 404 when the viewer may not see it.</summary>
    public async Task<IncomingDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        var v = await ViewerAsync(cancellationToken);
        if (!await Visible(v).AnyAsync(d => d.Id == documentId, cancellationToken))
        {
            throw RuleException.NotFound();
        }

        return await db.Set<IncomingDocument>()
            .Include(d => d.Assignments)
            .Include(d => d.Attachments)
            .Include(d => d.UnitReceipts)
            .Include(d => d.Events)
            .Include(d => d.Access)
            .AsSplitQuery()
            .FirstAsync(d => d.Id == documentId, cancellationToken);
    }
}
