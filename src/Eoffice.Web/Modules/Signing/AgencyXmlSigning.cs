using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// <see cref="IAgencyXmlSigning"/>: the agency's active seal certificate kept as a server file (the latest valid one),
/// opened through <see cref="KeyFileVault"/>; only RSA keys sign XML here.
/// </summary>
public sealed class AgencyXmlSigning(EofficeDbContext db, KeyFileVault vault, TimeProvider time) : IAgencyXmlSigning
{
    public async Task<X509Certificate2?> CertificateAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await CurrentAsync(agencyId, cancellationToken))?.Certificate();

    public async Task<byte[]> SignSha256Async(Guid agencyId, string thumbprint, byte[] digest, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(agencyId, cancellationToken);
        if (current is not { ProtectedKeyFile: { } keyFile } || current.Thumbprint != thumbprint)
        {
            throw new InvalidOperationException("The agency seal certificate changed or stopped while signing; sign again.");
        }

        var signer = vault.Open(keyFile);
        if (signer.Certificate.GetRSAPublicKey() is not { } rsa)
        {
            throw new InvalidOperationException("The agency seal key is not an RSA key; XML signatures need RSA.");
        }

        rsa.Dispose();
        return await signer.SignHashAsync(digest, cancellationToken);
    }

    private async Task<SigningCertificate?> CurrentAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<SigningCertificate>().AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.Use == CertificateUse.AgencySeal && c.Location == KeyLocation.ServerFile && c.IsActive
                && c.ProtectedKeyFile != null && c.NotBefore <= now && c.NotAfter >= now)
            .ToListAsync(cancellationToken);
        return candidates.Where(c => !Platform.Signing.CadesSignedData.IsEc(c.Certificate())).OrderByDescending(c => c.NotAfter).FirstOrDefault();
    }
}
