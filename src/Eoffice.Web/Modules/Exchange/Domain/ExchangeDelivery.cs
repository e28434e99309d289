using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Exchange.Domain;

/// <summary>Where sending an issued document to one partner stands (ADR 0030 §15).</summary>
public enum DeliveryState
{
    /// <summary>Chờ gửi: not yet accepted by the partner's system (never sent, or the partner was down).</summary>
    Queued = 0,

    /// <summary>Đã gửi: posted, but no valid receipt yet (a receipt that did not verify); retried.</summary>
    Sent = 1,

    /// <summary>01 đã đến.</summary>
    Arrived = 2,

    /// <summary>02 từ chối tiếp nhận, with the reason.</summary>
    Refused = 3,

    /// <summary>03 đã tiếp nhận (registered).</summary>
    Registered = 4,

    /// <summary>04 đã phân công.</summary>
    Assigned = 5,

    /// <summary>05 đang xử lý.</summary>
    InProgress = 6,

    /// <summary>06 hoàn thành.</summary>
    Finished = 7,

    /// <summary>
    /// Đã dừng gửi: the document was withdrawn before the partner acknowledged it; it is not posted again (ADR 0030 §24).
    /// Not an order after <see cref="Finished"/>: a status from the partner still moves it (it had the document after all).
    /// </summary>
    Stopped = 8,
    /// <summary>Đã gửi thư điện tử: the e-mail channel's only end — the mail server took the message; e-mail carries no statuses.</summary>
    Mailed = 9,
}

/// <summary>Where the sender's recall (thu hồi, status 13) of a delivered document stands (ADR 0030 §20).</summary>
public enum RecallState
{
    /// <summary>Not recalled.</summary>
    None = 0,

    /// <summary>Đã yêu cầu thu hồi: 13 queued or sent, no answer yet.</summary>
    Requested = 1,

    /// <summary>15: the partner accepted and withdrew the document.</summary>
    Accepted = 2,

    /// <summary>16: the partner refused the recall, with its reason.</summary>
    Refused = 3,
}

/// <summary>
/// Sending one issued outgoing document to one partner agency (liên thông, per recipient): the package's DocumentId,
/// the state with its time, the refusal reason, attempts and the latest error, and the statuses the partner answered
/// (<see cref="ExchangeDeliveryStatus"/>). Unique per (outgoing document, recipient): the issue event handled twice makes one row.
/// </summary>
public sealed class ExchangeDelivery
{
    public const int ErrorMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    private ExchangeDelivery()
    {
        OrganId = PartnerName = PackageDocumentId = string.Empty;
    }

    public ExchangeDelivery(Guid agencyId, Guid outgoingId, Guid recipientId, ExchangePartner partner, string packageDocumentId, bool urgent, Guid? clerkId,
        DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        OutgoingId = outgoingId;
        RecipientId = recipientId;
        PartnerId = partner.Id;
        OrganId = partner.OrganId;
        PartnerName = partner.Name;
        Channel = partner.Channel;
        PackageDocumentId = packageDocumentId;
        IsUrgent = urgent;
        ClerkId = clerkId;
        State = DeliveryState.Queued;
        CreatedAt = StateAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The issued outgoing document (Documents).</summary>
    public Guid OutgoingId { get; private set; }

    /// <summary>The document's recipient row (Documents).</summary>
    public Guid RecipientId { get; private set; }

    public Guid PartnerId { get; private set; }

    /// <summary>The partner's identifier, as in the package's <c>To</c> and its statuses' <c>From</c>.</summary>
    public string OrganId { get; private set; }

    public string PartnerName { get; private set; }

    public ExchangeChannel Channel { get; private set; }

    /// <summary>The edXML DocumentId sent (<c>OrganId,yyyy/MM/dd,Number/Notation</c>); statuses answer it.</summary>
    public string PackageDocumentId { get; private set; }

    public bool IsUrgent { get; private set; }

    /// <summary>The clerk who issued the document, alerted when the partner has not acknowledged by the next working day.</summary>
    public Guid? ClerkId { get; private set; }

    public DeliveryState State { get; private set; }

    public DateTime StateAt { get; private set; }

    public string? RefusalReason { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public DateTime? AlertedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public RecallState RecallState { get; private set; }

    /// <summary>The reason of the recall, sent as the status 13's description.</summary>
    public string? RecallReason { get; private set; }

    public DateTime? RecallRequestedAt { get; private set; }

    /// <summary>When the partner's system took the status 13 (null while the outbox retries).</summary>
    public DateTime? RecallSentAt { get; private set; }

    public int RecallAttempts { get; private set; }

    public string? RecallError { get; private set; }

    /// <summary>The partner's answer (15 or 16): its description, the reason of a refusal.</summary>
    public string? RecallAnswer { get; private set; }

    public DateTime? RecallAnsweredAt { get; private set; }

    /// <summary>The partner's system took the document (01 or any later status).</summary>
    public bool IsAcknowledged => State is not (DeliveryState.Queued or DeliveryState.Sent or DeliveryState.Stopped or DeliveryState.Mailed);

    /// <summary>Still to be delivered: queued, or posted without a valid receipt (ADR 0030 §23).</summary>
    public bool IsOutstanding => State is DeliveryState.Queued or DeliveryState.Sent;

    /// <summary>
    /// The document was withdrawn before the partner acknowledged it: the delivery stops and is not posted again; false
    /// when it is not outstanding (acknowledged ones are recalled instead, stopped ones stay so).
    /// </summary>
    public bool Stop(DateTime now)
    {
        if (!IsOutstanding)
        {
            return false;
        }

        State = DeliveryState.Stopped;
        StateAt = now;
        Version++;
        return true;
    }

    /// <summary>Why this delivery cannot be recalled now; null when it can.</summary>
    public string? RecallRefusal() =>
        Channel == ExchangeChannel.Email ? "Văn bản gửi bằng thư điện tử không thu hồi qua liên thông được; hãy thông báo cho cơ quan nhận."
        : RecallState != RecallState.None ? "Văn bản đã được yêu cầu thu hồi tại cơ quan này."
        : State == DeliveryState.Stopped ? "Văn bản đã dừng gửi trước khi đến cơ quan nhận; không cần thu hồi."
        : State == DeliveryState.Refused ? "Cơ quan nhận đã từ chối tiếp nhận văn bản; không cần thu hồi."
        : !IsAcknowledged ? "Văn bản chưa đến cơ quan nhận (chưa có xác nhận đã đến); chưa thể yêu cầu thu hồi."
        : null;

    /// <summary>The sender asks the partner to recall the document (status 13 with <paramref name="reason"/>), once.</summary>
    public void RequestRecall(string reason, DateTime now)
    {
        if (RecallRefusal() is { } refusal)
        {
            throw RuleException.Conflict(refusal);
        }

        RecallState = RecallState.Requested;
        RecallReason = reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength];
        RecallRequestedAt = now;
        Version++;
    }

    /// <summary>The status 13 reached the partner's system.</summary>
    public void RecallSent(DateTime now)
    {
        RecallAttempts++;
        RecallSentAt ??= now;
        RecallError = null;
        Version++;
    }

    public void RecallFailed(string error)
    {
        RecallAttempts++;
        RecallError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        Version++;
    }

    /// <summary>
    /// The partner's answer to the recall: 15 accepted, 16 refused (with the reason). An answer to no recall, or a second
    /// answer, changes nothing (false).
    /// </summary>
    public bool AnswerRecall(string statusCode, string? description, DateTime now)
    {
        if (RecallState != RecallState.Requested || statusCode is not (ExchangeStatusCodes.RecallAccepted or ExchangeStatusCodes.RecallRefused))
        {
            return false;
        }

        RecallState = statusCode == ExchangeStatusCodes.RecallAccepted ? RecallState.Accepted : RecallState.Refused;
        RecallAnswer = description is null || description.Length <= ReasonMaxLength ? description : description[..ReasonMaxLength];
        RecallAnsweredAt = now;
        RecallSentAt ??= now;
        Version++;
        return true;
    }

    /// <summary>What the "Liên thông" table shows: the recall when there is one, else the state.</summary>
    public string StateName => RecallState switch
    {
        RecallState.Requested => "Đã yêu cầu thu hồi",
        RecallState.Accepted => "Đã thu hồi",
        RecallState.Refused => "Từ chối thu hồi",
        _ => NameOf(State),
    };

    /// <summary>The mail server took the official e-mail (the e-mail channel's end, ADR 0030 §26).</summary>
    public void Mailed(DateTime now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = null;
        State = DeliveryState.Mailed;
        StateAt = now;
        SentAt ??= now;
        Version++;
    }

    /// <summary>An attempt that failed: <paramref name="posted"/> when the partner took the POST but its answer did not verify.</summary>
    public void Failed(string error, bool posted, DateTime now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        if (posted && State == DeliveryState.Queued)
        {
            State = DeliveryState.Sent;
            StateAt = now;
            SentAt ??= now;
        }

        Version++;
    }

    /// <summary>
    /// A status the partner sent (01 with the receipt, then 02–06): the state moves forward only — a late 04 after 06
    /// leaves 06 —, 02 (refused) ends it; false when the code is not one a delivery shows.
    /// </summary>
    public bool Apply(string statusCode, string? reason, DateTime now)
    {
        var state = StateOf(statusCode);
        if (state is null)
        {
            return false;
        }

        if (statusCode == ExchangeStatusCodes.Arrived)
        {
            Attempts++;
            LastAttemptAt = now;
            LastError = null;
            SentAt ??= now;
        }

        AcknowledgedAt ??= now;
        if (State == DeliveryState.Stopped || (State != DeliveryState.Refused && (state == DeliveryState.Refused || state > State)))
        {
            State = state.Value;
            StateAt = now;
            if (state == DeliveryState.Refused)
            {
                RefusalReason = reason is null || reason.Length <= ReasonMaxLength ? reason : reason[..ReasonMaxLength];
            }
        }

        Version++;
        return true;
    }

    public void Alerted(DateTime now) => AlertedAt = now;

    public static DeliveryState? StateOf(string statusCode) => statusCode switch
    {
        ExchangeStatusCodes.Arrived => DeliveryState.Arrived,
        ExchangeStatusCodes.Refused => DeliveryState.Refused,
        ExchangeStatusCodes.Registered => DeliveryState.Registered,
        ExchangeStatusCodes.Assigned => DeliveryState.Assigned,
        ExchangeStatusCodes.InProgress => DeliveryState.InProgress,
        ExchangeStatusCodes.Finished => DeliveryState.Finished,
        _ => null,
    };

    public static string NameOf(DeliveryState state) => state switch
    {
        DeliveryState.Queued => "Chờ gửi",
        DeliveryState.Sent => "Đã gửi, chưa có xác nhận",
        DeliveryState.Arrived => ExchangeStatusCodes.NameOf(ExchangeStatusCodes.Arrived),
        DeliveryState.Refused => ExchangeStatusCodes.NameOf(ExchangeStatusCodes.Refused),
        DeliveryState.Registered => ExchangeStatusCodes.NameOf(ExchangeStatusCodes.Registered),
        DeliveryState.Assigned => ExchangeStatusCodes.NameOf(ExchangeStatusCodes.Assigned),
        DeliveryState.InProgress => ExchangeStatusCodes.NameOf(ExchangeStatusCodes.InProgress),
        DeliveryState.Stopped => "Đã dừng gửi (văn bản đã thu hồi)",
        DeliveryState.Mailed => "Đã gửi thư điện tử",
        _ => ExchangeStatusCodes.NameOf(ExchangeStatusCodes.Finished),
    };
}

/// <summary>A status a partner sent about a delivery; one per (delivery, code): the same status again changes nothing.</summary>
public sealed class ExchangeDeliveryStatus
{
    private ExchangeDeliveryStatus()
    {
        Code = string.Empty;
    }

    public ExchangeDeliveryStatus(Guid deliveryId, string code, string? description, DateTime sentAt, DateTime receivedAt)
    {
        Id = Guid.CreateVersion7();
        DeliveryId = deliveryId;
        Code = code;
        Description = description is null || description.Length <= ExchangeDelivery.ReasonMaxLength ? description : description[..ExchangeDelivery.ReasonMaxLength];
        SentAt = sentAt;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    /// <summary>Two digits, as on the wire.</summary>
    public string Code { get; private set; }

    /// <summary>The status's description (the reason of a refusal).</summary>
    public string? Description { get; private set; }

    /// <summary>The status package's timestamp (when the partner acted).</summary>
    public DateTime SentAt { get; private set; }

    public DateTime ReceivedAt { get; private set; }
}

/// <summary>
/// A status this agency owes the sender of a package it received (02–06, ADR 0030 §8): one per (received package, code),
/// sent through the outbox and retried until the sender's system accepts it.
/// </summary>
public sealed class ExchangeStatusReport
{
    private ExchangeStatusReport()
    {
        Code = string.Empty;
    }

    public ExchangeStatusReport(Guid agencyId, Guid receivedPackageId, string code, string? description, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        ReceivedPackageId = receivedPackageId;
        Code = code;
        Description = description is null || description.Length <= ExchangeDelivery.ReasonMaxLength ? description : description[..ExchangeDelivery.ReasonMaxLength];
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid ReceivedPackageId { get; private set; }

    public string Code { get; private set; }

    public string? Description { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    public void Failed(string error)
    {
        Attempts++;
        LastError = error.Length <= ExchangeDelivery.ErrorMaxLength ? error : error[..ExchangeDelivery.ErrorMaxLength];
    }
}
