using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Chuyển / phân công: the holder of an assignment writes a direction (bút phê) and sends the document on to people or
/// units, each as lead (chủ trì), support (phối hợp), for information (nhận để biết) or to direct further, with its own
/// deadline (a date or a number of working days from today). A for-information copy has no deadline; a support given
/// none is due with the lead, and one due after the lead answers 409 with a warning until the sender confirms. Who may
/// receive it is the agency's routing data (<see cref="RoutingPolicy"/>); under a delegation the delegator's rules
/// apply. <c>POST …/incoming/{id}/forward</c> and the page /van-ban-den/{id}/chuyen.
/// </summary>
public sealed class ForwardIncoming(IncomingHandling handling, RoutingPolicy routing)
{
    public const int MaxTargets = 50;
    public const int MaxDeadlineDays = 365;
    public const string WarningsTitle = "Cần xác nhận trước khi chuyển.";

    /// <summary>
    /// One recipient: <c>UserId</c> or <c>UnitId</c>; <c>Role</c>: "lead", "support", "forInformation" or "direct";
    /// <c>DueDate</c> (yyyy-MM-dd) or <c>DeadlineWorkingDays</c> counted from today — neither for "forInformation"; a
    /// "support" without either is due with the lead.
    /// </summary>
    public sealed record Target(Guid? UserId, Guid? UnitId, string? Role, DateOnly? DueDate, int? DeadlineWorkingDays);

    /// <summary>
    /// <c>AssignmentId</c>: the viewer's assignment to forward (default: the first they hold); <c>Instruction</c>: bút phê;
    /// <c>ConfirmWarnings</c>: forward despite the warnings of a first attempt.
    /// </summary>
    public sealed record Request(Guid? AssignmentId, string? Instruction, IReadOnlyList<Target>? Targets, bool ConfirmWarnings = false) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => ValidateTargets(Instruction, Targets);
    }

    /// <summary>A reason to think twice before forwarding (not an error); <c>Kind</c> <c>support-after-lead</c>.</summary>
    public sealed record Warning(string Kind, string Message);

    /// <summary>Either the forward done or the warnings the sender has to confirm.</summary>
    public sealed record Outcome(IncomingActionResult? Forwarded, IReadOnlyList<Warning> Warnings);

    public static Dictionary<string, string[]> ValidateTargets(string? instruction, IReadOnlyList<Target>? targets)
    {
        var errors = new Dictionary<string, string[]>();
        if (instruction?.Length > Assignment.InstructionMaxLength)
        {
            errors["instruction"] = [$"Ý kiến chỉ đạo dài tối đa {Assignment.InstructionMaxLength} ký tự."];
        }

        if (targets is null || targets.Count == 0)
        {
            errors["targets"] = ["Vui lòng chọn người hoặc đơn vị nhận."];
            return errors;
        }

        if (targets.Count > MaxTargets)
        {
            errors["targets"] = [$"Chọn tối đa {MaxTargets} người hoặc đơn vị nhận."];
        }

        foreach (var t in targets)
        {
            if ((t.UserId is null) == (t.UnitId is null))
            {
                errors["targets"] = ["Mỗi người nhận là một cán bộ hoặc một đơn vị."];
            }
            else if (HandlingNames.ParseRole(t.Role) is null)
            {
                errors["targets"] = ["Vai trò xử lý không hợp lệ (chủ trì, phối hợp, nhận để biết, xử lý/chỉ đạo)."];
            }
            else if (t.DeadlineWorkingDays is < 0 or > MaxDeadlineDays)
            {
                errors["targets"] = [$"Thời hạn xử lý từ 0 đến {MaxDeadlineDays} ngày làm việc."];
            }
            else if (HandlingNames.ParseRole(t.Role) == AssignmentRole.ForInformation && (t.DueDate is not null || t.DeadlineWorkingDays is not null))
            {
                errors["targets"] = ["Người, đơn vị nhận để biết không có hạn xử lý."];
            }
        }

        return errors;
    }

    public async Task<Outcome> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var (from, actor) = document.ForwardingFrom(viewer, request.AssignmentId);
        var targets = await ResolveAsync(viewer, actor, request.Targets!, cancellationToken);
        if (!request.ConfirmWarnings && document.SupportsDueAfterLead(from, targets) is { Count: > 0 } late)
        {
            var leadDue = VietnamTime.FormatDate(document.LeadDueDate(from, targets)!.Value);
            return new Outcome(null, [.. late.Select(t => new Warning("support-after-lead",
                $"Hạn phối hợp của {t.Name} ({VietnamTime.FormatDate(t.DueDate!.Value)}) sau hạn chủ trì ({leadDue}): phối hợp nên xong trước khi chủ trì đến hạn."))]);
        }

        var created = document.Forward(viewer, request.AssignmentId, targets, Clean(request.Instruction), handling.Now);
        await handling.CommitAsync(document, actor, "documents.incoming.forward",
            $"Chuyển văn bản đến số {document.ArrivalNumber}/{document.Year}: {string.Join("; ", created.Select(a => $"{a.RecipientName} ({HandlingNames.Name(a.Role)})"))}.",
            cancellationToken);
        return new Outcome(IncomingActionResult.Of(document, created), []);
    }

    /// <summary>
    /// The recipients as the routing rules of the responsible sender (the delegator, under a delegation) allow them. A
    /// unit that keeps its own incoming register with a clerk receives work through that clerk first (regulation 000
    /// Điều 5.2.a); "nhận để biết" goes straight to its leaders.
    /// </summary>
    internal async Task<IReadOnlyList<AssignmentTarget>> ResolveAsync(IncomingViewer viewer, Actor actor, IReadOnlyList<Target> targets,
        CancellationToken cancellationToken)
    {
        var choices = await routing.ChoicesAsync(viewer.AgencyId, actor.ResponsibleId, cancellationToken);
        var resolved = await routing.ResolveAsync(viewer.AgencyId, choices,
            targets.Select(t => new RoutingPolicy.RequestedTarget(t.UserId, t.UnitId, HandlingNames.ParseRole(t.Role)!.Value,
                handling.DueDateOf(t.DueDate, t.DeadlineWorkingDays))),
            cancellationToken);
        var units = resolved.Where(t => t.UnitId is not null && t.Role != AssignmentRole.ForInformation).Select(t => t.UnitId!.Value).ToList();
        if (units.Count == 0)
        {
            return resolved;
        }

        var registries = await UnitRegistriesAsync(handling.Db, viewer.AgencyId, units, cancellationToken);
        return resolved.Select(t => t.UnitId is { } unit && t.Role != AssignmentRole.ForInformation && registries.TryGetValue(unit, out var register)
            ? t with { ReceivingRegisterId = register }
            : t).ToList();
    }

    /// <summary>For each of <paramref name="units"/> that keeps an active incoming register with at least one clerk: that register (the first in order).</summary>
    internal static async Task<Dictionary<Guid, Guid>> UnitRegistriesAsync(EofficeDbContext db, Guid agencyId, IReadOnlyList<Guid> units,
        CancellationToken cancellationToken)
    {
        var registers = await db.Set<Register>().AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.UnitId != null && units.Contains(r.UnitId.Value) && r.Kind == RegisterKind.Incoming && r.IsActive
                && db.Set<RegisterKeeper>().Any(k => k.RegisterId == r.Id))
            .OrderBy(r => r.SortOrder).ThenBy(r => r.CreatedAt)
            .Select(r => new { r.Id, UnitId = r.UnitId!.Value })
            .ToListAsync(cancellationToken);
        return registers.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.First().Id);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The API answer for an outcome: 200 with the assignments created, or 409 with the warnings to confirm.</summary>
    internal static Results<Ok<IncomingActionResult>, ProblemHttpResult> Answer(Outcome outcome) =>
        outcome.Forwarded is { } forwarded
            ? TypedResults.Ok(forwarded)
            : ConfirmableWarnings.Problem(WarningsTitle, "Gửi lại với confirmWarnings = true để vẫn chuyển.", outcome.Warnings);

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/forward", async Task<Results<Ok<IncomingActionResult>, ProblemHttpResult>> (Guid id, Request request,
                ForwardIncoming handler, CancellationToken ct) => Answer(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ForwardIncoming")
            .WithSummary("Cho ý kiến chỉ đạo và chuyển, phân công xử lý văn bản đến (chủ trì, phối hợp, nhận để biết).")
            .WithDescription("Nhận để biết không có hạn xử lý (gửi kèm hạn: 400). Phối hợp không ghi hạn thì theo hạn của chủ trì; hạn phối hợp sau hạn " +
                "chủ trì trả 409 kèm cảnh báo (warnings) khi chưa xác nhận; gửi lại với confirmWarnings = true để vẫn chuyển.");
}
