using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// The administrator moves a person to another unit or position of the agency (both must be in use). Their roles are
/// not changed here; rights follow through role assignment. <c>POST /api/v1/people/{id}/move</c>.
/// </summary>
public sealed class MovePerson(EofficeDbContext db, PeopleScope scope, Placement placement, UnitOfWork unitOfWork)
{
    public sealed record Request(Guid? UnitId, Guid? PositionId);

    public async Task<PersonResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var user = await PeopleScope.LoadAsync(db, agencyId, id, cancellationToken);
        var (unit, position, errors) = await placement.CheckAsync(agencyId, request.UnitId, request.PositionId, cancellationToken);
        RuleException.ThrowIfAny(errors);
        if (user.UnitId == unit!.Id && user.PositionId == position!.Id)
        {
            return PersonResponse.From(user);
        }

        var before = $"unit {user.UnitId} | position {user.PositionId}";
        user.PlaceIn(agencyId, unit.Id, position!.Id);
        await unitOfWork.CommitAsync(new AuditEvent("identity.person.move", "user", user.Id.ToString(),
            Details: $"{user.UserName}: {before} → unit {unit.Id} ({unit.Name}) | position {position.Id} ({position.Name})"), cancellationToken);
        return PersonResponse.From(user);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/move", async Task<Ok<PersonResponse>> (Guid id, Request request, MovePerson handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MovePerson")
            .WithSummary("Chuyển cán bộ sang đơn vị hoặc chức vụ khác.");
}
