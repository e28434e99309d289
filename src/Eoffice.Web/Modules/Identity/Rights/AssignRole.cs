using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// The administrator gives a person of their agency a default role, for the whole agency or limited to one of its units
/// (and the units below it). The person holds the new rights from their next request. The change is audited, recorded
/// as a rights change and shown to the agency's approver as a warning until confirmed.
/// </summary>
public sealed class AssignRole(
    AgencyPeople people,
    IOrganizationDirectory directory,
    RoleGrants grants,
    UnitOfWork unitOfWork)
{
    /// <summary><c>RoleCode</c>: one of <see cref="DefaultRoles.All"/>; <c>ScopeUnitId</c>: a unit of the person's agency, or none for the whole agency.</summary>
    public sealed record Request(string? RoleCode, Guid? ScopeUnitId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => AssignRole.Validate(this);
    }

    public static Dictionary<string, string[]> Validate(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.RoleCode))
        {
            errors["roleCode"] = ["Vui lòng chọn vai trò."];
        }
        else if (!DefaultRoles.All.Contains(request.RoleCode))
        {
            errors["roleCode"] = ["Vai trò không hợp lệ."];
        }

        return errors;
    }

    /// <exception cref="RuleException">The person is not of the administrator's agency.</exception>
    /// <exception cref="RuleException">A scope outside the agency (400), departed person or role already held (409).</exception>
    public async Task<RoleAssignmentDto> HandleAsync(Guid personId, Request request, CancellationToken cancellationToken)
    {
        var roleCode = request.RoleCode!;
        var person = await people.FindAsync(personId, cancellationToken);
        if (person.Status == AccountStatus.Departed)
        {
            throw RuleException.Conflict("Cán bộ đã nghỉ việc, không thể cấp vai trò.");
        }

        var scopeName = GetPersonRoles.AgencyWide;
        if (request.ScopeUnitId is { } unitId)
        {
            var unit = await directory.FindUnitAsync(unitId, cancellationToken);
            if (unit is null || person.AgencyId is null || unit.AgencyId != person.AgencyId)
            {
                throw RuleException.Invalid("Đơn vị không thuộc cơ quan của cán bộ.", "scopeUnitId");
            }

            scopeName = unit.Name;
        }

        if (person.RoleAssignments.Any(r => r.RoleCode == roleCode && r.ScopeUnitId == request.ScopeUnitId))
        {
            throw RuleException.Conflict("Cán bộ đã có vai trò này với phạm vi này.", "roleCode");
        }

        var grant = new RoleGrants.Grant(roleCode, request.ScopeUnitId, scopeName);
        var assignment = (await grants.GrantAsync(person, [grant], occasion: null, cancellationToken))[0];
        await unitOfWork.CommitAsync(new AuditEvent("identity.role.grant", "user", person.Id.ToString(), Details: $"Cấp vai trò {grant.AuditText}"),
            cancellationToken);
        return new RoleAssignmentDto(assignment.Id, roleCode, grant.RoleName, request.ScopeUnitId, scopeName, assignment.GrantedAt);
    }

    internal static void Map(RouteGroupBuilder people) =>
        people.MapPost("/{id:guid}/roles", async Task<Results<Created<RoleAssignmentDto>, ValidationProblem>> (
                Guid id, Request request, AssignRole handler, CancellationToken ct) =>
            {
                var assignment = await handler.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/people/{id}/roles/{assignment.Id}", assignment);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AssignRole")
            .WithSummary("Cấp vai trò cho cán bộ, cho toàn cơ quan hoặc trong phạm vi một đơn vị (quản trị).");
}
