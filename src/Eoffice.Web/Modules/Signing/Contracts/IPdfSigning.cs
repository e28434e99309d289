namespace Eoffice.Web.Modules.Signing.Contracts;

/// <summary>Whose signature: the person with authority's (ký số cá nhân) or the agency's (ký số của cơ quan, by a seal holder).</summary>
public enum SignatureRole
{
    Personal = 1,
    AgencySeal = 2,
}

/// <summary>The authority line the person signs under (Phụ lục I): in their own right (or TM./Q.), KT., TL., TUQ.</summary>
public enum SignerCapacity
{
    None = 0,
    OwnRight = 1,
    Deputy = 2,
    ByOrder = 3,
    ByAuthorisation = 4,
}

/// <summary>A rectangle on a page, in PDF points from the bottom-left corner of the page (page index from 0).</summary>
public sealed record PageBox(int PageIndex, double X, double Y, double Width, double Height);

/// <summary>
/// Text written onto the page before the signature (the number and the day at issuance), in its own revision; lines
/// split at '\n'; with <paramref name="QrText"/>, a QR code of it on the left of the box.
/// </summary>
public sealed record PageText(PageBox Box, string Text, double FontSize, string? QrText = null);

/// <summary>What the visible signature shows: the signer's image (handwriting, or the seal at its real size) and/or lines of text.</summary>
public sealed record SignatureLook(PageBox Box, bool WithImage, IReadOnlyList<string> TextLines);

/// <summary>
/// Sign a stored PDF as the current user. The result is a new file, staged in the store: it is kept when the caller's
/// change commits, and disappears with it otherwise.
/// </summary>
/// <param name="SourceFileId">The PDF to sign (the caller has checked the user may act on it).</param>
/// <param name="OutputFileName">The signed file's name.</param>
/// <param name="Role">A personal signature or the agency's.</param>
/// <param name="Capacity">The authority line the person signs under (None for the agency).</param>
/// <param name="CertificateId">The certificate to sign with; null takes the only one the user may use for this role.</param>
/// <param name="Pin">The token's PIN for a PKCS#11 certificate; never stored.</param>
/// <param name="Look">Where and how the signature shows; null: invisible.</param>
/// <param name="TextsFirst">Text stamped before signing (after earlier signatures: they stay valid).</param>
/// <param name="Reason">The signature's /Reason, e.g. "Ký ban hành văn bản".</param>
/// <param name="Concerning">For the audit entry: what was signed, e.g. "văn bản đi 12/QĐ-UBND".</param>
public sealed record PdfSigningRequest(
    Guid SourceFileId,
    string OutputFileName,
    SignatureRole Role,
    SignerCapacity Capacity,
    Guid? CertificateId,
    string? Pin,
    SignatureLook? Look,
    IReadOnlyList<PageText> TextsFirst,
    string Reason,
    string Concerning);

public sealed record PdfSigningResult(Guid FileId, string FileName, Guid CertificateId, string SignerName, string CertificateSubject, string SerialNumber,
    DateTimeOffset SigningTime);

/// <summary>A certificate the current user may sign with; <c>Location</c> is server-file | pkcs11 | remote | agent.</summary>
public sealed record UsableCertificate(Guid Id, string SubjectName, string SerialNumber, string Issuer, DateTime NotAfter, string Location, bool NeedsPin);

/// <summary>The size the visible image of a signature is drawn at, in points (a seal at its real size).</summary>
public sealed record SignatureImageSize(double Width, double Height);

/// <summary>Where the key of a signature that answers later is: a remote signing service (approved on the phone) or the local signing agent.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeferredSigner>))]
public enum DeferredSigner
{
    RemoteService = 1,
    LocalAgent = 2,
}

/// <summary>
/// A signature begun with a remote-service or local-agent certificate. The page keeps <paramref name="Token"/> and posts
/// it back to complete; for the local agent it has the agent sign <paramref name="HashToSign"/> (base64 SHA-256) with
/// the certificate of <paramref name="CertificateThumbprint"/> (SHA-256 hex) first.
/// </summary>
/// <param name="Signer">Where the key is.</param>
/// <param name="Token">The sealed session; opaque.</param>
/// <param name="HashToSign">The local agent's input; null for a remote service (the service has it already).</param>
/// <param name="CertificateThumbprint">The certificate the signature must be made with.</param>
/// <param name="Description">What the phone or the agent's dialog shows the person.</param>
/// <param name="ExpiresAt">After this the session cannot be completed.</param>
public sealed record DeferredSignature(DeferredSigner Signer, string Token, string? HashToSign, string CertificateThumbprint, string Description,
    DateTimeOffset ExpiresAt);

/// <summary>
/// Digital signing for the other modules: which certificates the current user may use, and signing a stored PDF with
/// one of them — nobody with another person's certificate, the agency seal only by its holders, each signature audited
/// with the certificate's subject and serial.
/// </summary>
public interface IPdfSigning
{
    Task<IReadOnlyList<UsableCertificate>> CertificatesAsync(SignatureRole role, SignerCapacity capacity, CancellationToken cancellationToken);

    /// <summary>The drawn size of the user's handwriting (Personal) or the agency's seal; null when none is uploaded.</summary>
    Task<SignatureImageSize?> ImageSizeAsync(SignatureRole role, CancellationToken cancellationToken);

    Task<PdfSigningResult> SignAsync(PdfSigningRequest request, CancellationToken cancellationToken);

    /// <summary>Where pages reach the local signing agent; null when signing through it is off.</summary>
    string? LocalAgentUrl { get; }

    /// <summary>Begins a signature with a remote-service or local-agent certificate: the remote service is asked now.</summary>
    Task<DeferredSignature> BeginAsync(PdfSigningRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a begun signature with the same <paramref name="request"/>: for a remote service, null while the person
    /// has not answered on the phone; for the local agent, with the agent's <paramref name="signatureValue"/>.
    /// </summary>
    Task<PdfSigningResult?> CompleteAsync(PdfSigningRequest request, string token, byte[]? signatureValue, CancellationToken cancellationToken);
}
