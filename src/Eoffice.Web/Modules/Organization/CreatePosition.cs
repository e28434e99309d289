using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The administrator adds a position (chức vụ): its name, whether it is a leadership position and its rank (1 is listed
/// first). Names are unique in the agency. <c>POST /api/v1/organization/positions</c> and the page /quan-tri/chuc-vu.
/// </summary>
public sealed class CreatePosition(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork)
{
    public sealed record Request(string? Name, bool IsLeadership, int? Rank) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => CreatePosition.Validate(this);
    }

    public static Dictionary<string, string[]> Validate(string? name, int? rank)
    {
        var errors = new Dictionary<string, string[]>();
        FieldRules.Required(errors, "name", name, 150, "Vui lòng nhập tên chức vụ.");
        if (rank is < 1 or > 999)
        {
            errors["rank"] = ["Thứ bậc từ 1 đến 999 (1 là cao nhất)."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(Request r) => Validate(r.Name, r.Rank);

    public async Task<PositionResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        await EnsureNameFreeAsync(db, agencyId, request.Name!, null, cancellationToken);
        var position = new Position(agencyId, request.Name!, request.IsLeadership, request.Rank ?? 100);

        db.Add(position);
        await unitOfWork.CommitAsync(new AuditEvent("organization.position.create", "position", position.Id.ToString(),
            Details: $"{position.Name}, rank {position.Rank}{(position.IsLeadership ? ", leadership" : string.Empty)}"), cancellationToken);
        return PositionResponse.From(position);
    }

    /// <summary>Position names are unique in an agency, compared without case or tone marks.</summary>
    internal static async Task EnsureNameFreeAsync(EofficeDbContext db, Guid agencyId, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var names = await db.Set<Position>().AsNoTracking().Where(p => p.AgencyId == agencyId && p.Id != exceptId)
            .Select(p => p.Name).ToListAsync(cancellationToken);
        var folded = VietnameseText.Fold(name);
        if (names.Any(n => VietnameseText.Fold(n) == folded))
        {
            throw RuleException.Conflict("Cơ quan đã có chức vụ cùng tên.", "name");
        }
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/positions", async Task<Results<Created<PositionResponse>, ValidationProblem>> (Request request, CreatePosition handler, CancellationToken ct) =>
            {
                var position = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/organization/positions/{position.Id}", position);
            })
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreatePosition")
            .WithSummary("Thêm chức vụ.");
}
