using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.IntegrationTests.Platform.Signing.Crypto;

/// <summary>Verifying detached CAdES signatures from the document digest against configured trust anchors.</summary>
public sealed class CmsVerificationTests : IDisposable
{
    private static readonly byte[] Content = "Công văn số 345/UBND-VP gửi các sở, ban, ngành"u8.ToArray();
    private static readonly byte[] Digest = SHA256.HashData(Content);

    private readonly TestPki pki = new();
    private readonly CmsSignatureVerifier verifier = new();

    public void Dispose() => pki.Dispose();

    [Fact]
    public async Task A_seal_signature_from_the_server_key_is_trusted_and_names_its_signer()
    {
        var certificate = pki.IssueSeal();
        var signingTime = DateTimeOffset.UtcNow.AddMinutes(-5);

        var cms = await SignAsync(pki, certificate, signingTime: signingTime);
        var result = verifier.Verify(cms, Digest, pki.Policy());

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(CertificateTrustStatus.Trusted, result.TrustStatus);
        Assert.Null(result.Problem);
        Assert.Equal(TestPki.AgencyName, result.SignerName);
        Assert.Equal(TestPki.AgencyName, result.SignerOrganization);
        Assert.Equal(certificate.SerialNumber, result.SerialNumber);
        Assert.Equal(certificate.Issuer, result.Issuer);
        Assert.Equal(signingTime.ToUnixTimeSeconds(), result.SigningTime!.Value.ToUnixTimeSeconds());
        Assert.Null(result.TimestampTime);
    }

    [Fact]
    public async Task An_EC_signature_from_the_server_key_is_trusted_here_and_in_bouncycastle()
    {
        var cms = await SignAsync(pki, pki.IssuePerson(new TestCertificateOptions { EllipticCurve = true }));

        Assert.True(verifier.Verify(cms, Digest, pki.Policy()).IsValid);
        Assert.True(BouncyCastleCrossCheck.VerifiesContent(cms, Content));
    }

    [Fact]
    public async Task A_changed_document_fails_integrity_here_and_in_bouncycastle()
    {
        var cms = await SignAsync(pki, pki.IssuePerson());
        var changed = (byte[])Content.Clone();
        changed[^1] ^= 0x01;

        var result = verifier.Verify(cms, SHA256.HashData(changed), pki.Policy());

        Assert.False(result.IntegrityValid);
        Assert.Contains("changed after signing", result.IntegrityProblem, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.False(BouncyCastleCrossCheck.VerifiesContent(cms, changed));
        Assert.True(BouncyCastleCrossCheck.VerifiesContent(cms, Content));
    }

    [Fact]
    public async Task A_tampered_signature_value_fails_integrity()
    {
        var cms = await SignAsync(pki, pki.IssuePerson());
        cms[^1] ^= 0x01; // without unsigned attributes the signature value ends the CMS

        var result = verifier.Verify(cms, Digest, pki.Policy());

        Assert.False(result.IntegrityValid);
        Assert.Contains("signature value does not match", result.IntegrityProblem, StringComparison.Ordinal);
        Assert.False(BouncyCastleCrossCheck.VerifiesContent(cms, Content));
    }

    [Fact]
    public async Task A_signature_under_another_root_is_untrusted()
    {
        using var stranger = new TestPki();
        var cms = await SignAsync(stranger, stranger.IssuePerson());

        var result = verifier.Verify(cms, Digest, pki.Policy());

        Assert.True(result.IntegrityValid);
        Assert.Equal(CertificateTrustStatus.Untrusted, result.TrustStatus);
        Assert.Contains("trusted root", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_stamped_signature_stays_valid_after_the_certificate_expires()
    {
        var now = DateTimeOffset.UtcNow;
        var certificate = pki.IssuePerson(new TestCertificateOptions { NotBefore = now.AddDays(-10), NotAfter = now.AddDays(1) });
        await using var tsa = await TestTimestampAuthority.StartAsync(pki);
        var cms = await SignAsync(pki, certificate, tsa.Client());
        var afterExpiry = pki.Policy(now.AddDays(30));

        var stamped = verifier.Verify(cms, Digest, afterExpiry);
        var unstamped = verifier.Verify(await SignAsync(pki, certificate), Digest, afterExpiry);

        Assert.True(stamped.IsValid, stamped.Problem);
        Assert.NotNull(stamped.TimestampTime);
        Assert.InRange(stamped.TimestampTime!.Value, now.AddMinutes(-1), now.AddMinutes(5));
        Assert.True(unstamped.IntegrityValid);
        Assert.Equal(CertificateTrustStatus.Expired, unstamped.TrustStatus);
        Assert.True(BouncyCastleCrossCheck.VerifiesContent(cms, Content));
    }

    [Fact]
    public async Task A_time_stamp_made_after_the_certificate_expired_does_not_save_it()
    {
        var now = DateTimeOffset.UtcNow;
        var certificate = pki.IssuePerson(new TestCertificateOptions { NotBefore = now.AddDays(-10), NotAfter = now.AddDays(1) });
        await using var tsa = await TestTimestampAuthority.StartAsync(pki);
        tsa.Time = now.AddDays(2);

        var result = verifier.Verify(await SignAsync(pki, certificate, tsa.Client()), Digest, pki.Policy(now.AddDays(3)));

        Assert.Equal(now.AddDays(2).ToUnixTimeSeconds(), result.TimestampTime!.Value.ToUnixTimeSeconds());
        Assert.Equal(CertificateTrustStatus.Expired, result.TrustStatus);
    }

    [Fact]
    public async Task A_time_stamp_from_an_authority_outside_the_anchors_is_ignored()
    {
        var now = DateTimeOffset.UtcNow;
        var certificate = pki.IssuePerson(new TestCertificateOptions { NotBefore = now.AddDays(-10), NotAfter = now.AddDays(1) });
        using var stranger = new TestPki();
        await using var tsa = await TestTimestampAuthority.StartAsync(stranger);

        var result = verifier.Verify(await SignAsync(pki, certificate, tsa.Client()), Digest, pki.Policy(now.AddDays(30)));

        Assert.Null(result.TimestampTime);
        Assert.Equal(CertificateTrustStatus.Expired, result.TrustStatus);
        Assert.Contains("time-stamping authority is not trusted", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_meant_only_for_encryption_is_not_valid_for_signing()
    {
        var certificate = pki.IssuePerson(new TestCertificateOptions { KeyUsage = X509KeyUsageFlags.KeyEncipherment });

        var result = verifier.Verify(await SignAsync(pki, certificate), Digest, pki.Policy());

        Assert.True(result.IntegrityValid);
        Assert.Equal(CertificateTrustStatus.NotValidForSigning, result.TrustStatus);
    }

    [Fact]
    public void Bytes_that_are_not_a_CMS_fail_integrity_with_a_reason()
    {
        var result = verifier.Verify([0x30, 0x03, 0x02, 0x01, 0x01], Digest, pki.Policy());

        Assert.False(result.IntegrityValid);
        Assert.Equal(CertificateTrustStatus.Untrusted, result.TrustStatus);
        Assert.Contains("not a readable CMS", result.IntegrityProblem, StringComparison.Ordinal);
    }

    internal static async Task<byte[]> SignAsync(TestPki issuer, X509Certificate2 certificate, ITimestampClient? timestamps = null,
        DateTimeOffset? signingTime = null)
    {
        using var key = issuer.Signer(certificate);
        var signature = await new KeyHolderCmsSigner(key, timestamps).SignAsync(
            new CmsSignatureRequest(Digest, signingTime ?? DateTimeOffset.UtcNow), CancellationToken.None);
        return signature.Der;
    }
}
