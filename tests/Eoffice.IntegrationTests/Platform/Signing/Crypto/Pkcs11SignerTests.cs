using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.IntegrationTests.Platform.Signing.Crypto;

/// <summary>Signing on a hardware token through PKCS#11, with SoftHSM as the token.</summary>
[Collection(SoftHsmCollection.Name)]
public sealed class Pkcs11SignerTests(SoftHsmToken token) : IClassFixture<SoftHsmToken>
{
    private static readonly byte[] Content = "Quyết định số 12/QĐ-UBND về việc thử ký số"u8.ToArray();

    [SoftHsmFact]
    public async Task A_digest_signed_with_the_RSA_key_on_the_token_verifies_in_dotnet_bouncycastle_and_ours()
    {
        using var signer = new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel));

        var cms = await SignAsync(signer);

        Assert.Equal(token.RsaCertificate.RawData, signer.Certificate.RawData);
        AssertVerifiesEverywhere(cms);
    }

    [SoftHsmFact]
    public async Task The_EC_key_on_the_token_gives_a_DER_ECDSA_signature_that_verifies_everywhere()
    {
        using var signer = new Pkcs11RawSigner(token.Options(SoftHsmToken.EcKeyLabel));

        var cms = await SignAsync(signer);

        Assert.Equal(token.EcCertificate.RawData, signer.Certificate.RawData);
        AssertVerifiesEverywhere(cms);
    }

    [SoftHsmFact]
    public async Task The_key_is_found_by_its_CKA_ID_alone()
    {
        using var signer = new Pkcs11RawSigner(token.Options(SoftHsmToken.EcKeyLabel) with { KeyLabel = null, KeyId = [0x02] });

        AssertVerifiesEverywhere(await SignAsync(signer));
        Assert.Equal(token.EcCertificate.RawData, signer.Certificate.RawData);
    }

    [SoftHsmFact]
    public async Task Parallel_signatures_share_the_one_logged_in_session_safely()
    {
        using var signer = new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel));

        var signatures = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SignAsync(signer))));

        Assert.All(signatures, AssertVerifiesEverywhere);
    }

    [SoftHsmFact]
    public void A_wrong_PIN_is_reported_as_a_wrong_PIN()
    {
        var failure = Assert.Throws<SigningDeviceException>(() =>
            new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel) with { UserPin = "000000" }));

        Assert.Equal(SigningDeviceProblem.WrongPin, failure.Problem);
        Assert.Contains("PIN", failure.Message, StringComparison.Ordinal);
    }

    [SoftHsmFact]
    public void A_key_label_that_is_not_on_the_token_is_reported_missing()
    {
        var failure = Assert.Throws<SigningDeviceException>(() =>
            new Pkcs11RawSigner(token.Options("khoa-khong-co")));

        Assert.Equal(SigningDeviceProblem.KeyMissing, failure.Problem);
        Assert.Contains("khoa-khong-co", failure.Message, StringComparison.Ordinal);
    }

    [SoftHsmFact]
    public void Two_keys_and_no_label_is_reported_as_ambiguous()
    {
        var failure = Assert.Throws<SigningDeviceException>(() =>
            new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel) with { KeyLabel = null }));

        Assert.Equal(SigningDeviceProblem.KeyMissing, failure.Problem);
        Assert.Contains("2 private keys", failure.Message, StringComparison.Ordinal);
    }

    [SoftHsmFact]
    public void A_token_that_is_not_plugged_in_is_reported_missing()
    {
        var failure = Assert.Throws<SigningDeviceException>(() =>
            new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel) with { TokenLabel = "Token khác" }));

        Assert.Equal(SigningDeviceProblem.TokenMissing, failure.Problem);
    }

    [SoftHsmFact]
    public void A_configured_certificate_of_another_key_is_refused()
    {
        var failure = Assert.Throws<SigningDeviceException>(() =>
            new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel) with { Certificate = token.EcCertificate }));

        Assert.Equal(SigningDeviceProblem.CertificateMissing, failure.Problem);
    }

    [SoftHsmFact]
    public void A_library_path_that_does_not_exist_is_reported_unavailable()
    {
        var failure = Assert.Throws<SigningDeviceException>(() =>
            new Pkcs11RawSigner(token.Options(SoftHsmToken.RsaKeyLabel) with { LibraryPath = "/khong/co/libpkcs11.so" }));

        Assert.Equal(SigningDeviceProblem.LibraryUnavailable, failure.Problem);
    }

    private static async Task<byte[]> SignAsync(Pkcs11RawSigner signer)
    {
        var signature = await new KeyHolderCmsSigner(signer).SignAsync(
            new CmsSignatureRequest(SHA256.HashData(Content), DateTimeOffset.UtcNow), CancellationToken.None);
        return signature.Der;
    }

    private void AssertVerifiesEverywhere(byte[] cms)
    {
        var signedCms = new SignedCms(new ContentInfo(Content), detached: true);
        signedCms.Decode(cms);
        signedCms.CheckSignature(verifySignatureOnly: true);

        Assert.True(BouncyCastleCrossCheck.VerifiesContent(cms, Content));
        Assert.True(BouncyCastleCrossCheck.VerifiesDigest(cms, SHA256.HashData(Content)));
        var result = new CmsSignatureVerifier().Verify(cms, SHA256.HashData(Content), token.Pki.Policy());
        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(TestPki.PersonName, result.SignerName);
    }
}
