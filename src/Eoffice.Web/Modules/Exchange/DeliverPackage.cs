using System.Text;
using System.Xml;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Exchange.Edxml;
using Eoffice.Web.Modules.Exchange.Email;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// Delivers one queued delivery (ADR 0030 §16): builds the edXML package of the issued document (metadata, the signed
/// PDF and annexes), signs it with the agency's key, sends it on the partner's channel and records the verified
/// receipt as status 01. A failure (partner down, refusal, a receipt that does not verify) is written on the row
/// — "sent" when the partner took the POST — and thrown, so the outbox retries with its back-off
/// (<c>Jobs:RetryBaseDelay</c> doubled up to <c>Jobs:RetryMaxDelay</c>, <c>Jobs:MaxAttempts</c> times, then an
/// administrator's retry). An acknowledged delivery is not sent again. A partner on the e-mail channel gets the document
/// by official e-mail instead (<see cref="OfficialMail"/>, no package, no receipt): the row becomes "Đã gửi thư điện tử".
/// </summary>
public sealed class DeliverPackage(
    UnitOfWork unitOfWork,
    IIssuedDocuments documents,
    IOrganizationDirectory organization,
    AgencyEdxmlKeys keys,
    FileStore files,
    ExchangeTransports transports,
    OfficialMail mail,
    TimeProvider time) : IOutboxHandler<ExchangeDeliveryDue>
{
    public const string SentAction = "exchange.delivery.send";
    public const string FailedAction = "exchange.delivery.fail";
    public const string StoppedAction = "exchange.delivery.stop";
    public const string MailedAction = "exchange.delivery.mail";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task HandleAsync(ExchangeDeliveryDue message, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        if (await db.Set<ExchangeDelivery>().FirstOrDefaultAsync(d => d.Id == message.DeliveryId, cancellationToken) is not { IsOutstanding: true } delivery)
        {
            return;
        }

        var partner = await db.Set<ExchangePartner>().AsNoTracking().FirstAsync(p => p.Id == delivery.PartnerId, cancellationToken);
        var document = await documents.IssuedAsync(delivery.OutgoingId, cancellationToken);
        if (document is { WithdrawReason: not null })
        {
            // Withdrawn before it arrived (ADR 0030 §24): the delivery stops here, whatever the withdrawal's own handler did yet.
            delivery.Stop(time.GetUtcNow().UtcDateTime);
            await unitOfWork.CommitAsync(StoppedEntry(delivery), cancellationToken);
            return;
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (partner.RefusalToExchange(now) is { } refusal)
            {
                throw new ExchangeTransportException(refusal, false);
            }

            _ = document ?? throw new ExchangeTransportException("Văn bản không còn ở trạng thái đã phát hành.", false);
            var agency = await organization.FindAgencyAsync(delivery.AgencyId, cancellationToken)
                ?? throw new ExchangeTransportException("Không tìm thấy cơ quan gửi.", false);
            if (partner.Channel == ExchangeChannel.Email)
            {
                await MailAsync(delivery, partner, agency, document, cancellationToken);
                return;
            }

            var transport = transports.For(partner.Channel) ?? throw new ExchangeTransportException("Kênh gửi của cơ quan này chưa được hỗ trợ.", false);
            var key = await keys.ForAsync(delivery.AgencyId, cancellationToken)
                ?? throw new ExchangeTransportException("Cơ quan chưa có chứng thư số con dấu để ký gói tin.", false);
            var xml = EdxmlWriter.Build(await PackageAsync(delivery, partner, agency, document, cancellationToken));
            await EdxmlSignature.SignAsync(xml, key, cancellationToken);
            var receipt = await transport.SendDocumentAsync(Bytes(xml), delivery.PackageDocumentId, partner, cancellationToken);

            var at = time.GetUtcNow().UtcDateTime;
            delivery.Apply(ExchangeStatusCodes.Arrived, receipt.Description, at);
            if (!await db.Set<ExchangeDeliveryStatus>().AnyAsync(s => s.DeliveryId == delivery.Id && s.Code == ExchangeStatusCodes.Arrived, cancellationToken))
            {
                db.Add(new ExchangeDeliveryStatus(delivery.Id, ExchangeStatusCodes.Arrived, receipt.Description, receipt.Timestamp, at));
            }

            await unitOfWork.CommitAsync(new AuditEvent(SentAction, "exchange-delivery", delivery.Id.ToString(),
                Details: $"{delivery.PackageDocumentId} → {delivery.OrganId} {delivery.PartnerName}: đã đến."), cancellationToken);
        }
        catch (ExchangeTransportException e)
        {
            delivery.Failed(e.Message, e.Posted, time.GetUtcNow().UtcDateTime);
            await unitOfWork.CommitAsync(new AuditEvent(FailedAction, "exchange-delivery", delivery.Id.ToString(), AuditOutcome.Failure,
                $"{delivery.PackageDocumentId} → {delivery.OrganId}: {e.Message}"), cancellationToken);
            throw new InvalidOperationException($"Delivery {delivery.Id} to {delivery.OrganId} failed (attempt {delivery.Attempts}): {e.Message}", e);
        }
    }

    /// <summary>The audit entry of a delivery stopped because its document was withdrawn before it arrived.</summary>
    internal static AuditEvent StoppedEntry(ExchangeDelivery delivery) =>
        new(StoppedAction, "exchange-delivery", delivery.Id.ToString(),
            Details: $"{delivery.PackageDocumentId} → {delivery.OrganId} {delivery.PartnerName}: dừng gửi, văn bản đã thu hồi trước khi đến.");

    /// <summary>The e-mail channel (ADR 0030 §26): the document itself by official e-mail; the mail server taking it is the end ("Đã gửi thư điện tử").</summary>
    private async Task MailAsync(ExchangeDelivery delivery, ExchangePartner partner, AgencyInfo agency, IssuedDocument document, CancellationToken cancellationToken)
    {
        var message = mail.Compose(delivery, partner, agency, document, await FilesAsync(document, cancellationToken), time.GetUtcNow());
        await mail.SendAsync(message, cancellationToken);
        delivery.Mailed(time.GetUtcNow().UtcDateTime);
        await unitOfWork.CommitAsync(new AuditEvent(MailedAction, "exchange-delivery", delivery.Id.ToString(),
            Details: $"{delivery.PackageDocumentId} → {delivery.OrganId} {delivery.PartnerName} <{partner.Endpoint}>: đã gửi thư điện tử."), cancellationToken);
    }

    /// <summary>The issued original (else the signed copy) and the annexes, as stored.</summary>
    private async Task<List<OutgoingFile>> FilesAsync(IssuedDocument document, CancellationToken cancellationToken)
    {
        var contents = new List<OutgoingFile>();
        foreach (var file in document.Files)
        {
            await using var opened = await files.OpenReadAsSystemAsync(file.FileId, cancellationToken);
            using var memory = new MemoryStream();
            await opened.Content.CopyToAsync(memory, cancellationToken);
            contents.Add(new OutgoingFile(file.FileName, opened.File.ContentType, file.IsMain, memory.ToArray()));
        }

        return contents;
    }

    private async Task<EdxmlDocumentPackage> PackageAsync(ExchangeDelivery delivery, ExchangePartner partner, AgencyInfo agency, IssuedDocument document,
        CancellationToken cancellationToken)
    {
        var attachments = (await FilesAsync(document, cancellationToken)).Zip(document.Files, (content, file) => new EdxmlAttachment(
            "cid:" + file.FileId.ToString("N"), content.FileName, content.ContentType, content.IsMain ? "Văn bản chính" : "Phụ lục", content.Content)).ToList();

        return new EdxmlDocumentPackage
        {
            From = new EdxmlOrgan(agency.Code, agency.FullName),
            To = [new EdxmlOrgan(partner.OrganId, partner.Name)],
            DocumentId = delivery.PackageDocumentId,
            Code = new EdxmlCode(document.CodeNumber ?? "", document.CodeNotation ?? ""),
            PromulgationDate = document.IssuedDate,
            DocumentType = new EdxmlDocumentType(document.TypeCode, null, document.TypeName),
            Subject = document.Subject,
            Signer = document.SignerFullName is { Length: > 0 } name ? new EdxmlSigner(document.SignerCompetence, document.SignerPosition, name) : null,
            DueDate = document.DueDate,
            OtherInfo = new EdxmlOtherInfo((int)document.Urgency, PageAmount: document.PageAmount),
            Traces = [new EdxmlTrace(agency.Code, time.GetUtcNow().UtcDateTime)],
            Attachments = attachments,
        };
    }

    internal static byte[] Bytes(XmlDocument xml)
    {
        using var memory = new MemoryStream();
        using (var writer = XmlWriter.Create(memory, new XmlWriterSettings { Encoding = Utf8 }))
        {
            xml.Save(writer);
        }

        return memory.ToArray();
    }
}
