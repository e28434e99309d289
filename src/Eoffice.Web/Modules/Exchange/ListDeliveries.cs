using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>A status a partner sent about a delivery.</summary>
public sealed record DeliveryStatusResponse(string Code, string Name, string? Description, DateTime SentAt, DateTime ReceivedAt);

/// <summary>
/// The sender's recall at one partner (ADR 0030 §20): <c>state</c> requested | accepted | refused, the reason, when it
/// was asked and when the partner's system took it, the latest sending error, the partner's answer (15/16) and its reason.
/// </summary>
public sealed record DeliveryRecallResponse(string State, string? Reason, DateTime? RequestedAt, DateTime? SentAt, string? Error, string? Answer, DateTime? AnsweredAt)
{
    public static DeliveryRecallResponse? Of(ExchangeDelivery d) => d.RecallState == RecallState.None ? null
        : new(d.RecallState switch { RecallState.Requested => "requested", RecallState.Accepted => "accepted", _ => "refused" },
            d.RecallReason, d.RecallRequestedAt, d.RecallSentAt, d.RecallError, d.RecallAnswer, d.RecallAnsweredAt);
}

/// <summary>
/// Sending an issued document to one partner: <c>state</c> is queued | sent | arrived | refused | registered | assigned |
/// in-progress | finished | stopped (withdrawn before it arrived) | mailed (the e-mail channel: sent, no statuses); <c>stateName</c> shows the recall when there is one ("Đã yêu cầu thu hồi", "Đã thu hồi",
/// "Từ chối thu hồi"); <c>canRecall</c> whether a recall can be asked now.
/// </summary>
public sealed record DeliveryResponse(
    Guid Id, string PackageDocumentId, string OrganId, string PartnerName, string Channel, string ChannelName, string State, string StateName, DateTime StateAt, string? RefusalReason,
    int Attempts, string? LastError, DateTime? LastAttemptAt, IReadOnlyList<DeliveryStatusResponse> Statuses, DeliveryRecallResponse? Recall, bool CanRecall);

/// <summary>
/// "Liên thông" of an outgoing document: per partner, the channel, the state, its time, the refusal reason, the latest
/// error and the statuses received. Only for those who see the document (another agency's answers 404).
/// <c>GET /api/v1/exchange/deliveries?outgoingId=</c>.
/// </summary>
public sealed class ListDeliveries(EofficeDbContext db, IIssuedDocuments documents)
{
    public async Task<IReadOnlyList<DeliveryResponse>> HandleAsync(Guid outgoingId, CancellationToken cancellationToken)
    {
        if (!await documents.CanSeeAsync(outgoingId, cancellationToken))
        {
            throw RuleException.NotFound("Không tìm thấy văn bản hoặc bạn không có quyền truy cập.");
        }

        var deliveries = await db.Set<ExchangeDelivery>().AsNoTracking().Where(d => d.OutgoingId == outgoingId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var statuses = await db.Set<ExchangeDeliveryStatus>().AsNoTracking().Where(s => ids.Contains(s.DeliveryId)).ToListAsync(cancellationToken);
        return [.. deliveries.Select(d => new DeliveryResponse(d.Id, d.PackageDocumentId, d.OrganId, d.PartnerName, ChannelCodes.Of(d.Channel), ChannelCodes.NameOf(d.Channel),
            StateCode(d.State), d.StateName, d.StateAt, d.RefusalReason, d.Attempts, d.LastError, d.LastAttemptAt,
            [.. statuses.Where(s => s.DeliveryId == d.Id).OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new DeliveryStatusResponse(s.Code, Contracts.ExchangeStatusCodes.NameOf(s.Code), s.Description, s.SentAt, s.ReceivedAt))],
            DeliveryRecallResponse.Of(d), d.RecallRefusal() is null))];
    }

    public static string StateCode(DeliveryState state) => state switch
    {
        DeliveryState.Queued => "queued",
        DeliveryState.Sent => "sent",
        DeliveryState.Arrived => "arrived",
        DeliveryState.Refused => "refused",
        DeliveryState.Registered => "registered",
        DeliveryState.Assigned => "assigned",
        DeliveryState.InProgress => "in-progress",
        DeliveryState.Stopped => "stopped",
        DeliveryState.Mailed => "mailed",
        _ => "finished",
    };

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/deliveries", async Task<Ok<IReadOnlyList<DeliveryResponse>>> (Guid outgoingId, ListDeliveries handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(outgoingId, ct)))
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListExchangeDeliveries")
            .WithSummary("Tình trạng liên thông của một văn bản đi: từng cơ quan nhận, kênh, trạng thái, lý do từ chối.");
}
