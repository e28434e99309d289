using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// Decree 30, Phụ lục VI III.3.c: every change of someone's rights is recorded and shown as a warning to the person in
/// authority until they confirm it. That person is the agency's designated rights approver while their account is
/// active; when the agency has none (or the approver has left or is disabled), the agency's administrators — those whose
/// roles grant <see cref="IdentityPermissions.ManageAccounts"/> — receive the warning and may confirm.
/// </summary>
public sealed class RightsApproval(EofficeDbContext db, IOrganizationDirectory directory, PermissionCatalog catalog, INotifier notifier, TimeProvider time, ICurrentUser currentUser)
{
    public const string PageLink = "/quan-tri/xac-nhan-phan-quyen";
    public const string NotificationCategory = "rights";

    /// <summary>
    /// Records the change in the current unit of work and warns whoever must confirm it. Saved (and notified) with the
    /// caller's change: a rolled-back change leaves no warning behind.
    /// </summary>
    public Task RecordAsync(User subject, string description, CancellationToken cancellationToken) =>
        RecordAsync([(subject, description)], cancellationToken);

    /// <summary>
    /// Records several changes (one per person, as an import makes them) and warns each reviewer once for all of them.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<(User Subject, string Description)> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var agency in changes.GroupBy(c => c.Subject.AgencyId))
        {
            var descriptions = agency.Select(c => c.Description).ToList();
            foreach (var (subject, description) in agency)
            {
                db.Add(new RightsChange(subject.AgencyId, subject.Id, description, now, currentUser.Id));
            }

            var body = descriptions.Count == 1
                ? descriptions[0]
                : $"{descriptions.Count} thay đổi quyền, trong đó: {descriptions[0]}; …";
            foreach (var recipient in await ReviewersAsync(agency.Key, cancellationToken))
            {
                await notifier.NotifyAsync(recipient, "Thay đổi quyền cần xác nhận", body, PageLink, NotificationCategory, cancellationToken);
            }
        }
    }

    /// <summary>The agency's designated approver if their account is active, else <c>null</c>.</summary>
    public async Task<Guid?> EffectiveApproverAsync(Guid? agencyId, CancellationToken cancellationToken)
    {
        if (agencyId is not { } id || await directory.FindAgencyAsync(id, cancellationToken) is not { RightsApproverId: { } approverId })
        {
            return null;
        }

        var active = await db.Set<User>().AnyAsync(u => u.Id == approverId && u.AgencyId == agencyId && u.Status == AccountStatus.Active, cancellationToken);
        return active ? approverId : null;
    }

    /// <summary>Who confirms the agency's rights changes: the approver, or else every active administrator of the agency.</summary>
    public async Task<IReadOnlyList<Guid>> ReviewersAsync(Guid? agencyId, CancellationToken cancellationToken)
    {
        if (await EffectiveApproverAsync(agencyId, cancellationToken) is { } approver)
        {
            return [approver];
        }

        var adminRoles = AdministratorRoles();
        return await db.Set<User>().AsNoTracking()
            .Where(u => u.AgencyId == agencyId && u.Status == AccountStatus.Active && u.RoleAssignments.Any(r => adminRoles.Contains(r.RoleCode)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="userId"/> (with or without the administrators' permission) confirms the changes of the agency.</summary>
    public async Task<bool> MayConfirmAsync(Guid userId, bool isAdministrator, Guid? agencyId, CancellationToken cancellationToken) =>
        await EffectiveApproverAsync(agencyId, cancellationToken) is { } approver ? approver == userId : isAdministrator;

    /// <summary>The current user may see the agency's rights changes: the approver and the administrators.</summary>
    public async Task<bool> MayViewAsync(CancellationToken cancellationToken) =>
        currentUser.Id is { } me && (currentUser.HasPermission(IdentityPermissions.ManageAccounts)
            || await EffectiveApproverAsync(currentUser.AgencyId, cancellationToken) == me);

    /// <summary>The number of changes waiting for the current user's confirmation (the header warning).</summary>
    public async Task<int> PendingForMeAsync(CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } me
            || !await MayConfirmAsync(me, currentUser.HasPermission(IdentityPermissions.ManageAccounts), currentUser.AgencyId, cancellationToken))
        {
            return 0;
        }

        var agencyId = currentUser.AgencyId;
        return await db.Set<RightsChange>().CountAsync(c => c.AgencyId == agencyId && c.ConfirmedAt == null, cancellationToken);
    }

    private List<string> AdministratorRoles() =>
        catalog.RoleNames.Keys.Where(role => catalog.PermissionsOf([role]).Contains(IdentityPermissions.ManageAccounts)).ToList();
}
