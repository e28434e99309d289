using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
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
/// The agency administrator edits their agency: full name, short name used in document symbols, electronic identifier,
/// contact details and the person who confirms changes of access rights. Used by <c>PUT /api/v1/organization/agency</c>
/// and the page /quan-tri/co-quan.
/// </summary>
public sealed class UpdateAgency(EofficeDbContext db, AgencyScope scope, IPeopleDirectory people, UnitOfWork unitOfWork)
{
    public sealed record Request(
        string? FullName, string? ShortName, string? Code, string? Address, string? Phone, string? Email, Guid? RightsApproverId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => UpdateAgency.Validate(this);
    }

    /// <summary>Field errors of the agency's own fields (shared with <see cref="CreateAgency"/>).</summary>
    public static Dictionary<string, string[]> Validate(string? fullName, string? shortName, string? code, string? address, string? phone, string? email)
    {
        var errors = new Dictionary<string, string[]>();
        FieldRules.Required(errors, "fullName", fullName, 300, "Vui lòng nhập tên cơ quan.");
        FieldRules.Required(errors, "shortName", shortName, 50, "Vui lòng nhập tên viết tắt của cơ quan.");
        if (!errors.ContainsKey("shortName") && shortName!.Trim().Any(c => c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or 'Đ')))
        {
            errors["shortName"] = ["Tên viết tắt chỉ gồm chữ in hoa và chữ số, không dấu cách, ví dụ SGTVT."];
        }

        if (!AgencyCode.IsValid(code, out var codeError))
        {
            errors["code"] = [codeError];
        }

        FieldRules.MaxLength(errors, "address", address, 300);
        FieldRules.Phone(errors, "phone", phone);
        FieldRules.Email(errors, "email", email);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(Request r) => Validate(r.FullName, r.ShortName, r.Code, r.Address, r.Phone, r.Email);

    public async Task<AgencyResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        var agency = await db.Set<Agency>().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken) ?? throw RuleException.NotFound();
        var code = request.Code!;
        if (await db.Set<Agency>().AnyAsync(a => a.Code == code && a.Id != agencyId, cancellationToken))
        {
            throw RuleException.Conflict("Mã định danh này đã được dùng cho cơ quan khác.", "code");
        }

        if (request.RightsApproverId is { } approverId)
        {
            var approver = await people.FindPersonAsync(approverId, cancellationToken);
            if (approver is null || approver.AgencyId != agencyId || !approver.IsActive)
            {
                throw RuleException.Invalid("Người xác nhận thay đổi quyền phải là cán bộ đang làm việc của cơ quan.", "rightsApproverId");
            }
        }

        var before = $"{agency.Code} | {agency.FullName} | {agency.ShortName} | approver {agency.RightsApproverId}";
        agency.Rename(request.FullName!, request.ShortName!);
        agency.ChangeCode(code);
        agency.Address = FieldRules.Clean(request.Address);
        agency.Phone = FieldRules.Clean(request.Phone);
        agency.Email = FieldRules.Clean(request.Email);
        agency.RightsApproverId = request.RightsApproverId;

        await unitOfWork.CommitAsync(new AuditEvent("organization.agency.update", "agency", agency.Id.ToString(),
            Details: $"{before} → {agency.Code} | {agency.FullName} | {agency.ShortName} | approver {agency.RightsApproverId}"), cancellationToken);
        return AgencyResponse.From(agency);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/agency", async Task<Results<Ok<AgencyResponse>, ValidationProblem>> (Request request, UpdateAgency handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateAgency")
            .WithSummary("Sửa thông tin cơ quan: tên, tên viết tắt, mã định danh, liên hệ, người xác nhận thay đổi quyền.");
}
