using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Exchange.Domain;

/// <summary>How documents reach a partner agency (ADR 0030).</summary>
public enum ExchangeChannel
{
    /// <summary>Another eOffice: signed packages pushed to its receive endpoint over HTTPS.</summary>
    EofficeHttps = 1,

    /// <summary>The national document axis (Trục liên thông văn bản quốc gia, VPCP).</summary>
    Vdxp = 2,

    /// <summary>An agency without a system: official e-mail with the signed PDF.</summary>
    Email = 3,
}

/// <summary>
/// An entry of the agency's exchange directory (danh bạ liên thông): another agency by its identifier (mã định danh),
/// the channel and address that reach it, and the certificate its packages must be signed with — packages from it are
/// checked against this certificate, never against the one a package brings. An inactive partner is neither sent to
/// nor received from.
/// </summary>
public sealed class ExchangePartner
{
    public const int OrganIdMaxLength = 35;
    public const int NameMaxLength = 300;
    public const int EndpointMaxLength = 500;
    public const int SubjectMaxLength = 500;
    public const int ThumbprintMaxLength = 64;

    private ExchangePartner()
    {
        OrganId = Name = Endpoint = string.Empty;
    }

    public ExchangePartner(Guid agencyId, string organId, string name, ExchangeChannel channel, string endpoint, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        OrganId = organId;
        Name = name;
        Channel = channel;
        Endpoint = endpoint;
        IsActive = true;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The partner's electronic identifier, upper case (REQUIREMENTS §3.4).</summary>
    public string OrganId { get; private set; }

    public string Name { get; private set; }

    public ExchangeChannel Channel { get; private set; }

    /// <summary>The receive URL (eOffice over HTTPS, VDXP) or the official e-mail address.</summary>
    public string Endpoint { get; private set; }

    /// <summary>The partner's certificate, DER; null only for an e-mail partner.</summary>
    public byte[]? CertificateDer { get; private set; }

    public string? CertificateSubject { get; private set; }

    /// <summary>SHA-256 of the certificate, hex.</summary>
    public string? CertificateThumbprint { get; private set; }

    public DateTime? CertificateNotBefore { get; private set; }

    public DateTime? CertificateNotAfter { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Whether the channel checks signatures, so the partner must have a certificate.</summary>
    public static bool NeedsCertificate(ExchangeChannel channel) => channel != ExchangeChannel.Email;

    public void Change(string organId, string name, ExchangeChannel channel, string endpoint, bool isActive, DateTime now)
    {
        OrganId = organId;
        Name = name;
        Channel = channel;
        Endpoint = endpoint;
        IsActive = isActive;
        Touch(now);
    }

    /// <summary>Keeps <paramref name="certificate"/> (public part only); one expired or not yet valid is refused.</summary>
    public void UseCertificate(X509Certificate2 certificate, DateTime now)
    {
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw RuleException.Invalid(
                $"Chứng thư số không trong thời hạn hiệu lực (từ {certificate.NotBefore:dd/MM/yyyy} đến {certificate.NotAfter:dd/MM/yyyy}).", "certificatePem");
        }

        if (certificate.GetRSAPublicKey() is not { } rsa)
        {
            throw RuleException.Invalid("Chứng thư số phải dùng khóa RSA (chữ ký gói tin edXML là RSA-SHA256).", "certificatePem");
        }

        rsa.Dispose();
        CertificateDer = certificate.RawData;
        CertificateSubject = certificate.Subject.Length <= SubjectMaxLength ? certificate.Subject : certificate.Subject[..SubjectMaxLength];
        CertificateThumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        CertificateNotBefore = certificate.NotBefore.ToUniversalTime();
        CertificateNotAfter = certificate.NotAfter.ToUniversalTime();
        Touch(now);
    }

    /// <summary>The certificate packages from this partner must be signed with; null when none is held.</summary>
    public X509Certificate2? Certificate() => CertificateDer is null ? null : X509CertificateLoader.LoadCertificate(CertificateDer);

    /// <summary>Why packages cannot be exchanged with the partner now; null when they can.</summary>
    public string? RefusalToExchange(DateTime now) =>
        !IsActive ? "Cơ quan này đã ngừng liên thông."
        : NeedsCertificate(Channel) && CertificateDer is null ? "Chưa có chứng thư số của cơ quan này."
        : CertificateNotAfter is { } notAfter && now > notAfter ? "Chứng thư số của cơ quan này đã hết hiệu lực."
        : null;

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
