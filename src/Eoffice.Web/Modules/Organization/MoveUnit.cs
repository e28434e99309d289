using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The administrator moves a unit (with everything below it) under another unit of the agency, or to the top of the
/// tree (<c>ParentId</c> empty). Moving a unit under itself or one of its own descendants is refused.
/// <c>POST /api/v1/organization/units/{id}/move</c>.
/// </summary>
public sealed class MoveUnit(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public sealed record Request(Guid? ParentId);

    public async Task<UnitResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var unit = await ListUnits.LoadAsync(db, agencyId, id, cancellationToken);
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.AgencyId == agencyId)
            .Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);

        Unit? parent = null;
        var ancestors = new List<Guid>();
        if (request.ParentId is { } parentId)
        {
            parent = parentId == unit.Id
                ? unit
                : await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == parentId && u.AgencyId == agencyId, cancellationToken)
                  ?? throw RuleException.Invalid("Không tìm thấy đơn vị cấp trên.", "parentId");
            for (var up = units.GetValueOrDefault(parentId); up is { } next && !ancestors.Contains(next); up = units.GetValueOrDefault(next))
            {
                ancestors.Add(next);
            }
        }

        var from = unit.ParentId;
        unit.MoveUnder(parent, ancestors);
        if (from == unit.ParentId)
        {
            return UnitResponse.From(unit);
        }

        await CreateUnit.EnsureNameFreeAsync(db, agencyId, unit.ParentId, unit.Name, unit.Id, cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("organization.unit.move", "unit", unit.Id.ToString(),
            Details: $"{unit.Name}: {from?.ToString() ?? "agency"} → {unit.ParentId?.ToString() ?? "agency"}"), cancellationToken);
        return UnitResponse.From(unit);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/units/{id:guid}/move", async Task<Ok<UnitResponse>> (Guid id, Request request, MoveUnit handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MoveUnit")
            .WithSummary("Chuyển đơn vị sang đơn vị cấp trên khác (hoặc lên trực thuộc cơ quan).");
}
