namespace Eoffice.Web.Modules.Exchange.Domain;

/// <summary>
/// A document package the agency received (ADR 0030 §7): by whom (the sender's identifier) and which document
/// (its DocumentId) — unique per agency, so the same package again is recognised —, the item it became in
/// "Chờ tiếp nhận", and the signed receipt (status 01) answered, kept to answer a repeat with the very same bytes.
/// </summary>
public sealed class ExchangeReceivedPackage
{
    public const int DocumentIdMaxLength = 100;

    private ExchangeReceivedPackage()
    {
        SenderId = DocumentId = ReceiptXml = string.Empty;
    }

    public ExchangeReceivedPackage(Guid agencyId, string senderId, string documentId, DateTime receivedAt, Guid pendingId, string receiptXml)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        SenderId = senderId;
        DocumentId = documentId;
        ReceivedAt = receivedAt;
        PendingId = pendingId;
        ReceiptXml = receiptXml;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The sender's identifier (mã định danh), as in the package's <c>From/OrganId</c>.</summary>
    public string SenderId { get; private set; }

    /// <summary>The sender's id of the document (edXML <c>DocumentId</c>).</summary>
    public string DocumentId { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>The item in "Chờ tiếp nhận" (Documents).</summary>
    public Guid PendingId { get; private set; }

    /// <summary>The signed status package 01 answered, as sent (UTF-8 text).</summary>
    public string ReceiptXml { get; private set; }
}
