using System.Globalization;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
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
/// Ủy quyền (regulation 002 Điều 11.5, 003 Điều 5): a person hands all or part of their delegable rights — those the
/// modules declare (<see cref="PermissionCatalog.DelegableRights"/>): handling incoming documents, approving drafts… —
/// to a colleague of the same agency for a range of days. An administrator may record it on someone's behalf. Both
/// people are notified; the delegation starts and ends by itself.
/// </summary>
public sealed class CreateDelegation(
    EofficeDbContext db,
    AgencyPeople people,
    ICurrentUser currentUser,
    INotifier notifier,
    PermissionCatalog catalog,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    public const int ReasonMaxLength = 500;
    public const string Link = "/uy-quyen";

    /// <summary>
    /// <c>DelegatorId</c>: empty for oneself (another person only for administrators); <c>DelegateId</c>: a colleague of
    /// the same agency; <c>Rights</c>: codes of declared delegable rights (<c>GET /api/v1/delegations/rights</c>), e.g.
    /// "documents.incoming.handle", or "all" for every one; <c>StartsOn</c>/<c>EndsOn</c>:
    /// Vietnam dates, inclusive, not before today; <c>Reason</c>: e.g. "Đi công tác", up to 500 characters.
    /// </summary>
    public sealed record Request(Guid? DelegatorId, Guid? DelegateId, IReadOnlyList<string>? Rights, DateOnly? StartsOn, DateOnly? EndsOn, string? Reason)
        : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => CreateDelegation.Validate(this);
    }

    /// <summary>
    /// The request's own fields. What depends on the catalogue, who asks and when — only rights some module declares,
    /// not to oneself, not before today — is checked by the handler.
    /// </summary>
    public static Dictionary<string, string[]> Validate(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.DelegateId is null || request.DelegateId == Guid.Empty)
        {
            errors["delegateId"] = ["Vui lòng chọn người được ủy quyền."];
        }
        else if (request.DelegateId == request.DelegatorId)
        {
            errors["delegateId"] = ["Không thể ủy quyền cho chính mình."];
        }

        if (!(request.Rights ?? []).Any(r => !string.IsNullOrWhiteSpace(r)))
        {
            errors["rights"] = ["Vui lòng chọn ít nhất một quyền được ủy quyền."];
        }

        if (request.StartsOn is null)
        {
            errors["startsOn"] = ["Vui lòng chọn ngày bắt đầu."];
        }

        if (request.EndsOn is not { } endsOn)
        {
            errors["endsOn"] = ["Vui lòng chọn ngày kết thúc."];
        }
        else if (request.StartsOn is { } start && endsOn < start)
        {
            errors["endsOn"] = ["Ngày kết thúc không được trước ngày bắt đầu."];
        }

        if (request.Reason?.Trim().Length > ReasonMaxLength)
        {
            errors["reason"] = [$"Lý do tối đa {ReasonMaxLength} ký tự."];
        }

        return errors;
    }

    /// <summary>Records the delegation from a request validated at the edge (<see cref="Validate(Request)"/>).</summary>
    /// <exception cref="RuleException">
    /// A right no module declares, to oneself or starting before today (400), someone else's delegation without the
    /// administrators' right (403),
    /// delegator or delegate not of the current user's agency (404).
    /// </exception>
    public async Task<DelegationDto> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var (rights, unknown) = DelegatedRightNames.Parse(request.Rights, catalog);
        if (unknown.Count > 0)
        {
            throw RuleException.Invalid(
                $"Quyền ủy quyền không hợp lệ: {string.Join(", ", unknown)} (không có trong danh mục quyền được ủy quyền).", "rights");
        }

        var me = currentUser.Id ?? throw RuleException.Forbidden("Bạn cần đăng nhập.");
        var delegatorId = request.DelegatorId ?? me;
        if (request.DelegateId == delegatorId)
        {
            throw RuleException.Invalid("Không thể ủy quyền cho chính mình.", "delegateId");
        }

        var today = VietnamTime.DateOf(time.GetUtcNow());
        if (request.StartsOn < today)
        {
            throw RuleException.Invalid("Ngày bắt đầu không được trước ngày hôm nay.", "startsOn");
        }

        if (delegatorId != me && !currentUser.HasPermission(IdentityPermissions.ManageAccounts))
        {
            throw RuleException.Forbidden("Bạn chỉ có thể ủy quyền các quyền của chính mình.", "delegatorId");
        }

        var delegator = await people.FindAsync(delegatorId, cancellationToken);
        var delegatee = await people.InMyAgency().FindActiveAsync(request.DelegateId!.Value, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy người được ủy quyền trong cơ quan.");
        if (delegator.Status != AccountStatus.Active)
        {
            throw RuleException.Invalid("Người ủy quyền không còn hoạt động.", "delegatorId");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var delegation = new Delegation(delegator.Id, delegatee.Id, rights.Select(r => (r.Code, r.Name)), request.StartsOn!.Value,
            request.EndsOn!.Value, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), now, me);
        db.Add(delegation);
        var dto = DelegationDto.From(delegation, delegator.FullName, delegatee.FullName, today, catalog);
        var summary = $"{delegator.FullName} ủy quyền cho {delegatee.FullName}: {dto.RightsText}, từ {dto.Period.Replace(" – ", " đến ", StringComparison.Ordinal)}"
            + (delegation.Reason is null ? "." : $" ({delegation.Reason}).");
        await notifier.NotifyAsync(delegatee.Id, $"Bạn được {delegator.FullName} ủy quyền", summary, Link, "delegations", cancellationToken);
        await notifier.NotifyAsync(delegator.Id, $"Đã ủy quyền cho {delegatee.FullName}", summary, Link, "delegations", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("identity.delegation.create", "delegation", delegation.Id.ToString(),
            Details: $"{summary} [rights={string.Join(',', dto.Rights)}; {delegation.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{delegation.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}]"),
            cancellationToken);
        return dto;
    }

    internal static void Map(RouteGroupBuilder delegations)
    {
        delegations.MapPost("/", async Task<Results<Created<DelegationDto>, ValidationProblem>> (Request request, CreateDelegation handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/delegations/{created.Id}", created);
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("CreateDelegation")
            .WithSummary("Ủy quyền một phần hoặc toàn bộ các quyền được ủy quyền (xử lý văn bản đến, duyệt dự thảo…) cho người khác trong cơ quan, theo khoảng ngày.");

        delegations.MapGet("/rights", Ok<IReadOnlyList<DelegableRight>> (PermissionCatalog catalog) => TypedResults.Ok(catalog.DelegableRights))
            .WithName("ListDelegableRights")
            .WithSummary("Danh mục quyền được ủy quyền, do từng phân hệ khai báo: mã (dùng trong rights) và tên.");
    }
}

internal static class UserQueryExtensions
{
    public static Task<User?> FindActiveAsync(this IQueryable<User> users, Guid id, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(users, u => u.Id == id && u.Status == AccountStatus.Active, cancellationToken);
}
