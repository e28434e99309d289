using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Xác nhận kết quả / Yêu cầu xử lý lại: where the agency has unit heads confirm results, the person a unit's leader
/// assigned finishes, and the unit's part comes back to its leaders; one of them confirms the result (the unit's part and
/// the lines above it close) or asks for rework with a reason (the assignee's part opens again). A support part's result
/// comes back to its holder the same way. <c>POST …/incoming/{id}/confirm</c> and <c>…/rework</c>, pages
/// /van-ban-den/{id}/xac-nhan and /van-ban-den/{id}/xu-ly-lai.
/// </summary>
public sealed class ConfirmIncomingResult(IncomingHandling handling)
{
    public sealed record ConfirmRequest(Guid? AssignmentId, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Note?.Trim().Length > FinishIncoming.ResultMaxLength)
            {
                errors["note"] = [$"Ý kiến dài tối đa {FinishIncoming.ResultMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public sealed record ReworkRequest(Guid? AssignmentId, string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors["reason"] = ["Vui lòng nhập yêu cầu xử lý lại (điều cần bổ sung, sửa đổi)."];
            }
            else if (Reason.Trim().Length > Assignment.ReasonMaxLength)
            {
                errors["reason"] = [$"Lý do dài tối đa {Assignment.ReasonMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public async Task<IncomingActionResult> ConfirmAsync(Guid id, ConfirmRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var rules = await handling.RulesAsync(viewer.AgencyId, cancellationToken);
        var assignment = document.ConfirmResult(viewer, request.AssignmentId, ForwardIncoming.Clean(request.Note), handling.Now, rules);
        await handling.CommitAsync(document, document.Events[^1].Actor, "documents.incoming.confirm",
            $"Xác nhận kết quả xử lý phần của {assignment.RecipientName}, văn bản đến số {document.ArrivalNumber}/{document.Year}.", cancellationToken);
        return IncomingActionResult.Of(document);
    }

    public async Task<IncomingActionResult> ReworkAsync(Guid id, ReworkRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var reason = request.Reason!.Trim();
        var reopened = document.RequestRework(viewer, request.AssignmentId, reason, handling.Now);
        await handling.CommitAsync(document, document.Events[^1].Actor, "documents.incoming.rework",
            $"Yêu cầu {reopened.RecipientName} xử lý lại văn bản đến số {document.ArrivalNumber}/{document.Year}. Lý do: {reason}", cancellationToken);
        return IncomingActionResult.Of(document, [reopened]);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/incoming/{id:guid}/confirm", async Task<Ok<IncomingActionResult>> (Guid id, ConfirmRequest request, ConfirmIncomingResult handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ConfirmAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ConfirmIncomingResult")
            .WithSummary("Xác nhận kết quả xử lý của người được phân công; phần xử lý của đơn vị và các cấp trên kết thúc.");
        group.MapPost("/incoming/{id:guid}/rework", async Task<Ok<IncomingActionResult>> (Guid id, ReworkRequest request, ConfirmIncomingResult handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReworkAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RequestIncomingRework")
            .WithSummary("Không xác nhận kết quả: yêu cầu người được phân công xử lý lại, kèm lý do.");
    }
}
