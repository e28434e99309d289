using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Modules.Exchange.Edxml;
using Eoffice.Web.Modules.Signing.Contracts;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>The agency's key for edXML packages, through Signing's contract (ADR 0030 §5); null when it has none.</summary>
public sealed class AgencyEdxmlKeys(IAgencyXmlSigning signing)
{
    public async Task<IEdxmlKey?> ForAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await signing.CertificateAsync(agencyId, cancellationToken) is { } certificate ? new AgencyKey(signing, agencyId, certificate) : null;

    private sealed class AgencyKey(IAgencyXmlSigning signing, Guid agencyId, X509Certificate2 certificate) : IEdxmlKey
    {
        public X509Certificate2 Certificate => certificate;

        public Task<byte[]> SignSha256Async(byte[] digest, CancellationToken cancellationToken) =>
            signing.SignSha256Async(agencyId, certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), digest, cancellationToken);
    }
}
