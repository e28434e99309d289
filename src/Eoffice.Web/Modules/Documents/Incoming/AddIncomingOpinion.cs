using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Thêm ý kiến xử lý: a participant writes an opinion, optionally with a file they uploaded; it joins the document's
/// history and reaches the sender of their assignment and the lead. <c>POST …/incoming/{id}/opinions</c>, page
/// /van-ban-den/{id}/y-kien.
/// </summary>
public sealed class AddIncomingOpinion(IncomingHandling handling)
{
    public const int TextMaxLength = 2000;

    public sealed record Request(Guid? AssignmentId, string? Text, Guid? FileId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => ValidateText(Text, "ý kiến");
    }

    public static Dictionary<string, string[]> ValidateText(string? text, string what)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = [$"Vui lòng nhập {what}."];
        }
        else if (text.Trim().Length > TextMaxLength)
        {
            errors["text"] = [$"Nội dung dài tối đa {TextMaxLength} ký tự."];
        }

        return errors;
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        request.ThrowIfInvalid();
        await handling.EnsureOwnFileAsync(request.FileId, viewer.UserId, cancellationToken);

        // An opinion is tied to the viewer's assignment when they hold one; anyone who may see the document may add one.
        var held = document.Assignments.Where(a => (request.AssignmentId is null || a.Id == request.AssignmentId) && viewer.ActorFor(a) is not null)
            .OrderBy(a => a.Status.IsActive() ? 0 : 1).ThenByDescending(a => a.SentAt).FirstOrDefault();
        var actor = held is null ? viewer.Self : viewer.ActorFor(held)!;
        var text = request.Text!.Trim();
        document.AddOpinion(actor, held, text, request.FileId, handling.Now);
        var notices = await handling.ContributionNoticesAsync(document, held, "Ý kiến mới về văn bản đến",
            $"{actor.DisplayName}: {IncomingHandling.Shorten(text)}", cancellationToken);
        await handling.CommitAsync(document, actor, "documents.incoming.opinion",
            $"Ý kiến về văn bản đến số {document.ArrivalNumber}/{document.Year}.", notices, cancellationToken);
        return IncomingActionResult.Of(document);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/opinions", async Task<Ok<IncomingActionResult>> (Guid id, Request request, AddIncomingOpinion handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("AddIncomingOpinion")
            .WithSummary("Thêm ý kiến xử lý văn bản đến (có thể kèm tệp).");
}
