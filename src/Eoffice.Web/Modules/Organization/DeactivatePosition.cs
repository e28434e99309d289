using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The administrator stops using a position: nobody new can be given it; people who hold it keep it until moved.
/// <c>POST /api/v1/organization/positions/{id}/deactivate</c>.
/// </summary>
public sealed class DeactivatePosition(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public async Task<PositionResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var position = await ListPositions.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        if (!position.IsActive)
        {
            return PositionResponse.From(position);
        }

        position.Deactivate();
        await unitOfWork.CommitAsync(new AuditEvent("organization.position.deactivate", "position", position.Id.ToString(), Details: position.Name), cancellationToken);
        return PositionResponse.From(position);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/positions/{id:guid}/deactivate", async Task<Ok<PositionResponse>> (Guid id, DeactivatePosition handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeactivatePosition")
            .WithSummary("Ngừng sử dụng một chức vụ.");
}
