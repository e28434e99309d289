using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Documents.Domain;

public enum PendingStatus
{
    /// <summary>Chờ tiếp nhận.</summary>
    Waiting = 0,

    /// <summary>Đã vào sổ.</summary>
    Registered = 1,

    /// <summary>Từ chối: refused with a reason (to be reported back to the sender as edXML status 02).</summary>
    Refused = 2,

    /// <summary>Đã thu hồi: the sender recalled it before it was registered and a clerk accepted the recall.</summary>
    Withdrawn = 3,
}

/// <summary>The sender's request to recall an arrival (edXML status 13) and the clerk's answer (15 accepted, 16 refused).</summary>
public enum PendingRecall
{
    None = 0,

    /// <summary>Yêu cầu thu hồi: waiting for a clerk's answer.</summary>
    Requested = 1,

    /// <summary>Đồng ý thu hồi: the arrival (or the document registered from it) was withdrawn from handling.</summary>
    Accepted = 2,

    /// <summary>Từ chối thu hồi, with the reason.</summary>
    Refused = 3,
}

/// <summary>
/// A document that arrived electronically from another agency and waits in the "chờ tiếp nhận" list until a clerk
/// checks it and registers it (it then becomes an <see cref="IncomingDocument"/>, with the metadata as received or as
/// the clerk corrected it) or refuses it with a reason. Arrivals come through <see cref="IElectronicArrivals"/> (the
/// JSON gateway, the edXML exchange); the sender is the issuing organ, <see cref="SenderKey"/> its identifier (or name)
/// for spotting a document received twice; <see cref="Channel"/> says how it came, and an edXML package's signature
/// check is kept with it.
/// </summary>
public sealed class PendingIncoming
{
    private readonly List<PendingIncomingFile> files = [];

    private PendingIncoming()
    {
        Metadata = null!;
    }

    public PendingIncoming(Guid agencyId, string? externalId, DocumentMetadata metadata, Confidentiality confidentiality, DateTime receivedAt,
        ArrivalChannel channel = ArrivalChannel.Gateway, PackageSignatureCheck? packageSignature = null)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        ExternalId = externalId;
        Metadata = metadata;
        SenderKey = SenderKeyOf(metadata.IssuingOrganId, metadata.IssuingOrganName);
        Confidentiality = confidentiality;
        ReceivedAt = receivedAt;
        Status = PendingStatus.Waiting;
        Channel = channel;
        if (packageSignature is not null)
        {
            PackageSignatureValid = packageSignature.IsValid;
            PackageSigner = Cut(packageSignature.Signer, SignerMaxLength);
            PackageThumbprint = Cut(packageSignature.Thumbprint, ThumbprintMaxLength);
        }
    }

    public const int SenderKeyMaxLength = DocumentMetadata.OrganNameMaxLength;
    public const int RecallReasonMaxLength = 1000;
    public const int SignerMaxLength = 500;
    public const int ThumbprintMaxLength = 64;

    /// <summary>The sender as the de-duplication key knows it: its identifier, or its name when it has none.</summary>
    public static string SenderKeyOf(string? organId, string organName) => organId ?? organName;

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The sender's identifier of the document (edXML DocumentId), used to spot a package received twice.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The metadata as the sender declared it (the issuing organ is the sender).</summary>
    public DocumentMetadata Metadata { get; private set; }

    /// <summary>As declared by the sender; a secret level blocks registration.</summary>
    public Confidentiality Confidentiality { get; private set; }

    /// <summary>The sender's identifier, or its name; unique with <see cref="ExternalId"/> per agency.</summary>
    public string SenderKey { get; private set; } = string.Empty;

    public DateTime ReceivedAt { get; private set; }

    public ArrivalChannel Channel { get; private set; }

    /// <summary>Whether the edXML package's signature verified; null when the arrival was no signed package.</summary>
    public bool? PackageSignatureValid { get; private set; }

    /// <summary>The subject of the certificate that signed the package.</summary>
    public string? PackageSigner { get; private set; }

    /// <summary>SHA-256 of the certificate that signed the package, hex.</summary>
    public string? PackageThumbprint { get; private set; }

    public PendingStatus Status { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public string? RefusalReason { get; private set; }

    public Guid? DocumentId { get; private set; }

    public PendingRecall Recall { get; private set; }

    /// <summary>The sender's reason for recalling the document.</summary>
    public string? RecallReason { get; private set; }

    /// <summary>When the sender asked (the status package's time).</summary>
    public DateTime? RecallRequestedAt { get; private set; }

    public DateTime? RecallDecidedAt { get; private set; }

    public string? RecallDecidedByName { get; private set; }

    /// <summary>The clerk's reason for refusing the recall (sent back as the status 16's description).</summary>
    public string? RecallRefusalReason { get; private set; }

    public IReadOnlyList<PendingIncomingFile> Files => files;

    /// <summary>The sender asks to recall the document; false when a request is already kept (a repeat changes nothing).</summary>
    public bool RequestRecall(string reason, DateTime requestedAt)
    {
        if (Recall != PendingRecall.None)
        {
            return false;
        }

        Recall = PendingRecall.Requested;
        RecallReason = Cut(reason, RecallReasonMaxLength);
        RecallRequestedAt = requestedAt;
        return true;
    }

    /// <summary>
    /// The clerk accepts the recall: an item still waiting is withdrawn (it can no longer be registered); the document
    /// registered from it is withdrawn by the caller.
    /// </summary>
    public void AcceptRecall(Actor clerk, DateTime now)
    {
        EnsureRecallRequested();
        Recall = PendingRecall.Accepted;
        DecideRecall(clerk, now);
        if (Status == PendingStatus.Waiting)
        {
            Status = PendingStatus.Withdrawn;
            Decide(clerk, now);
        }
    }

    public void RefuseRecall(string reason, Actor clerk, DateTime now)
    {
        EnsureRecallRequested();
        Recall = PendingRecall.Refused;
        RecallRefusalReason = reason;
        DecideRecall(clerk, now);
    }

    private void EnsureRecallRequested()
    {
        if (Recall != PendingRecall.Requested)
        {
            throw RuleException.Conflict(Recall == PendingRecall.None
                ? "Cơ quan gửi không yêu cầu thu hồi văn bản này."
                : "Yêu cầu thu hồi văn bản này đã được trả lời.");
        }
    }

    private void DecideRecall(Actor clerk, DateTime now)
    {
        RecallDecidedAt = now;
        RecallDecidedByName = clerk.DisplayName;
    }

    public void AddFile(Guid fileId, string sha256, string fileName, bool isMain) =>
        files.Add(new PendingIncomingFile(Id, fileId, sha256, fileName, isMain, files.Count));

    public void MarkRegistered(Guid documentId, Actor clerk, DateTime now)
    {
        EnsureWaiting();
        Status = PendingStatus.Registered;
        DocumentId = documentId;
        Decide(clerk, now);
    }

    public void Refuse(string reason, Actor clerk, DateTime now)
    {
        EnsureWaiting();
        Status = PendingStatus.Refused;
        RefusalReason = reason;
        Decide(clerk, now);
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private void Decide(Actor clerk, DateTime now)
    {
        DecidedAt = now;
        DecidedById = clerk.UserId;
        DecidedByName = clerk.DisplayName;
    }

    private void EnsureWaiting()
    {
        if (Status != PendingStatus.Waiting)
        {
            throw RuleException.Conflict(Status switch
            {
                PendingStatus.Registered => "Văn bản này đã được vào sổ.",
                PendingStatus.Withdrawn => "Văn bản này đã được cơ quan gửi thu hồi.",
                _ => "Văn bản này đã bị từ chối tiếp nhận.",
            });
        }
    }
}

/// <summary>A file of a pending electronic document.</summary>
public sealed class PendingIncomingFile
{
    private PendingIncomingFile()
    {
        Sha256 = null!;
        FileName = null!;
    }

    internal PendingIncomingFile(Guid pendingId, Guid fileId, string sha256, string fileName, bool isMain, int sortOrder)
    {
        PendingId = pendingId;
        FileId = fileId;
        Sha256 = sha256;
        FileName = fileName;
        IsMain = isMain;
        SortOrder = sortOrder;
    }

    public Guid PendingId { get; private set; }

    public Guid FileId { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public bool IsMain { get; private set; }

    public int SortOrder { get; private set; }
}
