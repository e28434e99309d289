using Eoffice.Web.Kernel.Handling;
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

        if (reason?.Trim().Length > Assignment.ReasonMaxLength)
        {
            errors["reason"] = [$"Lý do dài tối đa {Assignment.ReasonMaxLength} ký tự."];
        }

        return errors;
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var assignment = document.Revoke(viewer, request.AssignmentId!.Value, ForwardIncoming.Clean(request.Reason), handling.Now);
        await handling.CommitAsync(document, document.Events[^1].Actor, "documents.incoming.revoke",
            $"Thu hồi văn bản đến số {document.ArrivalNumber}/{document.Year} đã chuyển cho {assignment.RecipientName}.", cancellationToken);
        return IncomingActionResult.Of(document);
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
