using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The administrator edits a unit's name, code, kind, own-clerk flag, order and contacts (its place in the tree changes
/// through <see cref="MoveUnit"/>). <c>PUT /api/v1/organization/units/{id}</c> and the page /quan-tri/don-vi/{id}.
/// </summary>
public sealed class UpdateUnit(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public sealed record Request(string? Name, string? Code, string? Kind, bool HasOwnClerk, int? SortOrder, string? Phone, string? Email) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => UpdateUnit.Validate(this);
    }

    public static Dictionary<string, string[]> Validate(Request r) => CreateUnit.ValidateFields(r.Name, r.Code, r.Kind, r.SortOrder, r.Phone, r.Email);

    public async Task<UnitResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var unit = await ListUnits.LoadAsync(db, agencyId, id, cancellationToken);
        await CreateUnit.EnsureNameFreeAsync(db, agencyId, unit.ParentId, request.Name!, unit.Id, cancellationToken);

        var before = $"{unit.Name} ({unit.Code}), {UnitKinds.Name(unit.Kind)}";
        unit.Rename(request.Name!, FieldRules.Clean(request.Code));
        unit.Kind = UnitKinds.Parse(request.Kind)!.Value;
        unit.HasOwnClerk = request.HasOwnClerk;
        unit.SortOrder = request.SortOrder ?? unit.SortOrder;
        unit.Phone = FieldRules.Clean(request.Phone);
        unit.Email = FieldRules.Clean(request.Email);

        await unitOfWork.CommitAsync(new AuditEvent("organization.unit.update", "unit", unit.Id.ToString(),
            Details: $"{before} → {unit.Name} ({unit.Code}), {UnitKinds.Name(unit.Kind)}"), cancellationToken);
        return UnitResponse.From(unit);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/units/{id:guid}", async Task<Results<Ok<UnitResponse>, ValidationProblem>> (Guid id, Request request, UpdateUnit handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateUnit")
            .WithSummary("Sửa thông tin đơn vị.");
}
