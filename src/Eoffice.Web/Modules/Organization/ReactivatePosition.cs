using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Organization;

/// <summary>The administrator brings a position back into use. <c>POST /api/v1/organization/positions/{id}/reactivate</c>.</summary>
public sealed class ReactivatePosition(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public async Task<PositionResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var position = await ListPositions.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        if (position.IsActive)
        {
            return PositionResponse.From(position);
        }

        position.Reactivate();
        await unitOfWork.CommitAsync(new AuditEvent("organization.position.reactivate", "position", position.Id.ToString(), Details: position.Name), cancellationToken);
        return PositionResponse.From(position);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/positions/{id:guid}/reactivate", async Task<Ok<PositionResponse>> (Guid id, ReactivatePosition handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReactivatePosition")
            .WithSummary("Dùng lại một chức vụ đã ngừng.");
}
