using Eoffice.Web.Kernel.Handling;
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
        await handling.EnsureOwnFileAsync(request.FileId, viewer.UserId, cancellationToken);
        var entry = document.AddOpinion(viewer, request.AssignmentId, request.Text!.Trim(), request.FileId, handling.Now);
        await handling.CommitAsync(document, entry.Actor, "documents.incoming.opinion",
            $"Ý kiến về văn bản đến số {document.ArrivalNumber}/{document.Year}.", cancellationToken);
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
