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
public sealed class ReassignAssignment(IncomingHandling handling, ForwardIncoming forward)
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
        var assignmentId = request.AssignmentId!.Value;
        document.CanReassign(viewer, assignmentId).ThrowIfBroken();
        var assignment = document.GetAssignment(assignmentId);
        var actor = viewer.SenderFor(assignment)!;
        var targets = await forward.ResolveAsync(viewer, actor, request.Targets!, cancellationToken);
        var created = document.Reassign(viewer, assignmentId, ForwardIncoming.Clean(request.Reason), targets, ForwardIncoming.Clean(request.Instruction),
            handling.Now);
        await handling.CommitAsync(document, actor, "documents.incoming.reassign",
            $"Phân công lại văn bản đến số {document.ArrivalNumber}/{document.Year}: thu hồi từ {assignment.RecipientName}, chuyển cho {string.Join("; ", created.Select(a => a.RecipientName))}.",
            cancellationToken);
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
