using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Signing;

/// <summary>Reading the certificates and key files an administrator uploads, with Vietnamese reasons for refusals.</summary>
internal static class CertificateInput
{
    public const int MaxBytes = 64 * 1024;

    public static byte[] Base64(string value, string field)
    {
        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return bytes.Length is > 0 and <= MaxBytes ? bytes : throw RuleException.Invalid("Tệp chứng thư số quá lớn hoặc rỗng.", field);
        }
        catch (FormatException)
        {
            throw RuleException.Invalid("Dữ liệu không đúng định dạng base64.", field);
        }
    }

    /// <summary>
    /// A certificate as DER or PEM (.cer, .crt, .pem); a PEM file may carry, after the signer's certificate, the CA
    /// certificates up to the root (the chain a token's signature embeds, so that others can verify it).
    /// </summary>
    public static (X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain) CertificateWithChain(byte[] bytes, string field)
    {
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                return (X509CertificateLoader.LoadCertificate(bytes), []);
            }

            var all = new X509Certificate2Collection();
            all.ImportFromPem(text);
            var leaf = all.FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().All(b => !b.CertificateAuthority))
                ?? throw RuleException.Invalid("Tệp không có chứng thư số của người ký (chỉ có chứng thư số của tổ chức chứng thực).", field);
            return (leaf, [.. all.Where(c => !ReferenceEquals(c, leaf))]);
        }
        catch (CryptographicException)
        {
            throw RuleException.Invalid("Không đọc được chứng thư số (cần tệp .cer/.crt dạng DER hoặc PEM).", field);
        }
    }

    /// <summary>A PKCS#12 file (.p12, .pfx) with its password: the certificate with its private key, and the CA certificates in it.</summary>
    public static (X509Certificate2 Certificate, X509Certificate2Collection All) KeyFile(byte[] bytes, string? password, string field)
    {
        X509Certificate2Collection collection;
        try
        {
            collection = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw RuleException.Invalid("Không mở được tệp khóa (.p12/.pfx): sai mật khẩu hoặc tệp hỏng.", field);
        }

        var withKey = collection.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw RuleException.Invalid("Tệp .p12/.pfx không chứa khóa bí mật.", field);
        return (withKey, collection);
    }

    /// <summary>Refuses a certificate that cannot make signatures now: expired, not yet valid, or not for signing.</summary>
    public static void EnsureUsableForSigning(X509Certificate2 certificate, DateTime now, string field)
    {
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw RuleException.Invalid(
                $"Chứng thư số không trong thời hạn hiệu lực ({certificate.NotBefore:dd/MM/yyyy} – {certificate.NotAfter:dd/MM/yyyy}).", field);
        }

        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            throw RuleException.Invalid("Chứng thư số không được cấp cho mục đích ký số.", field);
        }

        if (certificate.GetRSAPublicKey() is null && certificate.GetECDsaPublicKey() is null)
        {
            throw RuleException.Invalid("Chỉ hỗ trợ chứng thư số dùng khóa RSA hoặc ECDSA.", field);
        }
    }
}
