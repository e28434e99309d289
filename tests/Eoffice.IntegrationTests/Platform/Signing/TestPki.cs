using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.IntegrationTests.Platform.Signing;

/// <summary>How an end-entity certificate from <see cref="TestPki"/> differs from the default (valid from a day ago for a
/// year, RSA 2048, digitalSignature + nonRepudiation, CRL distribution point when the PKI publishes CRLs).</summary>
public sealed record TestCertificateOptions
{
    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public X509KeyUsageFlags KeyUsage { get; init; } = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;

    /// <summary>An EC P-256 key instead of RSA 2048.</summary>
    public bool EllipticCurve { get; init; }
}

/// <summary>
/// A throw-away three-level PKI as the Government CA has it: root CA → issuing CA → end entities (the official
/// "Nguyễn Văn An", the agency seal "UBND tỉnh Mẫu", a time-stamping authority). Every instance has its own CA names,
/// so chain building and the platform's CRL cache never mix two test PKIs. When <paramref name="crlBaseUrl"/> is given,
/// the issuing CA points at <c>{base}root.crl</c> and end entities at <c>{base}issuing.crl</c>; publish them with
/// <see cref="RootCrl"/> and <see cref="IssuingCrl"/> (e.g. on a <see cref="LocalHttpServer"/>).
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string PersonName = "Nguyễn Văn An";
    public const string AgencyName = "UBND tỉnh Mẫu";
    public const string Pkcs12Password = "mật-khẩu-thử";

    private readonly string? crlBaseUrl;
    private readonly List<IDisposable> owned = [];

    public TestPki(string? crlBaseUrl = null)
    {
        this.crlBaseUrl = crlBaseUrl;
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var now = DateTimeOffset.UtcNow;
        Root = CreateCa($"eOffice Test Root CA {tag}", issuer: null, now.AddYears(-10), now.AddYears(10), crlUrl: null);
        IssuingCa = CreateCa($"eOffice Test Issuing CA {tag}", Root, now.AddYears(-5), now.AddYears(5), crlBaseUrl is null ? null : crlBaseUrl + "root.crl");
    }

    /// <summary>The root CA, with its private key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The issuing CA, with its private key.</summary>
    public X509Certificate2 IssuingCa { get; }

    /// <summary>The issuing CA without its key: what a signature carries or a policy lists as intermediate.</summary>
    public X509Certificate2 IssuingCaPublic => Own(X509CertificateLoader.LoadCertificate(IssuingCa.RawData));

    /// <summary>A policy that trusts this PKI's root at <paramref name="now"/> (the real time by default).</summary>
    public TrustPolicy Policy(DateTimeOffset? now = null, bool checkRevocation = false) =>
        new([Own(X509CertificateLoader.LoadCertificate(Root.RawData))], now ?? DateTimeOffset.UtcNow)
        {
            CheckRevocation = checkRevocation,
            RevocationTimeout = TimeSpan.FromSeconds(10),
        };

    public X509Certificate2 IssuePerson(TestCertificateOptions? options = null) => Issue(PersonName, AgencyName, options);

    public X509Certificate2 IssueSeal(TestCertificateOptions? options = null) => Issue(AgencyName, AgencyName, options);

    /// <summary>A time-stamping authority certificate: EKU timeStamping, critical (RFC 3161 §2.3).</summary>
    public X509Certificate2 IssueTsa(TestCertificateOptions? options = null) =>
        Issue("eOffice Test TSA", AgencyName, (options ?? new TestCertificateOptions()) with { KeyUsage = X509KeyUsageFlags.DigitalSignature },
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));

    /// <summary>An end-entity certificate with its private key (RSA 2048 or EC P-256).</summary>
    public X509Certificate2 Issue(string commonName, string organization, TestCertificateOptions? options = null,
        X509Extension? extraExtension = null)
    {
        options ??= new TestCertificateOptions();
        if (options.EllipticCurve)
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(Name(commonName, organization), ec, HashAlgorithmName.SHA256);
            using var certificate = Sign(request, options, extraExtension);
            return Own(certificate.CopyWithPrivateKey(ec));
        }

        using var rsa = RSA.Create(2048);
        var rsaRequest = new CertificateRequest(Name(commonName, organization), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var rsaCertificate = Sign(rsaRequest, options, extraExtension);
        return Own(rsaCertificate.CopyWithPrivateKey(rsa));
    }

    /// <summary>A certificate for a key held elsewhere (a PKCS#11 token): public key in, certificate without key out.</summary>
    public X509Certificate2 IssueForPublicKey(PublicKey publicKey, string commonName, string organization,
        TestCertificateOptions? options = null)
    {
        var request = new CertificateRequest(Name(commonName, organization), publicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Own(Sign(request, options ?? new TestCertificateOptions(), extraExtension: null));
    }

    /// <summary>The certificate and key as a PKCS#12 file with the issuing CA, as an agency would receive it.</summary>
    public byte[] ExportPkcs12(X509Certificate2 withKey) =>
        new X509Certificate2Collection(new[] { withKey, IssuingCaPublic }).Export(X509ContentType.Pkcs12, Pkcs12Password)!;

    /// <summary>A server-side signer for the certificate, loaded from its PKCS#12 export like production does.</summary>
    public Pkcs12RawSigner Signer(X509Certificate2 withKey) => Pkcs12RawSigner.Load(ExportPkcs12(withKey), Pkcs12Password);

    /// <summary>The issuing CA's CRL (valid from an hour ago for a week) listing <paramref name="revoked"/>.</summary>
    public byte[] IssuingCrl(params X509Certificate2[] revoked) => Crl(IssuingCa, revoked);

    /// <summary>The root's CRL (no entries unless given).</summary>
    public byte[] RootCrl(params X509Certificate2[] revoked) => Crl(Root, revoked);

    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        Root.Dispose();
        IssuingCa.Dispose();
    }

    private static byte[] Crl(X509Certificate2 issuer, X509Certificate2[] revoked)
    {
        var now = DateTimeOffset.UtcNow;
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate, now.AddMinutes(-30), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(issuer, BigInteger.One, now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddHours(-1));
    }

    private X509Certificate2 CreateCa(string commonName, X509Certificate2? issuer, DateTimeOffset notBefore,
        DateTimeOffset notAfter, string? crlUrl)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(Name(commonName, "eOffice test PKI"), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(notBefore, notAfter);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (crlUrl is not null)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlUrl]));
        }

        using var certificate = request.Create(issuer, notBefore, notAfter, SerialNumber());
        return certificate.CopyWithPrivateKey(rsa);
    }

    private X509Certificate2 Sign(CertificateRequest request, TestCertificateOptions options, X509Extension? extraExtension)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(options.KeyUsage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(IssuingCa, true, false));
        if (crlBaseUrl is not null)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([crlBaseUrl + "issuing.crl"]));
        }

        if (extraExtension is not null)
        {
            request.CertificateExtensions.Add(extraExtension);
        }

        var now = DateTimeOffset.UtcNow;
        // Through a signature generator, not Create(issuer, …): that overload refuses an EC subject under an RSA CA.
        using var caKey = IssuingCa.GetRSAPrivateKey()!;
        return request.Create(IssuingCa.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
            options.NotBefore ?? now.AddDays(-1), options.NotAfter ?? now.AddYears(1), SerialNumber());
    }

    private static X500DistinguishedName Name(string commonName, string organization)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("VN");
        builder.AddOrganizationName(organization);
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    private X509Certificate2 Own(X509Certificate2 certificate)
    {
        owned.Add(certificate);
        return certificate;
    }
}
