using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Thu hồi: the sender takes back an assignment they sent (and whatever it was forwarded to), with an optional reason;
/// the holders are told. A delegate may take back what they sent for their delegator. <c>POST …/incoming/{id}/revoke</c>,
/// page /van-ban-den/{id}/thu-hoi.
/// </summary>
public sealed class RevokeAssignment(IncomingHandling handling)
{
    public sealed record Request(Guid? AssignmentId, string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => ValidateRevoke(AssignmentId, Reason);
    }

    public static Dictionary<string, string[]> ValidateRevoke(Guid? assignmentId, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (assignmentId is null || assignmentId == Guid.Empty)
        {
            errors["assignmentId"] = ["Vui lòng chọn lượt chuyển cần thu hồi."];
        }

        if (reason?.Trim().Length > IncomingDocument.ReasonMaxLength)
        {
            errors["reason"] = [$"Lý do dài tối đa {IncomingDocument.ReasonMaxLength} ký tự."];
        }

        return errors;
    }

    /// <summary>The actor who may take back <paramref name="assignment"/>: its sender, or a delegate of the sender.</summary>
    public static Actor? SenderActor(IncomingViewer viewer, Assignment assignment)
    {
        if (assignment.SenderId == viewer.UserId)
        {
            return viewer.Self;
        }

        var delegation = viewer.Delegations.FirstOrDefault(d => d.DelegatorId == assignment.SenderId);
        return delegation is null ? null : new Actor(viewer.UserId, viewer.Name, delegation.DelegatorId, delegation.DelegatorName);
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        request.ThrowIfInvalid();
        var assignment = document.GetAssignment(request.AssignmentId!.Value);
        var actor = SenderActor(viewer, assignment)
            ?? throw RuleException.Forbidden("Chỉ người đã chuyển mới thu hồi được.");
        var notices = await RevokeAsync(document, assignment, actor, request.Reason, cancellationToken);
        await handling.CommitAsync(document, actor, "documents.incoming.revoke",
            $"Thu hồi văn bản đến số {document.ArrivalNumber}/{document.Year} đã chuyển cho {assignment.RecipientName}.", notices, cancellationToken);
        return IncomingActionResult.Of(document);
    }

    /// <summary>Revokes (no save) and returns the notices for the people who held what was taken back.</summary>
    internal async Task<List<IncomingNotice>> RevokeAsync(IncomingDocument document, Assignment assignment, Actor actor, string? reason,
        CancellationToken cancellationToken)
    {
        var held = document.SubtreeOf(assignment).Where(a => a.Status.IsActive()).ToList();
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        document.Revoke(actor, assignment, text, handling.Now);
        var notices = new List<IncomingNotice>();
        foreach (var a in held)
        {
            notices.AddRange((await handling.HoldersAsync(a, cancellationToken)).Select(h => new IncomingNotice(h, "Văn bản đến đã bị thu hồi",
                $"{actor.DisplayName} thu hồi: {IncomingHandling.Shorten(document.Subject)}{(text is null ? "" : $". Lý do: {text}")}")));
        }

        return notices;
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/revoke", async Task<Ok<IncomingActionResult>> (Guid id, Request request, RevokeAssignment handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RevokeIncomingAssignment")
            .WithSummary("Thu hồi văn bản đến đã chuyển.");
}
