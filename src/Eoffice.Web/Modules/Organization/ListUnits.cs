using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The unit tree of the current user's agency, parents before children with their depth (active and inactive units).
/// <c>GET /api/v1/organization/units</c> and <c>GET /api/v1/organization/units/{id}</c>.
/// </summary>
public sealed class ListUnits(EofficeDbContext db, AgencyScope scope)
{
    public async Task<IReadOnlyList<UnitResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.AgencyId == agencyId).ToListAsync(cancellationToken);
        return AsTree(units);
    }

    public async Task<UnitResponse> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var units = await HandleAsync(cancellationToken);
        return units.FirstOrDefault(u => u.Id == id) ?? throw RuleException.NotFound();
    }

    /// <summary>Parents before children, siblings by sort order then name (vi-VN), each with its depth.</summary>
    internal static IReadOnlyList<UnitResponse> AsTree(IReadOnlyCollection<Unit> units)
    {
        var children = units.ToLookup(u => u.ParentId);
        var ordered = new List<UnitResponse>(units.Count);
        var seen = new HashSet<Guid>();
        void Visit(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Name, VietnameseText.Comparer))
            {
                if (seen.Add(unit.Id))
                {
                    ordered.Add(UnitResponse.From(unit, depth));
                    Visit(unit.Id, depth + 1);
                }
            }
        }

        Visit(null, 0);
        ordered.AddRange(units.Where(u => !seen.Contains(u.Id)).Select(u => UnitResponse.From(u)));
        return ordered;
    }

    /// <summary>Loads a unit of <paramref name="agencyId"/> for change; a unit of another agency is "not found".</summary>
    internal static async Task<Unit> LoadAsync(EofficeDbContext db, Guid agencyId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id && u.AgencyId == agencyId, cancellationToken)
        ?? throw RuleException.NotFound("Không tìm thấy đơn vị hoặc bạn không có quyền truy cập.");

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/units", async Task<Ok<IReadOnlyList<UnitResponse>>> (ListUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ViewOrganization))
            .WithName("ListUnits")
            .WithSummary("Cây đơn vị của cơ quan (cả đơn vị đã ngừng hoạt động).");

        group.MapGet("/units/{id:guid}", async Task<Ok<UnitResponse>> (Guid id, ListUnits handler, CancellationToken ct) => TypedResults.Ok(await handler.FindAsync(id, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ViewOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetUnit")
            .WithSummary("Một đơn vị của cơ quan.");
    }
}
