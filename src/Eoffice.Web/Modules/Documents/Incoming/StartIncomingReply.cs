using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Trả lời: a handler starts the answer to the document — an <see cref="IncomingReply"/> with its title that the outgoing
/// module will link to its draft; the document shows "Trả lời bởi …". <c>POST …/incoming/{id}/replies</c>, page
/// /van-ban-den/{id}/tra-loi.
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

    /// <summary>Who may answer: whoever holds or held a part of the handling, the register's keepers and the agency's leaders.</summary>
    public static bool MayReply(IncomingViewer viewer, IncomingDocument document) =>
        viewer.AgencyWideTracker || IncomingAccessControl.Keeps(viewer, document)
        || document.Assignments.Any(a => a.Status != AssignmentStatus.Revoked && a.Status != AssignmentStatus.Returned && viewer.ActorFor(a) is not null);

    public async Task<Response> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        request.ThrowIfInvalid();
        if (document.Status == IncomingStatus.Cancelled)
        {
            throw RuleException.Conflict("Văn bản đã bị hủy đăng ký.");
        }

        if (!MayReply(viewer, document))
        {
            throw RuleException.Forbidden("Bạn không xử lý văn bản này nên không soạn văn bản trả lời được.");
        }

        var actor = viewer.Self;
        var title = request.Title!.Trim();
        var reply = new IncomingReply(document.Id, title, actor, handling.Now);
        handling.Db.Add(reply);
        document.RecordReply(actor, title, handling.Now);
        await handling.CommitAsync(document, actor, "documents.incoming.reply",
            $"Soạn văn bản trả lời văn bản đến số {document.ArrivalNumber}/{document.Year}: {title}", [], cancellationToken);
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
