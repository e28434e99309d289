using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// After issue, the clerk records how each external recipient was sent the document (exchange, e-mail, post) and the
/// paper issuance (copies, stamp, date), and may recall (thu hồi) an issued document: it is frozen with its metadata and
/// its recipients are told (Decree 30 Art. 18.4). Routes <c>…/outgoing/{id}/sending</c>, <c>…/paper</c>, <c>…/withdraw</c>.
/// </summary>
public sealed class WithdrawOutgoing(OutgoingHandling handling)
{
    public sealed record SendingRequest(Guid RecipientId, string? State, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (ParseState(State) is null)
            {
                errors["state"] = ["Trạng thái gửi không hợp lệ: đã gửi, đã nhận hoặc gửi lỗi."];
            }

            errors.MaxLength("note", Note, OutgoingRecipient.NoteMaxLength, "Ghi chú");
            return errors;
        }
    }

    public sealed record PaperRequest(int? Copies, DateOnly? On, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Copies is null or < 1 or > OutgoingContent.MaxCopies)
            {
                errors["copies"] = [$"Số bản giấy từ 1 đến {OutgoingContent.MaxCopies}."];
            }

            errors.MaxLength("note", Note, OutgoingDocument.ReasonMaxLength, "Ghi chú");
            return errors;
        }
    }

    public sealed record WithdrawRequest(string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Reason))
            {
                errors["reason"] = ["Vui lòng nhập lý do thu hồi."];
            }

            errors.MaxLength("reason", Reason, OutgoingDocument.ReasonMaxLength, "Lý do");
            return errors;
        }
    }

    public static DeliveryState? ParseState(string? state) => state?.Trim().ToLowerInvariant() switch
    {
        "sent" => DeliveryState.Sent,
        "received" => DeliveryState.Received,
        "failed" => DeliveryState.Failed,
        _ => null,
    };

    public async Task<OutgoingActionResult> RecordSendingAsync(Guid id, SendingRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanRecordSending(viewer).ThrowIfBroken();
        var recipient = document.RecordSending(viewer.Self, request.RecipientId, ParseState(request.State)!.Value, null, DocumentMetadata.Clean(request.Note), handling.Now);
        await handling.CommitAsync(document, viewer.Self, "documents.outgoing.sending", $"{OutgoingDocument.SendingName(recipient.Channel)} {recipient.Name}.", cancellationToken);
        return OutgoingActionResult.Of(document);
    }

    public async Task<OutgoingActionResult> RecordPaperAsync(Guid id, PaperRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.RecordPaperIssuance(viewer, request.Copies!.Value, request.On ?? handling.Today, DocumentMetadata.Clean(request.Note), handling.Now);
        await handling.CommitAsync(document, viewer.Self, "documents.outgoing.paper", $"Phát hành bản giấy {document.CodeText}: {request.Copies} bản.", cancellationToken);
        return OutgoingActionResult.Of(document);
    }

    public async Task<OutgoingActionResult> WithdrawAsync(Guid id, WithdrawRequest request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.Withdraw(viewer, DocumentMetadata.Clean(request.Reason)!, handling.Now);
        await handling.CommitAsync(document, viewer.Self, "documents.outgoing.withdraw", $"Thu hồi văn bản {document.CodeText}: {request.Reason}", cancellationToken);
        return OutgoingActionResult.Of(document);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/outgoing/{id:guid}/sending", async Task<Ok<OutgoingActionResult>> (Guid id, SendingRequest request, WithdrawOutgoing h, CancellationToken ct) =>
                TypedResults.Ok(await h.RecordSendingAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.IssueOutgoing)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RecordOutgoingSending").WithSummary("Ghi nhận việc gửi văn bản đi đến một nơi nhận (liên thông, thư điện tử, bưu điện).");
        group.MapPost("/outgoing/{id:guid}/paper", async Task<Ok<OutgoingActionResult>> (Guid id, PaperRequest request, WithdrawOutgoing h, CancellationToken ct) =>
                TypedResults.Ok(await h.RecordPaperAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.IssueOutgoing)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RecordOutgoingPaperIssuance").WithSummary("Ghi nhận phát hành bản giấy (số bản, đóng dấu, ngày).");
        group.MapPost("/outgoing/{id:guid}/withdraw", async Task<Ok<OutgoingActionResult>> (Guid id, WithdrawRequest request, WithdrawOutgoing h, CancellationToken ct) =>
                TypedResults.Ok(await h.WithdrawAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.IssueOutgoing)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WithdrawOutgoing").WithSummary("Thu hồi văn bản đã phát hành.");
    }
}
