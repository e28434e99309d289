using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>
/// The administrator unlocks a locked account (also one locked for inactivity); a departed person's account stays
/// closed. <c>POST /api/v1/people/{id}/enable</c>.
/// </summary>
public sealed class EnablePerson(EofficeDbContext db, PeopleScope scope, UnitOfWork unitOfWork, TimeProvider time)
{
    public async Task<PersonResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await PeopleScope.LoadAsync(db, scope.AgencyId, id, cancellationToken);
        if (user.Status == AccountStatus.Departed)
        {
            throw RuleException.Conflict("Cán bộ đã nghỉ hoặc chuyển công tác; không thể mở lại tài khoản.", "status");
        }

        if (user.Status == AccountStatus.Active)
        {
            return PersonResponse.From(user);
        }

        user.Enable(time.GetUtcNow().UtcDateTime);
        await unitOfWork.CommitAsync(new AuditEvent("identity.person.enable", "user", user.Id.ToString(), Details: user.UserName), cancellationToken);
        return PersonResponse.From(user);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/enable", async Task<Ok<PersonResponse>> (Guid id, EnablePerson handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EnablePerson")
            .WithSummary("Mở khóa tài khoản của cán bộ.");
}
