using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.UnitTests.Platform.Signing;

public sealed class CadesSignedDataTests
{
    private static readonly byte[] Content = "Nội dung văn bản được ký"u8.ToArray();

    [Theory]
    [InlineData("rsa")]
    [InlineData("ec")]
    public async Task A_signature_made_from_the_digest_alone_verifies_with_SignedCms_over_the_content(string keyKind)
    {
        using var certificate = CreateCertificate(keyKind);
        var signer = new KeyHolderCmsSigner(new Pkcs12RawSigner(certificate));
        var time = new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.FromHours(7));

        var signature = await signer.SignAsync(new CmsSignatureRequest(SHA256.HashData(Content), time), default);

        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.Decode(signature.Der);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Single(cms.SignerInfos);
        var info = cms.SignerInfos[0];
        Assert.Equal(certificate.Thumbprint, info.Certificate!.Thumbprint);
        var signingTime = info.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == CadesSignedData.SigningTimeOid).Values[0];
        Assert.Equal(time.UtcDateTime, new Pkcs9SigningTime(signingTime.RawData).SigningTime);
        Assert.Contains(info.SignedAttributes.Cast<CryptographicAttributeObject>(),
            a => a.Oid.Value == CadesSignedData.SigningCertificateV2Oid);
    }

    [Fact]
    public async Task A_signature_over_one_digest_fails_for_other_content()
    {
        using var certificate = CreateCertificate("rsa");
        var signer = new KeyHolderCmsSigner(new Pkcs12RawSigner(certificate));

        var signature = await signer.SignAsync(new CmsSignatureRequest(SHA256.HashData(Content), DateTimeOffset.UtcNow), default);

        var other = (byte[])Content.Clone();
        other[0] ^= 1;
        var cms = new SignedCms(new ContentInfo(other), detached: true);
        cms.Decode(signature.Der);
        Assert.ThrowsAny<CryptographicException>(() => cms.CheckSignature(verifySignatureOnly: true));
    }

    private static X509Certificate2 CreateCertificate(string keyKind)
    {
        CertificateRequest request = keyKind == "ec"
            ? new CertificateRequest("CN=Nguyễn Văn An, O=UBND tỉnh Mẫu, C=VN", ECDsa.Create(ECCurve.NamedCurves.nistP256), HashAlgorithmName.SHA256)
            : new CertificateRequest("CN=Nguyễn Văn An, O=UBND tỉnh Mẫu, C=VN", RSA.Create(2048), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
