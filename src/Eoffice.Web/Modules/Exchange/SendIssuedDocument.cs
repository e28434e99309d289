using System.Globalization;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>The outbox command to deliver one <see cref="ExchangeDelivery"/>; its failures are retried by the outbox with back-off.</summary>
public sealed record ExchangeDeliveryDue(Guid DeliveryId)
{
    public const string TypeName = "exchange.delivery.due";
}

/// <summary>
/// Sending at issue (ADR 0030 §15): the subscriber of <see cref="OutgoingDocumentEvents.Issued"/>. Each external
/// recipient sent by exchange (<c>lien-thong</c>) whose identifier is an active partner of the agency, on a channel
/// with a transport here — or sent by e-mail to a partner on the e-mail channel, with SMTP configured —, gets a delivery row (queued) and a <see cref="ExchangeDeliveryDue"/> command, in one commit.
/// The event handled twice makes no second row (unique per document and recipient). Every document goes at once,
/// urgent or not: sending happens at issue, which is the day of signing (QĐ 28/2018).
/// </summary>
public sealed class SendIssuedDocument(
    UnitOfWork unitOfWork,
    IIssuedDocuments documents,
    IOrganizationDirectory organization,
    ExchangeTransports transports,
    IOutbox outbox,
    TimeProvider time,
    ILogger<SendIssuedDocument> logger) : IOutboxHandler<TimelineEvent>
{
    public const string QueuedAction = "exchange.delivery.queue";

    public static readonly IReadOnlyList<string> Events = [OutgoingDocumentEvents.Issued];

    public async Task HandleAsync(TimelineEvent message, CancellationToken cancellationToken)
    {
        if (await documents.IssuedAsync(message.OwnerId, cancellationToken) is not { } document
            || await organization.FindAgencyAsync(document.AgencyId, cancellationToken) is not { } agency)
        {
            return;
        }

        var codes = document.Recipients.Where(Sent).Select(r => r.OrganCode!).Distinct().ToList();
        if (codes.Count == 0)
        {
            return;
        }

        var db = unitOfWork.Db;
        var now = time.GetUtcNow().UtcDateTime;
        var partners = await db.Set<ExchangePartner>().AsNoTracking().Where(p => p.AgencyId == document.AgencyId && codes.Contains(p.OrganId))
            .ToListAsync(cancellationToken);
        var existing = await db.Set<ExchangeDelivery>().Where(d => d.OutgoingId == document.Id).Select(d => d.RecipientId).ToListAsync(cancellationToken);
        var packageId = PackageDocumentId(agency.Code, document);
        var queued = new List<ExchangeDelivery>();
        foreach (var recipient in document.Recipients.Where(r => Sent(r) && !existing.Contains(r.RecipientId)))
        {
            var partner = partners.FirstOrDefault(p => p.OrganId == recipient.OrganCode);
            if (partner is null || partner.RefusalToExchange(now) is not null || !transports.Carries(partner.Channel)
                || (recipient.ByEmail && partner.Channel != ExchangeChannel.Email)
                || queued.Any(q => q.OrganId == partner.OrganId))
            {
                logger.LogInformation("Outgoing {Document}: recipient {Recipient} is not an exchange partner reachable here; not sent by exchange.",
                    document.Id, recipient.Name);
                continue;
            }

            var delivery = new ExchangeDelivery(document.AgencyId, document.Id, recipient.RecipientId, partner, packageId,
                document.Urgency != Urgency.Normal, message.ActorId, now);
            db.Add(delivery);
            outbox.Enqueue(new ExchangeDeliveryDue(delivery.Id));
            queued.Add(delivery);
        }

        if (queued.Count == 0)
        {
            return;
        }

        try
        {
            await unitOfWork.CommitWithEntriesAsync([.. queued.Select(d => new AuditEvent(QueuedAction, "exchange-delivery", d.Id.ToString(),
                Details: $"{packageId} → {d.OrganId} {d.PartnerName}"))], cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event handled at the same moment elsewhere: its rows stand (unique per document and recipient).
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A recipient this module sends to: by exchange (on whatever channel the directory names for its identifier), or by
    /// e-mail to a partner on the e-mail channel (ADR 0030 §26).
    /// </summary>
    private static bool Sent(IssuedRecipient recipient) => (recipient.ByExchange || recipient.ByEmail) && recipient.OrganCode is not null;

    /// <summary>QCVN 102 DocumentId: <c>OrganId,yyyy/MM/dd,Number/Notation</c> of the issued document.</summary>
    public static string PackageDocumentId(string agencyCode, IssuedDocument document)
    {
        var code = string.IsNullOrEmpty(document.CodeNotation) ? document.CodeNumber : $"{document.CodeNumber}/{document.CodeNotation}";
        var id = $"{agencyCode},{document.IssuedDate.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)},{code}";
        return id.Length <= ExchangeReceivedPackage.DocumentIdMaxLength ? id : id[..ExchangeReceivedPackage.DocumentIdMaxLength];
    }
}
