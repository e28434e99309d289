using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>The positions of the current user's agency by rank. <c>GET /api/v1/organization/positions</c>.</summary>
public sealed class ListPositions(EofficeDbContext db, AgencyScope scope)
{
    public async Task<IReadOnlyList<PositionResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var positions = await db.Set<Position>().AsNoTracking().Where(p => p.AgencyId == agencyId).ToListAsync(cancellationToken);
        return positions.OrderBy(p => p.Rank).ThenBy(p => p.Name, VietnameseText.Comparer).Select(PositionResponse.From).ToList();
    }

    public async Task<PositionResponse> FindAsync(Guid id, CancellationToken cancellationToken) =>
        PositionResponse.From(await LoadAsync(db, scope.AgencyId, id, cancellationToken));

    /// <summary>Loads a position of <paramref name="agencyId"/>; a position of another agency is "not found".</summary>
    internal static async Task<Position> LoadAsync(EofficeDbContext db, Guid agencyId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Position>().FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == agencyId, cancellationToken)
        ?? throw RuleException.NotFound("Không tìm thấy chức vụ hoặc bạn không có quyền truy cập.");

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/positions", async Task<Ok<IReadOnlyList<PositionResponse>>> (ListPositions handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ViewOrganization))
            .WithName("ListPositions")
            .WithSummary("Danh sách chức vụ của cơ quan.");

        group.MapGet("/positions/{id:guid}", async Task<Ok<PositionResponse>> (Guid id, ListPositions handler, CancellationToken ct) => TypedResults.Ok(await handler.FindAsync(id, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ViewOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPosition")
            .WithSummary("Một chức vụ của cơ quan.");
    }
}
