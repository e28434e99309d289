using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>One role a person holds, with its scope: a unit (and the units below it) or, without one, the whole agency.</summary>
public sealed record RoleAssignmentDto(Guid Id, string RoleCode, string RoleName, Guid? ScopeUnitId, string ScopeName, DateTime GrantedAt);

/// <summary>A person's roles as the administrator manages them.</summary>
public sealed record PersonRolesDto(Guid PersonId, string FullName, string UserName, string Status, IReadOnlyList<RoleAssignmentDto> Roles);

/// <summary>The roles of one person of the administrator's agency (<c>GET /api/v1/people/{id}/roles</c> and the page).</summary>
public sealed class GetPersonRoles(AgencyPeople people, IOrganizationDirectory directory)
{
    public const string AgencyWide = "toàn cơ quan";

    public async Task<PersonRolesDto> HandleAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await people.InMyAgency().AsNoTracking().Include(u => u.RoleAssignments)
            .FirstOrDefaultAsync(u => u.Id == personId, cancellationToken) ?? throw RuleException.NotFound(AgencyPeople.NotFoundMessage);
        var units = person.AgencyId is { } agencyId
            ? (await directory.UnitsOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(u => u.Id, u => u.Name)
            : [];
        var roles = person.RoleAssignments
            .OrderBy(r => DefaultRolesOrder(r.RoleCode)).ThenBy(r => r.ScopeUnitId.HasValue).ThenBy(r => r.GrantedAt)
            .Select(r => new RoleAssignmentDto(r.Id, r.RoleCode, RoleName(r.RoleCode), r.ScopeUnitId,
                r.ScopeUnitId is { } unit ? units.GetValueOrDefault(unit, unit.ToString()) : AgencyWide, r.GrantedAt))
            .ToList();
        return new PersonRolesDto(person.Id, person.FullName, person.UserName, StatusName(person.Status), roles);
    }

    public static string RoleName(string code) => DefaultRoles.Names.GetValueOrDefault(code, code);

    public static string StatusName(AccountStatus status) => status switch
    {
        AccountStatus.Active => "Đang hoạt động",
        AccountStatus.Disabled => "Đã khóa",
        _ => "Đã nghỉ việc",
    };

    private static int DefaultRolesOrder(string code) => DefaultRoles.All.Contains(code) ? DefaultRoles.All.ToList().IndexOf(code) : int.MaxValue;

    internal static void Map(RouteGroupBuilder people) =>
        people.MapGet("/{id:guid}/roles", async Task<Ok<PersonRolesDto>> (Guid id, GetPersonRoles handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPersonRoles")
            .WithSummary("Các vai trò và phạm vi của một cán bộ trong cơ quan (quản trị).");
}
