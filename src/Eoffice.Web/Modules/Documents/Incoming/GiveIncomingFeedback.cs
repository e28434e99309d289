using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Chuyển ý kiến góp ý: a recipient of a document that asks for comments (văn bản xin ý kiến) answers, optionally with
/// a file; this finishes their part. <c>POST …/incoming/{id}/feedback</c>, page /van-ban-den/{id}/gop-y.
/// </summary>
public sealed class GiveIncomingFeedback(IncomingHandling handling)
{
    public sealed record Request(Guid? AssignmentId, string? Text, Guid? FileId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => AddIncomingOpinion.ValidateText(Text, "ý kiến góp ý");
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        await handling.EnsureOwnFileAsync(request.FileId, viewer.UserId, cancellationToken);
        var entry = document.GiveFeedback(viewer, request.AssignmentId, request.Text!.Trim(), request.FileId, handling.Now);
        var assignment = document.GetAssignment(entry.AssignmentId!.Value);
        await handling.CommitAsync(document, entry.Actor, "documents.incoming.feedback",
            $"Góp ý văn bản đến số {document.ArrivalNumber}/{document.Year} ({assignment.RecipientName}).", cancellationToken);
        return IncomingActionResult.Of(document);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/feedback", async Task<Ok<IncomingActionResult>> (Guid id, Request request, GiveIncomingFeedback handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GiveIncomingFeedback")
            .WithSummary("Chuyển ý kiến góp ý cho văn bản xin ý kiến.");
}
