using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// The administrator creates an incoming register for the agency or one of its units, renames it, deactivates or
/// reactivates it. <c>POST /api/v1/documents/registers</c>, <c>PUT /api/v1/documents/registers/{id}</c>.
/// </summary>
public sealed class SaveRegister(EofficeDbContext db, ICurrentUser currentUser, IOrganizationDirectory organization, SetRegisterKeepers keepers, UnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <summary><c>KeeperIds</c>: when given (on update), the register's keepers from now on, saved with the rest.</summary>
    public sealed record Request(string? Name, string? Code, Guid? UnitId, bool? IsActive, int? SortOrder, IReadOnlyList<Guid>? KeeperIds = null)
        : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Name))
            {
                errors["name"] = ["Vui lòng nhập tên sổ."];
            }
            else if (Name.Trim().Length > Register.NameMaxLength)
            {
                errors["name"] = [$"Tên sổ dài tối đa {Register.NameMaxLength} ký tự."];
            }

            if (Code?.Trim().Length > Register.CodeMaxLength)
            {
                errors["code"] = [$"Ký hiệu sổ dài tối đa {Register.CodeMaxLength} ký tự."];
            }

            if (SortOrder is < 0 or > 9999)
            {
                errors["sortOrder"] = ["Thứ tự từ 0 đến 9999."];
            }

            return errors;
        }
    }

    public async Task<Guid> CreateAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = AgencyId();
        await EnsureUnitAsync(agencyId, request.UnitId, cancellationToken);
        var name = request.Name!.Trim();
        await EnsureNameFreeAsync(agencyId, name, null, cancellationToken);
        var register = new Register(agencyId, request.UnitId, RegisterKind.Incoming, name, Clean(request.Code), time.GetUtcNow().UtcDateTime)
        {
            SortOrder = request.SortOrder ?? 0,
        };
        db.Add(register);
        await unitOfWork.CommitAsync(new AuditEvent("documents.register.create", "register", register.Id.ToString(), Details: register.Name), cancellationToken);
        return register.Id;
    }

    public async Task UpdateAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var agencyId = AgencyId();
        var register = await ListRegisters.LoadAsync(db, agencyId, id, cancellationToken);
        var name = request.Name!.Trim();
        await EnsureNameFreeAsync(agencyId, name, id, cancellationToken);
        var before = $"{register.Name}{(register.IsActive ? "" : " (ngừng sử dụng)")}";
        register.Rename(name, Clean(request.Code));
        register.SortOrder = request.SortOrder ?? register.SortOrder;
        if (request.IsActive == false)
        {
            register.Deactivate();
        }
        else if (request.IsActive == true)
        {
            register.Reactivate();
        }

        var keeperNames = request.KeeperIds is { } ids ? await keepers.ApplyAsync(register, ids, "keeperIds", cancellationToken) : null;
        await unitOfWork.CommitAsync(new AuditEvent("documents.register.update", "register", register.Id.ToString(),
            Details: $"{before} → {register.Name}{(register.IsActive ? "" : " (ngừng sử dụng)")}"
                + (keeperNames is null ? "" : $"; văn thư giữ sổ: {string.Join(", ", keeperNames)}")), cancellationToken);
    }

    private Guid AgencyId() => currentUser.AgencyId ?? throw RuleException.NotFound();

    private async Task EnsureUnitAsync(Guid agencyId, Guid? unitId, CancellationToken cancellationToken)
    {
        if (unitId is { } uid && (await organization.FindUnitAsync(uid, cancellationToken) is not { IsActive: true } unit || unit.AgencyId != agencyId))
        {
            throw RuleException.Invalid("Đơn vị không tồn tại trong cơ quan.", "unitId");
        }
    }

    private async Task EnsureNameFreeAsync(Guid agencyId, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Set<Register>().AnyAsync(r => r.AgencyId == agencyId && r.Kind == RegisterKind.Incoming && r.Name == name && r.Id != exceptId, cancellationToken))
        {
            throw RuleException.Conflict("Cơ quan đã có sổ văn bản đến với tên này.", "name");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/registers", async Task<Created<RegisterCreated>> (Request request, SaveRegister handler, CancellationToken ct) =>
            {
                var id = await handler.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/documents/registers/{id}", new RegisterCreated(id));
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateIncomingRegister")
            .WithSummary("Tạo sổ văn bản đến của cơ quan hoặc của một đơn vị.");

        group.MapPut("/registers/{id:guid}", async Task<NoContent> (Guid id, Request request, SaveRegister handler, CancellationToken ct) =>
            {
                await handler.UpdateAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("UpdateIncomingRegister")
            .WithSummary("Đổi tên, thứ tự, ngừng hoặc dùng lại sổ văn bản đến.");
    }
}

public sealed record RegisterCreated(Guid Id);
