using System.Security.Cryptography.X509Certificates;

namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// Holds a private key and makes signature values over a SHA-256 hash with it: a PKCS#12 file held by the server (the
/// agency seal), a hardware token through PKCS#11. RSA keys sign PKCS#1 v1.5; EC keys sign ECDSA (DER sequence).
/// The key never leaves its holder; the certificate is the end-entity one, <see cref="Chain"/> the intermediates to
/// embed in the CMS (may be empty).
/// </summary>
public interface IRawSigner
{
    X509Certificate2 Certificate { get; }

    IReadOnlyList<X509Certificate2> Chain { get; }

    Task<byte[]> SignHashAsync(byte[] sha256, CancellationToken cancellationToken);
}

/// <summary>
/// Signers behind one interface: the document digest in (SHA-256 of the bytes a signature covers, for a PDF its two
/// byte ranges), a CAdES detached CMS (DER ContentInfo) out. Server keys, PKCS#11 tokens and remote signing services
/// each implement it; the PDF writer neither knows nor cares which.
/// </summary>
public interface ICmsSigner
{
    Task<CmsSignature> SignAsync(CmsSignatureRequest request, CancellationToken cancellationToken);
}

/// <param name="DocumentDigest">SHA-256 of the signed bytes (32 bytes).</param>
/// <param name="SigningTime">The claimed signing time, written as the CMS signing-time attribute and the PDF's /M.</param>
public sealed record CmsSignatureRequest(byte[] DocumentDigest, DateTimeOffset SigningTime);

/// <param name="Der">The CMS ContentInfo (SignedData), DER.</param>
/// <param name="Certificate">The signer's certificate.</param>
public sealed record CmsSignature(byte[] Der, X509Certificate2 Certificate);

/// <summary>
/// An RFC 3161 time-stamping service: the signature value in, a time-stamp token (DER ContentInfo) out, added to the
/// CMS as the unsigned signature-time-stamp attribute (PAdES B-T).
/// </summary>
public interface ITimestampClient
{
    Task<byte[]> RequestTokenAsync(byte[] signatureValue, CancellationToken cancellationToken);
}
