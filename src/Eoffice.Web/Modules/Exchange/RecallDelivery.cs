using System.Globalization;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Exchange.Edxml;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>The outbox command to send the recall request (status 13) of one delivery; failures are retried by the outbox.</summary>
public sealed record ExchangeRecallDue(Guid DeliveryId)
{
    public const string TypeName = "exchange.recall.due";
}

/// <summary>
/// Thu hồi (ADR 0030 §20): the clerk who may manage an issued document (a keeper of its outgoing register) asks one
/// partner (<c>organId</c>) or every partner that has it to recall it, with a reason. Each delivery that arrived and was
/// not refused nor recalled yet gets its recall state and an <see cref="ExchangeRecallDue"/>, in one commit with an
/// audit entry per partner; the partner answers 15 or 16 later. Another agency's document, or one the user does not see,
/// answers 404. <c>POST /api/v1/exchange/deliveries/recall</c>.
/// </summary>
public sealed class RecallDelivery(UnitOfWork unitOfWork, IIssuedDocuments documents, ListDeliveries list, IOutbox outbox, TimeProvider time)
{
    public const string RequestedAction = "exchange.recall.request";

    public sealed record Request(Guid OutgoingId, string? OrganId, string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (OutgoingId == Guid.Empty)
            {
                errors["outgoingId"] = ["Vui lòng chọn văn bản."];
            }

            errors.Required("reason", Reason, ExchangeDelivery.ReasonMaxLength, "Vui lòng nhập lý do thu hồi.", "Lý do thu hồi");
            return errors;
        }
    }

    public async Task<IReadOnlyList<DeliveryResponse>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!await documents.CanSeeAsync(request.OutgoingId, cancellationToken))
        {
            throw RuleException.NotFound("Không tìm thấy văn bản hoặc bạn không có quyền truy cập.");
        }

        if (!await documents.CanManageAsync(request.OutgoingId, cancellationToken))
        {
            throw RuleException.Forbidden("Chỉ văn thư giữ sổ văn bản đi mới yêu cầu thu hồi được văn bản đã phát hành.");
        }

        var db = unitOfWork.Db;
        var organ = string.IsNullOrWhiteSpace(request.OrganId) ? null : request.OrganId.Trim();
        var deliveries = await db.Set<ExchangeDelivery>().Where(d => d.OutgoingId == request.OutgoingId && (organ == null || d.OrganId == organ))
            .OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        if (organ is not null && deliveries.Count == 0)
        {
            throw RuleException.NotFound("Văn bản không được gửi liên thông đến cơ quan này.");
        }

        var recallable = deliveries.Where(d => d.RecallRefusal() is null).ToList();
        if (recallable.Count == 0)
        {
            throw RuleException.Conflict(deliveries.Count == 1 ? deliveries[0].RecallRefusal()! : "Không có cơ quan nhận nào có thể yêu cầu thu hồi văn bản này.", "organId");
        }

        await RequestAsync(unitOfWork, outbox, recallable, request.Reason!.Trim(), time.GetUtcNow().UtcDateTime, cancellationToken);
        return await list.HandleAsync(request.OutgoingId, cancellationToken);
    }

    /// <summary>Each delivery gets its recall and an <see cref="ExchangeRecallDue"/>, committed with an audit entry per partner.</summary>
    internal static Task RequestAsync(UnitOfWork unitOfWork, IOutbox outbox, IReadOnlyList<ExchangeDelivery> deliveries, string reason, DateTime now,
        CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
        {
            delivery.RequestRecall(reason, now);
            outbox.Enqueue(new ExchangeRecallDue(delivery.Id));
        }

        return unitOfWork.CommitWithEntriesAsync([.. deliveries.Select(d => new AuditEvent(RequestedAction, "exchange-delivery", d.Id.ToString(),
                Details: $"{d.PackageDocumentId} → {d.OrganId} {d.PartnerName}: yêu cầu thu hồi. Lý do: {reason}"))], cancellationToken,
            "Tình trạng liên thông vừa thay đổi. Hãy tải lại trang rồi thử lại.");
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/deliveries/recall", async Task<Ok<IReadOnlyList<DeliveryResponse>>> (Request request, RecallDelivery handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecallExchangeDelivery")
            .WithSummary("Yêu cầu thu hồi văn bản đã gửi liên thông (mã trạng thái 13, kèm lý do) từ một cơ quan nhận (organId) hoặc mọi cơ quan đã nhận.");
}

/// <summary>
/// Thu hồi in Documents reaches the partners (ADR 0030 §20, §24): the subscriber of <see cref="OutgoingDocumentEvents.Withdrawn"/>
/// stops the deliveries not acknowledged yet (queued, or posted without a valid receipt) and asks every partner that has
/// the withdrawn document, and was not asked yet, to recall it with the clerk's reason.
/// The same event for a document replaced by another (no withdrawal reason) is left to the replacement's package.
/// </summary>
public sealed class RecallWithdrawnDocument(UnitOfWork unitOfWork, IIssuedDocuments documents, IOutbox outbox, TimeProvider time) : IOutboxHandler<TimelineEvent>
{
    public static readonly IReadOnlyList<string> Events = [OutgoingDocumentEvents.Withdrawn];

    public async Task HandleAsync(TimelineEvent message, CancellationToken cancellationToken)
    {
        if (await documents.IssuedAsync(message.OwnerId, cancellationToken) is not { WithdrawReason: { } reason })
        {
            return;
        }

        var deliveries = await unitOfWork.Db.Set<ExchangeDelivery>().Where(d => d.OutgoingId == message.OwnerId).ToListAsync(cancellationToken);

        // Not delivered yet (ADR 0030 §24): those stop and are not posted; a delivery command still due finds them stopped.
        var now = time.GetUtcNow().UtcDateTime;
        var stopped = deliveries.Where(d => d.Stop(now)).ToList();
        if (stopped.Count > 0)
        {
            await unitOfWork.CommitWithEntriesAsync([.. stopped.Select(DeliverPackage.StoppedEntry)], cancellationToken);
        }

        var recallable = deliveries.Where(d => d.RecallRefusal() is null).ToList();
        if (recallable.Count == 0)
        {
            return;
        }

        // A concurrent change of a row (a status arriving) fails the commit; the outbox runs this again on fresh rows.
        await RecallDelivery.RequestAsync(unitOfWork, outbox, recallable, reason.Length > 0 ? reason : "Cơ quan gửi thu hồi văn bản.",
            now, cancellationToken);
    }
}

/// <summary>
/// Sends the recall request of a delivery: a status package 13 with the reason as its description, for the document
/// as sent (<c>ResponseFor</c>: this agency, the number/notation and date of the package's DocumentId), through
/// <see cref="StatusPackages"/> — the path of every status. A failure is kept on the delivery and thrown, so the outbox
/// retries with its back-off; once sent, the command again does nothing.
/// </summary>
public sealed class SendRecallRequest(UnitOfWork unitOfWork, StatusPackages statuses, TimeProvider time) : IOutboxHandler<ExchangeRecallDue>
{
    public const string SentAction = "exchange.recall.send";

    public async Task HandleAsync(ExchangeRecallDue message, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        if (await db.Set<ExchangeDelivery>().FirstOrDefaultAsync(d => d.Id == message.DeliveryId, cancellationToken) is not
            { RecallState: not RecallState.None, RecallSentAt: null } delivery)
        {
            return;
        }

        try
        {
            var partner = await db.Set<ExchangePartner>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == delivery.PartnerId, cancellationToken)
                ?? throw new ExchangeTransportException("Cơ quan nhận không còn trong danh bạ liên thông.", false);
            await statuses.SendAsync(delivery.AgencyId, partner, ResponseForOf(delivery.PackageDocumentId), ExchangeStatusCodes.RecallRequested,
                delivery.RecallReason, delivery.RecallRequestedAt ?? time.GetUtcNow().UtcDateTime, cancellationToken);
            delivery.RecallSent(time.GetUtcNow().UtcDateTime);
            await unitOfWork.CommitAsync(new AuditEvent(SentAction, "exchange-delivery", delivery.Id.ToString(),
                Details: $"{delivery.PackageDocumentId} → {delivery.OrganId}: 13 {ExchangeStatusCodes.NameOf(ExchangeStatusCodes.RecallRequested)}"), cancellationToken);
        }
        catch (ExchangeTransportException e)
        {
            delivery.RecallFailed(e.Message);
            await unitOfWork.CommitAsync(null, cancellationToken);
            throw new InvalidOperationException($"Recall of {delivery.PackageDocumentId} at {delivery.OrganId} failed: {e.Message}", e);
        }
    }

    /// <summary>The document a status about our package answers, from its DocumentId <c>OrganId,yyyy/MM/dd,Number/Notation</c>.</summary>
    public static EdxmlResponseFor ResponseForOf(string packageDocumentId)
    {
        var parts = packageDocumentId.Split(',', 3);
        DateOnly? date = parts.Length == 3 && DateOnly.TryParseExact(parts[1], "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new EdxmlResponseFor(parts[0], parts.Length == 3 ? parts[2] : "", date, packageDocumentId);
    }
}
