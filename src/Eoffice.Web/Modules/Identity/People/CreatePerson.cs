using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// The administrator adds a person to the agency and so creates their one account. The user name follows regulation
/// 001 Điều 6.2 ("Nguyễn Văn An" → nvan, the next → nvana) unless the administrator types one. The account gets a
/// temporary password that must be changed at the first sign-in; it is shown once, in the answer, and never stored in
/// clear. <c>POST /api/v1/people</c> and the page /quan-tri/can-bo/them.
/// </summary>
public sealed class CreatePerson(
    EofficeDbContext db,
    PeopleScope scope,
    Placement placement,
    IPasswordHasher<User> hasher,
    RoleGrants roleGrants,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <summary>
    /// <c>UserName</c>: leave empty to generate it by the rule. <c>Roles</c>: default role codes (clerk, unit-leader…).
    /// <c>AgencyId</c>: only for the installation administrator, who belongs to no agency.
    /// </summary>
    public sealed record Request(
        string? FullName, string? UserName, Guid? UnitId, Guid? PositionId, string? Email, string? Phone,
        IReadOnlyList<string>? Roles = null, Guid? AgencyId = null) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => CreatePerson.Validate(this);
    }

    /// <summary>The new person, their user name and the temporary password (shown once).</summary>
    public sealed record Response(PersonResponse Person, string UserName, string TemporaryPassword);

    public static Dictionary<string, string[]> Validate(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        Add(errors, "fullName", PersonRules.FullNameError(request.FullName));
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            Add(errors, "userName", PersonRules.UserNameError(request.UserName));
        }

        Add(errors, "email", PersonRules.EmailError(request.Email));
        Add(errors, "phone", PersonRules.PhoneError(request.Phone));
        var unknown = (request.Roles ?? []).Where(r => PersonRules.ParseRole(r) is null).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"Vai trò không hợp lệ: {string.Join(", ", unknown)}."];
        }

        if (request.UnitId is null)
        {
            errors["unitId"] = ["Vui lòng chọn đơn vị."];
        }

        if (request.PositionId is null)
        {
            errors["positionId"] = ["Vui lòng chọn chức vụ."];
        }

        return errors;
    }

    internal static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }

    /// <summary>Creates the person from a request validated at the edge; the unit, the position and a typed user name are checked here.</summary>
    public async Task<Response> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = scope.IsInstallationAdministrator && request.AgencyId is { } named ? named : scope.AgencyId;
        var (unit, position, placementErrors) = await placement.CheckAsync(agencyId, request.UnitId, request.PositionId, cancellationToken);
        RuleException.ThrowIfAny(placementErrors);

        var fullName = request.FullName!.Trim();
        string userName;
        if (PersonRules.Clean(request.UserName) is { } typed)
        {
            userName = typed;
            if (await db.Set<User>().AnyAsync(u => u.UserName == userName, cancellationToken))
            {
                throw RuleException.Conflict("Tên đăng nhập đã có người dùng.", "userName");
            }
        }
        else
        {
            var taken = await PersonRules.NamesStartingWithAsync(db, UserNameGenerator.Base(fullName), cancellationToken);
            userName = UserNameGenerator.Generate(fullName, taken.Contains);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new User(userName, fullName, now, agencyId)
        {
            Email = PersonRules.Clean(request.Email),
            Phone = PersonRules.Clean(request.Phone),
        };
        user.PlaceIn(agencyId, unit!.Id, position!.Id);
        var grants = PersonRules.GrantsFor((request.Roles ?? []).Select(r => PersonRules.ParseRole(r)!), unit);
        await roleGrants.GrantAsync(user, grants, "thêm cán bộ mới", cancellationToken);

        var temporaryPassword = PasswordPolicy.GenerateTemporary();
        user.SetPasswordHash(hasher.HashPassword(user, temporaryPassword), changedAt: null, mustChange: true);

        db.Add(user);
        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("identity.person.create", "user", user.Id.ToString(),
                Details: PersonRules.CreatedDetails(user, unit, position, grants)), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone took the same user name in the meantime: the unique index refused this one (nothing was saved).
            db.ChangeTracker.Clear();
            if (await db.Set<User>().AnyAsync(u => u.UserName == userName, cancellationToken))
            {
                throw RuleException.Conflict("Tên đăng nhập vừa được dùng cho người khác; vui lòng thử lại.", "userName");
            }

            throw;
        }

        return new Response(PersonResponse.From(user), user.UserName, temporaryPassword);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Results<Created<Response>, ValidationProblem>> (Request request, CreatePerson handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/people/{created.Person.Id}", created);
            })
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreatePerson")
            .WithSummary("Thêm cán bộ và tạo tài khoản: tên đăng nhập theo quy tắc, mật khẩu tạm thời hiển thị một lần.");
}
