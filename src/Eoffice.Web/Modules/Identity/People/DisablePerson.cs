using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// The administrator locks a person's account: it can no longer sign in and every open session ends at once.
/// Administrators cannot lock themselves out. <c>POST /api/v1/people/{id}/disable</c>.
/// </summary>
public sealed class DisablePerson(EofficeDbContext db, PeopleScope scope, Sessions sessions, UnitOfWork unitOfWork)
{
    public async Task<PersonResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await PeopleScope.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        if (user.Id == scope.CurrentUserId)
        {
            throw RuleException.Conflict("Bạn không thể tự khóa tài khoản của chính mình.", "status");
        }

        if (user.Status == AccountStatus.Departed)
        {
            throw RuleException.Conflict("Cán bộ đã nghỉ hoặc chuyển công tác; tài khoản không còn hoạt động.", "status");
        }

        if (user.Status == AccountStatus.Disabled)
        {
            return PersonResponse.From(user);
        }

        user.Disable("administrator");
        await sessions.MarkAllEndedAsync(user.Id, "disabled", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("identity.person.disable", "user", user.Id.ToString(), Details: user.UserName), cancellationToken);
        return PersonResponse.From(user);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/disable", async Task<Ok<PersonResponse>> (Guid id, DisablePerson handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DisablePerson")
            .WithSummary("Khóa tài khoản của cán bộ và kết thúc mọi phiên làm việc.");
}
