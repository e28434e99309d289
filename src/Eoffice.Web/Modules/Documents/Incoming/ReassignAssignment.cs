using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Phân công lại: the sender takes back an assignment and sends the document to others instead, in one transaction
/// (nothing changes if the new recipients are refused). <c>POST …/incoming/{id}/reassign</c>; on the page
/// /van-ban-den/{id}/thu-hoi.
/// </summary>
public sealed class ReassignAssignment(IncomingHandling handling, RevokeAssignment revoke, ForwardIncoming forward)
{
    public sealed record Request(Guid? AssignmentId, string? Reason, string? Instruction, IReadOnlyList<ForwardIncoming.Target>? Targets) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = RevokeAssignment.ValidateRevoke(AssignmentId, Reason);
            foreach (var (k, v) in ForwardIncoming.ValidateTargets(Instruction, Targets))
            {
                errors[k] = v;
            }

            return errors;
        }
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        request.ThrowIfInvalid();
        var assignment = document.GetAssignment(request.AssignmentId!.Value);
        var actor = RevokeAssignment.SenderActor(viewer, assignment)
            ?? throw RuleException.Forbidden("Chỉ người đã chuyển mới phân công lại được.");
        if (assignment.ParentId is not { } parentId)
        {
            throw RuleException.Invalid("Văn bản trình lãnh đạo được thu hồi rồi trình lại.");
        }

        var notices = await revoke.RevokeAsync(document, assignment, actor, request.Reason, cancellationToken);
        var parent = document.GetAssignment(parentId);
        var created = await forward.ForwardAsync(viewer, document, parent, actor, request.Instruction, request.Targets!, cancellationToken);
        notices.AddRange(await handling.NewAssignmentNoticesAsync(document, created, actor, cancellationToken));
        await handling.CommitAsync(document, actor, "documents.incoming.reassign",
            $"Phân công lại văn bản đến số {document.ArrivalNumber}/{document.Year}: thu hồi từ {assignment.RecipientName}, chuyển cho {string.Join("; ", created.Select(a => a.RecipientName))}.",
            notices, cancellationToken);
        return IncomingActionResult.Of(document, created);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/reassign", async Task<Ok<IncomingActionResult>> (Guid id, Request request, ReassignAssignment handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReassignIncomingAssignment")
            .WithSummary("Thu hồi và phân công lại văn bản đến trong một thao tác.");
}
