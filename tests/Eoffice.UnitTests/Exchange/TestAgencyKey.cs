using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Modules.Exchange.Edxml;

namespace Eoffice.UnitTests.Exchange;

/// <summary>A real RSA key and self-signed certificate of a test agency, signing as the agency's key would.</summary>
public sealed class TestAgencyKey : IEdxmlKey, IDisposable
{
    private readonly RSA rsa;

    public TestAgencyKey(string name)
    {
        rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O={name}, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate without its key, as a partner directory holds it.</summary>
    public X509Certificate2 PublicCertificate => X509CertificateLoader.LoadCertificate(Certificate.RawData);

    public RSA Rsa => rsa;

    public Task<byte[]> SignSha256Async(byte[] digest, CancellationToken cancellationToken) =>
        Task.FromResult(rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose()
    {
        Certificate.Dispose();
        rsa.Dispose();
    }
}
