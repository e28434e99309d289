namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>How an electronic arrival reached the agency; shown in "Chờ tiếp nhận".</summary>
public enum ArrivalChannel
{
    /// <summary>Put by a gateway through the JSON API (<c>POST /api/v1/documents/incoming/pending</c>).</summary>
    Gateway = 0,

    /// <summary>An edXML package pushed by another eOffice to the receive endpoint (ADR 0030).</summary>
    Eoffice = 1,

    /// <summary>The national document axis (Trục liên thông văn bản quốc gia).</summary>
    NationalAxis = 2,

    /// <summary>The agency's official mailbox.</summary>
    Email = 3,
}

/// <summary>Who sent the document: the organ's electronic identifier (mã định danh) when known, and its name.</summary>
public sealed record ArrivalSender(string? OrganId, string Name);

/// <summary>
/// The metadata as the sender declared it. <paramref name="TypeCode"/> is a code of <see cref="DocumentTypes"/>;
/// the issuing organ is the <see cref="ArrivalSender"/>.
/// </summary>
public sealed record ArrivalDocument(
    string? TypeCode,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly? IssuedDate,
    string? Subject,
    Urgency Urgency = Urgency.Normal,
    string? SignerPosition = null,
    string? SignerFullName = null,
    DateOnly? DueDate = null,
    int? PageAmount = null,
    string? Description = null,
    string? Language = null,
    bool RequestsComments = false,
    string? PaperAppendixNote = null,
    string? PaperAppendixHolder = null);

/// <summary>
/// A file of the arrival: either its content, stored by the contract through the file store with the upload checks
/// (type sniffed from the content, size limit), or a file the gateway already uploaded (<paramref name="StoredFileId"/>).
/// </summary>
public sealed record ArrivalFile(string FileName, string? ContentType, byte[]? Content, Guid? StoredFileId)
{
    public static ArrivalFile FromContent(string fileName, string? contentType, byte[] content) => new(fileName, contentType, content, null);

    public static ArrivalFile Stored(Guid fileId) => new("", null, null, fileId);
}

/// <summary>The check of the package's own signature (edXML XML-DSig): valid or not, who signed, the certificate's SHA-256.</summary>
public sealed record PackageSignatureCheck(bool IsValid, string? Signer, string? Thumbprint);

/// <summary>
/// An electronic arrival for the agency's "Chờ tiếp nhận" list. <paramref name="ExternalId"/> is the sender's id of the
/// document (edXML DocumentId); <paramref name="MainFileIndex"/> the index in <paramref name="Files"/> of the main file;
/// <paramref name="UploadedBy"/> the user whose uploads stored files must be (the gateway), null when there are none.
/// </summary>
public sealed record ElectronicArrival(
    Guid AgencyId,
    string ExternalId,
    ArrivalSender Sender,
    ArrivalChannel Channel,
    ArrivalDocument Document,
    Confidentiality Confidentiality,
    IReadOnlyList<ArrivalFile> Files,
    int MainFileIndex = 0,
    PackageSignatureCheck? PackageSignature = null,
    Guid? UploadedBy = null);

/// <summary>The pending item, and whether this call made it (false: the same document from the same sender was already there).</summary>
public sealed record ArrivalOutcome(Guid PendingId, bool IsNew);

/// <summary>
/// The one path for documents that arrive electronically into "Chờ tiếp nhận" (ADR 0030 §1), for the JSON gateway and
/// the exchange. Idempotent by (agency, sender, external id): a second call answers the existing item and creates
/// nothing. Invalid metadata or a refused file is a rule error (nothing is stored); the item, its files and the
/// audit entry are committed together.
/// </summary>
public interface IElectronicArrivals
{
    Task<ArrivalOutcome> ReceiveAsync(ElectronicArrival arrival, CancellationToken cancellationToken);

    /// <summary>For an incoming document registered from an arrival: the arrival and whether the document is finished; null otherwise.</summary>
    Task<ArrivalProgress?> ProgressOfAsync(Guid incomingDocumentId, CancellationToken cancellationToken);

    /// <summary>
    /// The sender asks to recall an arrival (edXML status 13, ADR 0030 §21): the request (reason, time) is kept on the
    /// item — shown in "Chờ tiếp nhận" and on the registered document — until a clerk accepts or refuses it
    /// (<see cref="ElectronicArrivalEvents.RecallAccepted"/> / <see cref="ElectronicArrivalEvents.RecallRefused"/>).
    /// False when the item already carries a request (a repeat changes nothing); not found for another agency's item.
    /// </summary>
    Task<bool> RecallRequestedAsync(ArrivalRecall recall, CancellationToken cancellationToken);
}

/// <summary>A sender's request to recall the arrival <paramref name="PendingId"/>, with its reason and when it was made.</summary>
public sealed record ArrivalRecall(Guid AgencyId, Guid PendingId, string Reason, DateTime RequestedAt);

/// <summary>
/// A clerk answered the sender's recall request: <paramref name="Accepted"/> (the arrival or the document registered
/// from it is withdrawn from handling) or refused with <paramref name="Reason"/>.
/// </summary>
public sealed record ArrivalRecallDecided(Guid EventId, Guid PendingId, Guid AgencyId, bool Accepted, string? Reason, DateTime At, string ActorName);

/// <summary>The pending item an incoming document was registered from, and whether every lead and support part is finished.</summary>
public sealed record ArrivalProgress(Guid PendingId, bool IsFinished);

/// <summary>A clerk refused an arrival in "Chờ tiếp nhận", with the reason (event <see cref="ElectronicArrivalEvents.Refused"/>).</summary>
public sealed record ArrivalRefused(Guid EventId, Guid PendingId, Guid AgencyId, string Reason, DateTime At, string ActorName);

/// <summary>Events of the "Chờ tiếp nhận" list, published through the outbox with the decision.</summary>
public static class ElectronicArrivalEvents
{
    public const string Refused = "documents.incoming.pending.refused";

    /// <summary>The sender's recall was accepted (<see cref="ArrivalRecallDecided"/>).</summary>
    public const string RecallAccepted = "documents.incoming.pending.recall-accepted";

    /// <summary>The sender's recall was refused, with the reason (<see cref="ArrivalRecallDecided"/>).</summary>
    public const string RecallRefused = "documents.incoming.pending.recall-refused";

    /// <summary>The events that carry an <see cref="ArrivalRefused"/>.</summary>
    public static IReadOnlyList<string> Refusals { get; } = [Refused];

    /// <summary>The events that carry an <see cref="ArrivalRecallDecided"/>.</summary>
    public static IReadOnlyList<string> RecallDecisions { get; } = [RecallAccepted, RecallRefused];

    public static IReadOnlyList<string> All { get; } = [Refused, RecallAccepted, RecallRefused];
}
