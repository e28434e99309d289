using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.IntegrationTests.Platform.Signing.Remote;

/// <summary>Self-signed signing certificates with their keys, made per test run (no shared PKI needed here).</summary>
internal static class TestKeys
{
    public static X509Certificate2 Rsa(string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=UBND tỉnh Thử Nghiệm, C=VN", key, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        return SelfSigned(request);
    }

    public static X509Certificate2 Ec(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=UBND tỉnh Thử Nghiệm, C=VN", key, HashAlgorithmName.SHA256);
        return SelfSigned(request);
    }

    private static X509Certificate2 SelfSigned(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    public static byte[] Sign(X509Certificate2 certificate, byte[] sha256) =>
        CadesSignedData.SignHash((AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()!, sha256);
}
