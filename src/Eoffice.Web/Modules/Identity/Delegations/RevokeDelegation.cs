using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Identity.Delegations;

/// <summary>
/// Ends a delegation before its last day (or cancels one not yet started). The delegator or an administrator of the
/// agency may do it; both people are notified and it is audited. Revoking twice keeps the first revocation.
/// </summary>
public sealed class RevokeDelegation(GetDelegation get, ICurrentUser currentUser, INotifier notifier, PermissionCatalog catalog, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <exception cref="RuleException">Not visible to the current user.</exception>
    /// <exception cref="RuleException">The delegate (or anyone but the delegator and administrators) tries it (403).</exception>
    public async Task<DelegationDto> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var (delegation, dto) = await get.FindVisibleAsync(id, tracked: true, cancellationToken);
        if (delegation.DelegatorId != currentUser.Id && !currentUser.HasPermission(IdentityPermissions.ManageAccounts))
        {
            throw RuleException.Forbidden("Chỉ người ủy quyền hoặc quản trị hệ thống được thu hồi ủy quyền.");
        }

        if (delegation.RevokedAt is null)
        {
            delegation.Revoke(time.GetUtcNow().UtcDateTime, currentUser.Id);
            var text = $"Ủy quyền của {dto.DelegatorName} cho {dto.DelegateName} ({dto.RightsText}, {dto.Period}) đã bị thu hồi.";
            await notifier.NotifyAsync(delegation.DelegateId, "Ủy quyền đã bị thu hồi", text, CreateDelegation.Link, "delegations", cancellationToken);
            await notifier.NotifyAsync(delegation.DelegatorId, "Ủy quyền đã bị thu hồi", text, CreateDelegation.Link, "delegations", cancellationToken);
            await unitOfWork.CommitAsync(new AuditEvent("identity.delegation.revoke", "delegation", delegation.Id.ToString(), Details: text), cancellationToken);
        }

        return DelegationDto.From(delegation, dto.DelegatorName, dto.DelegateName, VietnamTime.DateOf(time.GetUtcNow()), catalog);
    }

    internal static void Map(RouteGroupBuilder delegations) =>
        delegations.MapPost("/{id:guid}/revoke", async Task<Ok<DelegationDto>> (Guid id, RevokeDelegation handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeDelegation")
            .WithSummary("Thu hồi ủy quyền trước hạn (người ủy quyền hoặc quản trị).");
}
