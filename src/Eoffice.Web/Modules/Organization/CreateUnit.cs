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
/// The administrator adds a unit to the agency's tree: directly under the agency or under another active unit.
/// <c>Kind</c>: leadership, office, department, subordinate (a subordinate unit with its own leader and clerk) or other.
/// <c>POST /api/v1/organization/units</c> and the page /quan-tri/don-vi.
/// </summary>
public sealed class CreateUnit(EofficeDbContext db, AgencyScope scope, UnitOfWork unitOfWork, TimeProvider time)
{
    public sealed record Request(
        Guid? ParentId, string? Name, string? Code, string? Kind, bool HasOwnClerk, int? SortOrder, string? Phone, string? Email) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => CreateUnit.Validate(this);
    }

    /// <summary>Field errors of a unit's own fields (shared with <see cref="UpdateUnit"/>).</summary>
    internal static Dictionary<string, string[]> ValidateFields(string? name, string? code, string? kind, int? sortOrder, string? phone, string? email)
    {
        var errors = new Dictionary<string, string[]>();
        FieldRules.Required(errors, "name", name, 300, "Vui lòng nhập tên đơn vị.");
        var cleanCode = FieldRules.Clean(code);
        if (cleanCode is not null && (cleanCode.Length > 20 || cleanCode.Any(c => c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or 'Đ'))))
        {
            errors["code"] = ["Mã đơn vị gồm tối đa 20 chữ in hoa và chữ số, ví dụ VP, KHTC."];
        }

        if (UnitKinds.Parse(kind) is null)
        {
            errors["kind"] = ["Vui lòng chọn loại đơn vị."];
        }

        if (sortOrder is < 0 or > 9999)
        {
            errors["sortOrder"] = ["Thứ tự hiển thị từ 0 đến 9999."];
        }

        FieldRules.Phone(errors, "phone", phone);
        FieldRules.Email(errors, "email", email);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(Request r) => ValidateFields(r.Name, r.Code, r.Kind, r.SortOrder, r.Phone, r.Email);

    public async Task<UnitResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.AgencyId;
        if (request.ParentId is { } parentId)
        {
            var parent = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == parentId && u.AgencyId == agencyId, cancellationToken);
            if (parent is null || !parent.IsActive)
            {
                throw RuleException.Invalid("Đơn vị cấp trên không tồn tại hoặc đã ngừng hoạt động.", "parentId");
            }
        }

        await EnsureNameFreeAsync(db, agencyId, request.ParentId, request.Name!, null, cancellationToken);
        var unit = new Unit(agencyId, request.ParentId, request.Name!, FieldRules.Clean(request.Code), UnitKinds.Parse(request.Kind)!.Value,
            request.SortOrder ?? 0, time.GetUtcNow().UtcDateTime)
        {
            HasOwnClerk = request.HasOwnClerk,
            Phone = FieldRules.Clean(request.Phone),
            Email = FieldRules.Clean(request.Email),
        };

        db.Add(unit);
        await unitOfWork.CommitAsync(new AuditEvent("organization.unit.create", "unit", unit.Id.ToString(),
            Details: $"{unit.Name} ({unit.Code}), {UnitKinds.Name(unit.Kind)}, under {unit.ParentId?.ToString() ?? "agency"}"), cancellationToken);
        return UnitResponse.From(unit);
    }

    /// <summary>Two units under the same parent cannot share a name (compared without case or tone marks).</summary>
    internal static async Task EnsureNameFreeAsync(EofficeDbContext db, Guid agencyId, Guid? parentId, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var siblings = await db.Set<Unit>().AsNoTracking()
            .Where(u => u.AgencyId == agencyId && u.ParentId == parentId && u.Id != exceptId)
            .Select(u => u.Name).ToListAsync(cancellationToken);
        var folded = VietnameseText.Fold(name);
        if (siblings.Any(s => VietnameseText.Fold(s) == folded))
        {
            throw RuleException.Conflict("Đã có đơn vị cùng tên ở cùng cấp.", "name");
        }
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/units", async Task<Results<Created<UnitResponse>, ValidationProblem>> (Request request, CreateUnit handler, CancellationToken ct) =>
            {
                var unit = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/organization/units/{unit.Id}", unit);
            })
            .RequireAuthorization(Policies.For(OrganizationPermissions.ManageOrganization))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateUnit")
            .WithSummary("Thêm đơn vị (phòng, ban, văn phòng, đơn vị trực thuộc) vào cơ cấu tổ chức.");
}
