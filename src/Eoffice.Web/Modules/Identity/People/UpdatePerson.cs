using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// The administrator corrects a person's name, contact details or user name (unique, lower-case ASCII). Their place in
/// the organisation changes through <see cref="MovePerson"/>. <c>PUT /api/v1/people/{id}</c> and the page /quan-tri/can-bo/{id}.
/// </summary>
public sealed class UpdatePerson(EofficeDbContext db, PeopleScope scope, UnitOfWork unitOfWork)
{
    public sealed record Request(string? FullName, string? UserName, string? Email, string? Phone) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => UpdatePerson.Validate(this);
    }

    public static Dictionary<string, string[]> Validate(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        CreatePerson.Add(errors, "fullName", PersonRules.FullNameError(request.FullName));
        CreatePerson.Add(errors, "userName", PersonRules.UserNameError(request.UserName));
        CreatePerson.Add(errors, "email", PersonRules.EmailError(request.Email));
        CreatePerson.Add(errors, "phone", PersonRules.PhoneError(request.Phone));
        return errors;
    }

    public async Task<PersonResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var user = await PeopleScope.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        var userName = request.UserName!.Trim();
        if (userName != user.UserName && await db.Set<User>().AnyAsync(u => u.UserName == userName && u.Id != id, cancellationToken))
        {
            throw RuleException.Conflict("Tên đăng nhập đã có người dùng.", "userName");
        }

        var before = $"{user.UserName} | {user.FullName} | {user.Email} | {user.Phone}";
        user.Rename(request.FullName!.Trim());
        user.ChangeUserName(userName);
        user.Email = PersonRules.Clean(request.Email);
        user.Phone = PersonRules.Clean(request.Phone);

        await unitOfWork.CommitAsync(new AuditEvent("identity.person.update", "user", user.Id.ToString(),
            Details: $"{before} → {user.UserName} | {user.FullName} | {user.Email} | {user.Phone}"), cancellationToken);
        return PersonResponse.From(user);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Results<Ok<PersonResponse>, ValidationProblem>> (Guid id, Request request, UpdatePerson handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdatePerson")
            .WithSummary("Sửa họ tên, liên hệ, tên đăng nhập của cán bộ.");
}
