using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>The current user's agency. <c>GET /api/v1/organization/agency</c>.</summary>
public sealed class GetAgency(EofficeDbContext db, AgencyScope scope)
{
    public async Task<AgencyResponse> HandleAsync(CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var agency = await db.Set<Agency>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken)
            ?? throw RuleException.NotFound();
        return AgencyResponse.From(agency);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/agency", async Task<Ok<AgencyResponse>> (GetAgency handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ViewOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetAgency")
            .WithSummary("Thông tin cơ quan của người dùng đang đăng nhập.");
}
