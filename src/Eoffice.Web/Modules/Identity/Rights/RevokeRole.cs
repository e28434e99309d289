using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// The administrator takes a role (with its scope) away from a person of their agency; the person loses the rights on
/// their next request. Audited, recorded as a rights change and shown to the approver. The agency's last active
/// administrator keeps the role, so an agency is never left without anyone to manage it.
/// </summary>
public sealed class RevokeRole(
    AgencyPeople people,
    GetPersonRoles roles,
    RightsApproval approval,
    UnitOfWork unitOfWork,
    PermissionCatalog catalog)
{
    /// <exception cref="RuleException">The person or the assignment is not of the administrator's agency.</exception>
    /// <exception cref="RuleException">Revoking the last administrator (409).</exception>
    public async Task HandleAsync(Guid personId, Guid assignmentId, CancellationToken cancellationToken)
    {
        var before = await roles.HandleAsync(personId, cancellationToken);
        var assignment = before.Roles.FirstOrDefault(r => r.Id == assignmentId)
            ?? throw RuleException.NotFound("Không tìm thấy vai trò của cán bộ.");
        var person = await people.FindAsync(personId, cancellationToken);

        var lastAdministratorAtRisk = catalog.PermissionsOf([assignment.RoleCode]).Contains(IdentityPermissions.ManageAccounts)
            && person.Status == AccountStatus.Active
            && !person.RoleAssignments.Any(r => r.Id != assignmentId && catalog.PermissionsOf([r.RoleCode]).Contains(IdentityPermissions.ManageAccounts));

        person.RevokeRole(assignment.RoleCode, assignment.ScopeUnitId);
        await approval.RecordAsync(person, $"Thu hồi vai trò {assignment.RoleName} (phạm vi: {assignment.ScopeName}) của {person.FullName}", cancellationToken);

        // The last-administrator check is read inside the transaction, under the write lock, so that two administrators
        // revoking each other at the same moment cannot both pass it.
        await unitOfWork.CommitAsync(
            async ct => lastAdministratorAtRisk && !await OtherAdministratorExistsAsync(personId, ct)
                ? throw RuleException.Conflict("Không thể thu hồi vai trò quản trị của quản trị viên cuối cùng trong cơ quan.")
                : true,
            _ => new AuditEvent("identity.role.revoke", "user", person.Id.ToString(),
                Details: $"Thu hồi vai trò {assignment.RoleName} [{assignment.RoleCode}], phạm vi: {assignment.ScopeName} [{assignment.ScopeUnitId?.ToString() ?? "agency"}]"),
            cancellationToken);
    }

    private Task<bool> OtherAdministratorExistsAsync(Guid personId, CancellationToken cancellationToken)
    {
        var adminRoles = catalog.RoleNames.Keys.Where(r => catalog.PermissionsOf([r]).Contains(IdentityPermissions.ManageAccounts)).ToList();
        return people.InMyAgency().AnyAsync(u => u.Id != personId && u.Status == AccountStatus.Active
            && u.RoleAssignments.Any(r => adminRoles.Contains(r.RoleCode)), cancellationToken);
    }

    internal static void Map(RouteGroupBuilder people) =>
        people.MapDelete("/{id:guid}/roles/{assignmentId:guid}", async Task<NoContent> (Guid id, Guid assignmentId, RevokeRole handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, assignmentId, ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RevokeRole")
            .WithSummary("Thu hồi một vai trò (với phạm vi của nó) của cán bộ (quản trị).");
}
