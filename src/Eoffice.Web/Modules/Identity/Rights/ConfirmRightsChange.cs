using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>
/// The person in authority confirms a change of rights; the warning then disappears. Only the agency's designated
/// approver may confirm, or an administrator when the agency has no (active) approver. Confirming is audited; confirming
/// twice keeps the first confirmation.
/// </summary>
public sealed class ConfirmRightsChange(EofficeDbContext db, ICurrentUser currentUser, RightsApproval approval, UnitOfWork unitOfWork, TimeProvider time)
{
    public const string NotAllowed = "Chỉ người được giao xác nhận thay đổi quyền của cơ quan mới được xác nhận.";

    /// <exception cref="RuleException">No such change in the current user's agency.</exception>
    /// <exception cref="RuleException">The current user may not confirm (403).</exception>
    public async Task<RightsChange> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = currentUser.Id ?? throw RuleException.Forbidden(NotAllowed);
        var agencyId = currentUser.AgencyId;
        var change = await db.Set<RightsChange>().FirstOrDefaultAsync(c => c.Id == id && c.AgencyId == agencyId, cancellationToken);
        if (change is null || !await approval.MayViewAsync(cancellationToken))
        {
            throw RuleException.NotFound("Không tìm thấy thay đổi quyền.");
        }

        if (!await approval.MayConfirmAsync(me, currentUser.HasPermission(IdentityPermissions.ManageAccounts), agencyId, cancellationToken))
        {
            throw RuleException.Forbidden(NotAllowed);
        }

        if (!change.IsConfirmed)
        {
            change.Confirm(time.GetUtcNow().UtcDateTime, me);
            await unitOfWork.CommitAsync(new AuditEvent("identity.rights-change.confirm", "rights-change", change.Id.ToString(), Details: change.Description),
                cancellationToken);
        }

        return change;
    }

    internal static void Map(RouteGroupBuilder changes) =>
        changes.MapPost("/{id:guid}/confirm", async Task<Ok<ConfirmedDto>> (Guid id, ConfirmRightsChange handler, CancellationToken ct) =>
            {
                var change = await handler.HandleAsync(id, ct);
                return TypedResults.Ok(new ConfirmedDto(change.Id, change.ConfirmedAt!.Value, change.ConfirmedBy!.Value));
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ConfirmRightsChange")
            .WithSummary("Xác nhận một thay đổi quyền (người được giao xác nhận, hoặc quản trị khi cơ quan chưa giao ai).");

    public sealed record ConfirmedDto(Guid Id, DateTime ConfirmedAt, Guid ConfirmedBy);
}
