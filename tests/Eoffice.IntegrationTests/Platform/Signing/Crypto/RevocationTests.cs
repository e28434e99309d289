using System.Security.Cryptography;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.IntegrationTests.Platform.Signing.Crypto;

/// <summary>Revocation by CRL, fetched by the chain builder from the distribution points of a local HTTP server.</summary>
public sealed class RevocationTests : IAsyncLifetime
{
    private static readonly byte[] Digest = SHA256.HashData("Công văn số 345/UBND-VP gửi các sở, ban, ngành"u8.ToArray());

    private readonly CmsSignatureVerifier verifier = new();
    private TestCrlServer crls = null!;
    private TestPki pki = null!;

    public async Task InitializeAsync()
    {
        crls = await TestCrlServer.StartAsync();
        pki = new TestPki(crls.BaseUrl.ToString());
        crls.Publish("root.crl", pki.RootCrl());
    }

    public async Task DisposeAsync()
    {
        pki.Dispose();
        await crls.DisposeAsync();
    }

    [Fact]
    public async Task A_revoked_certificate_is_reported_revoked()
    {
        var certificate = pki.IssuePerson();
        crls.Publish("issuing.crl", pki.IssuingCrl(certificate));

        var result = verifier.Verify(await CmsVerificationTests.SignAsync(pki, certificate), Digest, pki.Policy(checkRevocation: true));

        Assert.True(result.IntegrityValid);
        Assert.Equal(CertificateTrustStatus.Revoked, result.TrustStatus);
        Assert.True(crls.RequestCount >= 1);
    }

    [Fact]
    public async Task A_certificate_the_list_does_not_name_passes_the_revocation_check()
    {
        var certificate = pki.IssuePerson();
        crls.Publish("issuing.crl", pki.IssuingCrl(pki.IssueSeal()));

        var result = verifier.Verify(await CmsVerificationTests.SignAsync(pki, certificate), Digest, pki.Policy(checkRevocation: true));

        Assert.True(result.IsValid, result.Problem);
        Assert.True(crls.RequestCount >= 1);
    }

    [Fact]
    public async Task A_list_that_cannot_be_fetched_leaves_the_revocation_unknown()
    {
        var certificate = pki.IssuePerson();

        var result = verifier.Verify(await CmsVerificationTests.SignAsync(pki, certificate), Digest, pki.Policy(checkRevocation: true));

        Assert.True(result.IntegrityValid);
        Assert.Equal(CertificateTrustStatus.RevocationUnknown, result.TrustStatus);
    }
}
