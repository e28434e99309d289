using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// The administrator's list of the agency's people: optionally only a unit (with the units below it) and a name, user
/// name or e-mail searched without case or tone marks ("nguyen van an" finds "Nguyễn Văn An").
/// <c>GET /api/v1/people?unitId=&amp;q=</c>, <c>GET /api/v1/people/{id}</c> and the page /quan-tri/can-bo.
/// </summary>
public sealed class ListPeople(EofficeDbContext db, PeopleScope scope, IOrganizationDirectory organization)
{
    public async Task<IReadOnlyList<PersonResponse>> HandleAsync(Guid? unitId, string? query, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var list = await db.Set<User>().AsNoTracking().Include(u => u.RoleAssignments).Where(u => u.AgencyId == agencyId).ToListAsync(cancellationToken);
        if (unitId is { } unit)
        {
            var units = await organization.UnitAndDescendantsAsync(unit, cancellationToken);
            list = list.Where(u => u.UnitId is { } id && units.Contains(id)).ToList();
        }

        var folded = VietnameseText.Fold(query);
        if (folded.Length > 0)
        {
            list = list.Where(u => VietnameseText.Fold(u.FullName).Contains(folded, StringComparison.Ordinal)
                || u.UserName.Contains(folded, StringComparison.Ordinal)
                || (u.Email?.Contains(folded, StringComparison.OrdinalIgnoreCase) ?? false)).ToList();
        }

        return list.OrderBy(u => PeopleDirectory.GivenName(u.FullName), VietnameseText.Comparer)
            .ThenBy(u => u.FullName, VietnameseText.Comparer)
            .Select(PersonResponse.From).ToList();
    }

    public async Task<PersonResponse> FindAsync(Guid id, CancellationToken cancellationToken) =>
        PersonResponse.From(await PeopleScope.LoadAsync(db, scope.AgencyId, id, cancellationToken));

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<IReadOnlyList<PersonResponse>>> (Guid? unitId, string? q, ListPeople handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(unitId, q, ct)))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .WithName("ListPeople")
            .WithSummary("Danh sách cán bộ của cơ quan, lọc theo đơn vị và tìm theo tên (không phân biệt dấu).");

        group.MapGet("/{id:guid}", async Task<Ok<PersonResponse>> (Guid id, ListPeople handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.FindAsync(id, ct)))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPerson")
            .WithSummary("Một cán bộ của cơ quan.");
    }
}
