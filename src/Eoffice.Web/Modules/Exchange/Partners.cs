using System.Net.Mail;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>The channel codes of the API and the forms.</summary>
public static class ChannelCodes
{
    public static readonly IReadOnlyDictionary<string, ExchangeChannel> All = new Dictionary<string, ExchangeChannel>
    {
        ["eoffice-https"] = ExchangeChannel.EofficeHttps,
        ["vdxp"] = ExchangeChannel.Vdxp,
        ["email"] = ExchangeChannel.Email,
    };

    public static string Of(ExchangeChannel channel) => All.Single(p => p.Value == channel).Key;

    public static string NameOf(ExchangeChannel channel) => channel switch
    {
        ExchangeChannel.EofficeHttps => "eOffice qua HTTPS",
        ExchangeChannel.Vdxp => "Trục liên thông văn bản quốc gia",
        _ => "Thư điện tử công vụ",
    };
}

/// <summary>
/// A partner as written in the directory: identifier (mã định danh, checked as REQUIREMENTS §3.4 says: upper case, no
/// spaces, one of the two forms), name, channel, the receive URL (https; http only to this machine, for tests and
/// a local relay) or the e-mail address, and the certificate as PEM — required on the channels that check signatures.
/// </summary>
public class PartnerInput : IValidatableRequest
{
    public string? OrganId { get; set; }

    public string? Name { get; set; }

    /// <summary>eoffice-https | vdxp | email.</summary>
    public string? Channel { get; set; }

    public string? Endpoint { get; set; }

    /// <summary>The partner's certificate, PEM (-----BEGIN CERTIFICATE-----); on a change, none keeps the one held.</summary>
    public string? CertificatePem { get; set; }

    public virtual Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!AgencyCode.IsValid(OrganId?.Trim(), out var codeError))
        {
            errors["organId"] = [codeError];
        }

        errors.Required("name", Name, ExchangePartner.NameMaxLength, "Vui lòng nhập tên cơ quan.", "Tên cơ quan");
        if (Channel is null || !ChannelCodes.All.TryGetValue(Channel, out var channel))
        {
            errors["channel"] = ["Chọn kênh gửi nhận."];
            return errors;
        }

        var endpoint = Endpoint?.Trim();
        if (string.IsNullOrEmpty(endpoint))
        {
            errors["endpoint"] = [channel == ExchangeChannel.Email ? "Vui lòng nhập địa chỉ thư điện tử công vụ." : "Vui lòng nhập địa chỉ nhận gói tin (URL)."];
        }
        else if (endpoint.Length > ExchangePartner.EndpointMaxLength)
        {
            errors["endpoint"] = [$"Tối đa {ExchangePartner.EndpointMaxLength} ký tự."];
        }
        else if (channel == ExchangeChannel.Email ? !IsEmail(endpoint) : !IsReceiveUrl(endpoint))
        {
            errors["endpoint"] = [channel == ExchangeChannel.Email
                ? "Địa chỉ thư điện tử không hợp lệ."
                : "Địa chỉ nhận phải là URL https:// (http:// chỉ dùng cho máy này)."];
        }

        if (!string.IsNullOrWhiteSpace(CertificatePem) && ParseCertificate(CertificatePem) is null)
        {
            errors["certificatePem"] = ["Không đọc được chứng thư số: cần tệp .pem/.cer dạng PEM (-----BEGIN CERTIFICATE-----)."];
        }

        return errors;
    }

    public ExchangeChannel ChannelValue => ChannelCodes.All[Channel!];

    public string CleanOrganId => OrganId!.Trim();

    public string CleanName => Name!.Trim();

    public string CleanEndpoint => Endpoint!.Trim();

    /// <summary>The certificate of a PEM text; null when there is none or it cannot be read.</summary>
    public static X509Certificate2? ParseCertificate(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsEmail(string text) => MailAddress.TryCreate(text, out var address) && address.Address == text;

    private static bool IsReceiveUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}

/// <summary>A partner as the API and the page show it; the certificate by its subject, thumbprint and validity.</summary>
public sealed record PartnerResponse(
    Guid Id,
    string OrganId,
    string Name,
    string Channel,
    string ChannelName,
    string Endpoint,
    string? CertificateSubject,
    string? CertificateThumbprint,
    DateTime? CertificateNotBefore,
    DateTime? CertificateNotAfter,
    bool IsActive,
    DateTime UpdatedAt)
{
    public static PartnerResponse From(ExchangePartner p) =>
        new(p.Id, p.OrganId, p.Name, ChannelCodes.Of(p.Channel), ChannelCodes.NameOf(p.Channel), p.Endpoint, p.CertificateSubject, p.CertificateThumbprint,
            p.CertificateNotBefore, p.CertificateNotAfter, p.IsActive, p.UpdatedAt);
}

/// <summary>What the directory use cases share: the administrator's agency, its partners, the clock.</summary>
public sealed class PartnerDirectory(UnitOfWork unitOfWork, ICurrentUser currentUser, TimeProvider time)
{
    public const string NotFoundMessage = "Không tìm thấy cơ quan trong danh bạ liên thông.";

    public UnitOfWork UnitOfWork => unitOfWork;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public Guid AgencyId => currentUser.AgencyId ?? throw RuleException.NotFound();

    public IQueryable<ExchangePartner> Partners()
    {
        var agencyId = AgencyId;
        return unitOfWork.Db.Set<ExchangePartner>().Where(p => p.AgencyId == agencyId);
    }

    /// <summary>A partner of the current agency; another agency's id is not found.</summary>
    public async Task<ExchangePartner> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await Partners().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw RuleException.NotFound(NotFoundMessage);

    public async Task EnsureUniqueAsync(string organId, Guid? except, CancellationToken cancellationToken)
    {
        if (await Partners().AnyAsync(p => p.OrganId == organId && p.Id != except, cancellationToken))
        {
            throw RuleException.Conflict("Cơ quan có mã định danh này đã có trong danh bạ liên thông.", "organId");
        }
    }

    /// <summary>Applies the PEM of <paramref name="input"/>, and requires a certificate on a channel that checks signatures.</summary>
    public void ApplyCertificate(ExchangePartner partner, PartnerInput input)
    {
        if (PartnerInput.ParseCertificate(input.CertificatePem) is { } certificate)
        {
            using (certificate)
            {
                partner.UseCertificate(certificate, Now);
            }
        }

        if (ExchangePartner.NeedsCertificate(partner.Channel) && partner.CertificateDer is null)
        {
            throw RuleException.Invalid("Vui lòng tải lên chứng thư số của cơ quan (kênh này kiểm tra chữ ký số của gói tin).", "certificatePem");
        }
    }

    public static string Describe(ExchangePartner p) =>
        $"{p.OrganId} {p.Name}: {ChannelCodes.NameOf(p.Channel)}, {p.Endpoint}"
        + (p.CertificateThumbprint is null ? "" : $", chứng thư số {p.CertificateSubject} ({p.CertificateThumbprint})")
        + (p.IsActive ? "" : ", ngừng liên thông");
}
