using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Trả lại: the holder sends the document back to whoever sent it, with a reason — typically "Không thuộc thẩm quyền"
/// (regulation 003 Điều 5.6). The sender's assignment reopens, flagged as come back; a leader returning the clerk's
/// presentation sends it back to the register's clerks. <c>POST …/incoming/{id}/return</c>, page /van-ban-den/{id}/tra-lai.
/// </summary>
public sealed class ReturnIncoming(IncomingHandling handling)
{
    public const string NotMyResponsibility = "Không thuộc thẩm quyền";

    public sealed record Request(Guid? AssignmentId, string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors["reason"] = ["Vui lòng nhập lý do trả lại."];
            }
            else if (Reason.Trim().Length > Assignment.ReasonMaxLength)
            {
                errors["reason"] = [$"Lý do dài tối đa {Assignment.ReasonMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var reason = request.Reason!.Trim();
        var assignment = document.Return(viewer, request.AssignmentId, reason, handling.Now);
        await handling.CommitAsync(document, document.Events[^1].Actor, "documents.incoming.return",
            $"Trả lại {assignment.SenderName} văn bản đến số {document.ArrivalNumber}/{document.Year}. Lý do: {reason}", cancellationToken);
        return IncomingActionResult.Of(document);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/return", async Task<Ok<IncomingActionResult>> (Guid id, Request request, ReturnIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReturnIncoming")
            .WithSummary("Trả lại văn bản đến cho người chuyển, kèm lý do (ví dụ: không thuộc thẩm quyền).");
}
