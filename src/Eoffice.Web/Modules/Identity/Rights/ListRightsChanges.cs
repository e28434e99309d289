using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Rights;

/// <summary>A change of someone's rights as the approver reviews it.</summary>
public sealed record RightsChangeDto(Guid Id, Guid SubjectUserId, string SubjectName, string Description, DateTime ChangedAt, string? ChangedByName,
    DateTime? ConfirmedAt, string? ConfirmedByName);

/// <summary>The rights changes of the current user's agency, for the approver and the administrators; newest first.</summary>
public sealed class ListRightsChanges(EofficeDbContext db, ICurrentUser currentUser, RightsApproval approval)
{
    public sealed record Result(IReadOnlyList<RightsChangeDto> Items, bool MayConfirm);

    /// <summary><c>null</c> when the current user is neither the approver nor an administrator.</summary>
    public async Task<Result?> HandleAsync(bool pendingOnly, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } me || !await approval.MayViewAsync(cancellationToken))
        {
            return null;
        }

        var agencyId = currentUser.AgencyId;
        var query = db.Set<RightsChange>().AsNoTracking().Where(c => c.AgencyId == agencyId);
        if (pendingOnly)
        {
            query = query.Where(c => c.ConfirmedAt == null);
        }

        var changes = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
        var ids = changes.SelectMany(c => new[] { c.SubjectUserId, c.ChangedBy, c.ConfirmedBy }).OfType<Guid>().Distinct().ToList();
        var names = await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var items = changes.Select(c => new RightsChangeDto(c.Id, c.SubjectUserId, names.GetValueOrDefault(c.SubjectUserId, string.Empty), c.Description,
                c.ChangedAt, c.ChangedBy is { } by ? names.GetValueOrDefault(by) : null,
                c.ConfirmedAt, c.ConfirmedBy is { } confirmer ? names.GetValueOrDefault(confirmer) : null))
            .ToList();
        var mayConfirm = await approval.MayConfirmAsync(me, currentUser.HasPermission(IdentityPermissions.ManageAccounts), agencyId, cancellationToken);
        return new Result(items, mayConfirm);
    }

    internal static void Map(RouteGroupBuilder changes) =>
        changes.MapGet("/", async Task<Results<Ok<Result>, ProblemHttpResult>> (bool? pending, ListRightsChanges handler, CancellationToken ct) =>
                await handler.HandleAsync(pending == true, ct) is { } result
                    ? TypedResults.Ok(result)
                    : TypedResults.Problem(title: "Chỉ người xác nhận thay đổi quyền của cơ quan hoặc quản trị hệ thống được xem.", statusCode: StatusCodes.Status403Forbidden))
            .WithName("ListRightsChanges")
            .WithSummary("Các thay đổi quyền của cơ quan; pending=true chỉ lấy các thay đổi chưa được xác nhận.");
}
