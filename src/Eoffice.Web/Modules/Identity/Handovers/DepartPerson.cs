using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Handovers;

/// <summary>
/// A person leaves (transfer, retirement): in one transaction every module hands their open work to a named successor
/// (<see cref="IOpenWorkHandover"/>), the list of what was handed over is kept, the account becomes departed (it can
/// never sign in again) and its sessions end, the end of the person's rights is recorded for the approver, and the
/// successor is told. If any module fails, nothing happens and the person stays active (regulation 001 Điều 9.1).
/// </summary>
public sealed class DepartPerson(
    EofficeDbContext db,
    AgencyPeople people,
    IEnumerable<IOpenWorkHandover> transfers,
    Sessions sessions,
    RightsApproval approval,
    INotifier notifier,
    UnitOfWork unitOfWork,
    ICurrentUser currentUser,
    TimeProvider time)
{
    public const int NoteMaxLength = 500;

    /// <summary><c>SuccessorId</c>: an active colleague of the same agency; <c>Reason</c>: "transfer", "retirement" or "other"; <c>Note</c>: up to 500 characters.</summary>
    public sealed record Request(Guid? SuccessorId, string? Reason, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => DepartPerson.Validate(this);
    }

    public static readonly IReadOnlyList<(DepartureReason Reason, string Name, string Text)> Reasons =
    [
        (DepartureReason.Transfer, "transfer", "Chuyển công tác"),
        (DepartureReason.Retirement, "retirement", "Nghỉ hưu"),
        (DepartureReason.Other, "other", "Lý do khác"),
    ];

    public static DepartureReason? ParseReason(string? name) =>
        Reasons.Where(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).Select(r => (DepartureReason?)r.Reason).FirstOrDefault();

    /// <summary>The request's own fields; that the successor is someone else is checked by the handler, which knows who leaves.</summary>
    public static Dictionary<string, string[]> Validate(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.SuccessorId is null || request.SuccessorId == Guid.Empty)
        {
            errors["successorId"] = ["Vui lòng chọn người tiếp nhận công việc."];
        }

        if (ParseReason(request.Reason) is null)
        {
            errors["reason"] = ["Vui lòng chọn lý do: chuyển công tác, nghỉ hưu hoặc lý do khác."];
        }

        if (request.Note?.Trim().Length > NoteMaxLength)
        {
            errors["note"] = [$"Ghi chú tối đa {NoteMaxLength} ký tự."];
        }

        return errors;
    }

    /// <exception cref="RuleException">The person is not of the administrator's agency.</exception>
    /// <exception cref="RuleException">The person as their own successor or an inactive successor (400), already departed or oneself (409).</exception>
    public async Task<Handover> HandleAsync(Guid personId, Request request, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        if (person.Status == AccountStatus.Departed)
        {
            throw RuleException.Conflict("Cán bộ đã nghỉ việc.");
        }

        if (person.Id == currentUser.Id)
        {
            throw RuleException.Conflict("Không thể tự làm thủ tục nghỉ việc cho chính mình.");
        }

        if (request.SuccessorId == person.Id)
        {
            throw RuleException.Invalid("Người tiếp nhận phải là người khác.", "successorId");
        }

        var successor = await people.InMyAgency().FirstOrDefaultAsync(u => u.Id == request.SuccessorId && u.Status == AccountStatus.Active, cancellationToken)
            ?? throw RuleException.Invalid("Người tiếp nhận phải là cán bộ đang hoạt động của cơ quan.", "successorId");

        var reason = ParseReason(request.Reason)!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var handover = new Handover(person.Id, successor.Id, reason, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now, currentUser.Id);
        var reasonText = Reasons.First(r => r.Reason == reason).Text;

        // Every module hands the work over inside the departure's transaction (IOpenWorkHandover): all of it, or nothing
        // and the person stays active.
        await unitOfWork.CommitAsync(
            async ct =>
            {
                foreach (var transfer in transfers)
                {
                    foreach (var item in await transfer.HandOverAsync(person.Id, successor.Id, ct))
                    {
                        handover.Add(transfer.Module, item.ItemType, item.ItemId, item.Title);
                    }
                }

                db.Add(handover);
                person.Depart(successor.Id, now);
                await approval.RecordAsync(person,
                    $"{person.FullName} nghỉ việc ({reasonText.ToLowerInvariant()}): tài khoản ngừng hoạt động, mọi quyền chấm dứt; công việc bàn giao cho {successor.FullName}",
                    ct);
                await notifier.NotifyAsync(successor.Id, $"Bạn tiếp nhận công việc của {person.FullName}",
                    $"{person.FullName} nghỉ việc ({reasonText.ToLowerInvariant()}); {handover.Items.Count} việc đang xử lý đã được bàn giao cho bạn.",
                    $"/quan-tri/ban-giao/{handover.Id}", "handovers", ct);
                await sessions.MarkAllEndedAsync(person.Id, "departure", ct);
                return handover.Items.Count;
            },
            count => new AuditEvent("identity.person.depart", "user", person.Id.ToString(),
                Details: $"{person.FullName} nghỉ việc ({reasonText}); người tiếp nhận: {successor.FullName} [{successor.Id}]; bàn giao {count} việc; biên bản {handover.Id}"),
            cancellationToken);
        return handover;
    }

    internal static void Map(RouteGroupBuilder people) =>
        people.MapPost("/{id:guid}/departure", async Task<Results<Created<HandoverDto>, ValidationProblem>> (
                Guid id, Request request, DepartPerson handler, GetHandover get, CancellationToken ct) =>
            {
                var handover = await handler.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/handovers/{handover.Id}", await get.HandleAsync(handover.Id, ct));
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DepartPerson")
            .WithSummary("Cán bộ nghỉ việc (chuyển công tác, nghỉ hưu): bàn giao công việc cho người tiếp nhận và ngừng tài khoản (quản trị).");
}
