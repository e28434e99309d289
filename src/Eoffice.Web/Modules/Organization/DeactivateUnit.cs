using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The administrator stops a unit (it is never deleted, so documents naming it stay readable). Refused while active
/// units are below it or active people still work in it. <c>POST /api/v1/organization/units/{id}/deactivate</c>.
/// </summary>
public sealed class DeactivateUnit(EofficeDbContext db, AgencyScope scope, IPeopleDirectory people, UnitOfWork unitOfWork)
{
    public async Task<UnitResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var unit = await ListUnits.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        if (!unit.IsActive)
        {
            return UnitResponse.From(unit);
        }

        var hasActiveChildren = await db.Set<Unit>().AnyAsync(u => u.ParentId == unit.Id && u.IsActive, cancellationToken);
        unit.Deactivate(hasActiveChildren);
        var staff = await people.CountActiveInUnitAsync(unit.Id, cancellationToken);
        if (staff > 0)
        {
            throw RuleException.Conflict($"Đơn vị còn {staff} cán bộ đang làm việc; hãy chuyển họ sang đơn vị khác trước.", "isActive");
        }

        await unitOfWork.CommitAsync(new AuditEvent("organization.unit.deactivate", "unit", unit.Id.ToString(), Details: unit.Name), cancellationToken);
        return UnitResponse.From(unit);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/units/{id:guid}/deactivate", async Task<Ok<UnitResponse>> (Guid id, DeactivateUnit handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeactivateUnit")
            .WithSummary("Ngừng hoạt động một đơn vị (không xóa).");
}
