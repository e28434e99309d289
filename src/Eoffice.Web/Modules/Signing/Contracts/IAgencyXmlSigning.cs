using System.Security.Cryptography.X509Certificates;

namespace Eoffice.Web.Modules.Signing.Contracts;

/// <summary>
/// The agency's own signature on what it sends to other agencies by machine (edXML packages and receipts, ADR 0030):
/// its active agency-seal certificate whose key the server holds. No person signs here, so there is no holder check;
/// the callers are system work (the receive endpoint, the outbox), never a page.
/// </summary>
public interface IAgencyXmlSigning
{
    /// <summary>The certificate that signs, or null when the agency has no valid seal certificate with a server-held key.</summary>
    Task<X509Certificate2?> CertificateAsync(Guid agencyId, CancellationToken cancellationToken);

    /// <summary>Signs a SHA-256 digest (RSA PKCS#1 v1.5) with the key of the certificate of <paramref name="thumbprint"/> (SHA-256 hex).</summary>
    Task<byte[]> SignSha256Async(Guid agencyId, string thumbprint, byte[] digest, CancellationToken cancellationToken);
}
