using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Organization;

/// <summary>The administrator renames a position or changes its leadership flag and rank. <c>PUT /api/v1/organization/positions/{id}</c>.</summary>
public sealed class UpdatePosition(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public sealed record Request(string? Name, bool IsLeadership, int? Rank) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => UpdatePosition.Validate(this);
    }

    public static Dictionary<string, string[]> Validate(Request r) => CreatePosition.Validate(r.Name, r.Rank);

    public async Task<PositionResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var position = await ListPositions.LoadAsync(db, agencyId, id, cancellationToken);
        await CreatePosition.EnsureNameFreeAsync(db, agencyId, request.Name!, position.Id, cancellationToken);

        var before = $"{position.Name}, rank {position.Rank}, leadership {position.IsLeadership}";
        position.Change(request.Name!, request.IsLeadership, request.Rank ?? position.Rank);
        await unitOfWork.CommitAsync(new AuditEvent("organization.position.update", "position", position.Id.ToString(),
            Details: $"{before} → {position.Name}, rank {position.Rank}, leadership {position.IsLeadership}"), cancellationToken);
        return PositionResponse.From(position);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/positions/{id:guid}", async Task<Results<Ok<PositionResponse>, ValidationProblem>> (Guid id, Request request, UpdatePosition handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdatePosition")
            .WithSummary("Sửa chức vụ.");
}
