using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The administrator brings a stopped unit back; its parent must be active. <c>POST /api/v1/organization/units/{id}/reactivate</c>.
/// </summary>
public sealed class ReactivateUnit(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public async Task<UnitResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = await ListUnits.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        if (unit.IsActive)
        {
            return UnitResponse.From(unit);
        }

        if (unit.ParentId is { } parentId && !await db.Set<Unit>().AnyAsync(u => u.Id == parentId && u.IsActive, cancellationToken))
        {
            throw RuleException.Conflict("Đơn vị cấp trên đang ngừng hoạt động; hãy khôi phục đơn vị cấp trên trước.", "parentId");
        }

        unit.Reactivate();
        await unitOfWork.CommitAsync(new AuditEvent("organization.unit.reactivate", "unit", unit.Id.ToString(), Details: unit.Name), cancellationToken);
        return UnitResponse.From(unit);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/units/{id:guid}/reactivate", async Task<Ok<UnitResponse>> (Guid id, ReactivateUnit handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReactivateUnit")
            .WithSummary("Khôi phục hoạt động của một đơn vị.");
}
