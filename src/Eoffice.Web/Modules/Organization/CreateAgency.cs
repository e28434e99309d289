using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The installation administrator (administrator role, belonging to no agency) adds an agency to the installation.
/// Agency administrators cannot: they manage only their own agency. <c>POST /api/v1/organization/agencies</c>;
/// <c>GET /api/v1/organization/agencies</c> lists them for the installation administrator.
/// </summary>
public sealed class CreateAgency(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <summary>
    /// Not an <see cref="IValidatableRequest"/>: its endpoint validates it itself, after the installation-administrator
    /// check, so that nobody else learns more than 403.
    /// </summary>
    public sealed record Request(string? FullName, string? ShortName, string? Code, string? Address, string? Phone, string? Email);

    public const string OnlyInstallationAdministrator = "Chỉ quản trị hệ thống cấp cài đặt (không thuộc cơ quan nào) mới được tạo cơ quan.";

    public static Dictionary<string, string[]> Validate(Request r) => UpdateAgency.Validate(r.FullName, r.ShortName, r.Code, r.Address, r.Phone, r.Email);

    /// <summary>Creates the agency from a request validated at the edge (<see cref="Validate(Request)"/>).</summary>
    public async Task<AgencyResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        EnsureInstallationAdministrator();
        if (await db.Set<Agency>().AnyAsync(a => a.Code == request.Code, cancellationToken))
        {
            throw RuleException.Conflict("Mã định danh này đã được dùng cho cơ quan khác.", "code");
        }

        var agency = new Agency(request.Code!, request.FullName!, request.ShortName!, time.GetUtcNow().UtcDateTime)
        {
            Address = FieldRules.Clean(request.Address),
            Phone = FieldRules.Clean(request.Phone),
            Email = FieldRules.Clean(request.Email),
        };
        db.Add(agency);
        await unitOfWork.CommitAsync(new AuditEvent("organization.agency.create", "agency", agency.Id.ToString(),
            Details: $"{agency.Code} | {agency.FullName} | {agency.ShortName}"), cancellationToken);
        return AgencyResponse.From(agency);
    }

    public async Task<IReadOnlyList<AgencyResponse>> ListAsync(CancellationToken cancellationToken)
    {
        EnsureInstallationAdministrator();
        var agencies = await db.Set<Agency>().AsNoTracking().ToListAsync(cancellationToken);
        return agencies.OrderBy(a => a.FullName, Platform.Text.VietnameseText.Comparer).Select(AgencyResponse.From).ToList();
    }

    private void EnsureInstallationAdministrator()
    {
        if (!scope.IsInstallationAdministrator)
        {
            throw RuleException.Forbidden(OnlyInstallationAdministrator);
        }
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/agencies", async Task<Results<Created<AgencyResponse>, ValidationProblem>> (Request request, CreateAgency handler, CancellationToken ct) =>
            {
                var errors = Validate(request);
                if (errors.Count > 0)
                {
                    handler.EnsureInstallationAdministrator();
                    return TypedResults.ValidationProblem(errors, title: ValidationFilter.Title);
                }

                var agency = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/organization/agencies/{agency.Id}", agency);
            })
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateAgency")
            .WithSummary("Tạo cơ quan mới (chỉ quản trị hệ thống cấp cài đặt).");

        group.MapGet("/agencies", async Task<Ok<IReadOnlyList<AgencyResponse>>> (CreateAgency handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListAgencies")
            .WithSummary("Danh sách cơ quan của hệ thống (chỉ quản trị hệ thống cấp cài đặt).");
    }
}
