using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Trả lời: a handler starts the answer to the document — an <see cref="IncomingReply"/> with its title that the outgoing
/// module will link to its draft; the document shows "Trả lời bởi …". <c>POST …/incoming/{id}/replies</c>, page
/// /van-ban-den/{id}/tra-loi (the page now opens the outgoing draft form with the document as answered).
/// </summary>
public sealed class StartIncomingReply(IncomingHandling handling)
{
    public sealed record Request(string? Title) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Title))
            {
                errors["title"] = ["Vui lòng nhập trích yếu văn bản trả lời."];
            }
            else if (Title.Trim().Length > IncomingReply.TitleMaxLength)
            {
                errors["title"] = [$"Trích yếu dài tối đa {IncomingReply.TitleMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public sealed record Response(Guid ReplyId, Guid DocumentId, string Title);

    public async Task<Response> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var title = request.Title!.Trim();
        document.RecordReply(viewer, title, handling.Now);
        var reply = new IncomingReply(document.Id, title, viewer.Self, handling.Now);
        handling.Db.Add(reply);
        await handling.CommitAsync(document, viewer.Self, "documents.incoming.reply",
            $"Soạn văn bản trả lời văn bản đến số {document.ArrivalNumber}/{document.Year}: {title}", cancellationToken);
        return new Response(reply.Id, document.Id, title);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/replies", async Task<Ok<Response>> (Guid id, Request request, StartIncomingReply handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("StartIncomingReply")
            .WithSummary("Soạn văn bản trả lời cho văn bản đến (liên kết với dự thảo văn bản đi).");
}
