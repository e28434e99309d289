using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Eoffice.Web.Platform.Signing.Remote;

/// <summary>
/// Checks made on a signature value that came from outside the server (a remote service, the local agent) before it
/// goes into a CMS: it must verify over the hash with the expected certificate's public key, in the same schemes
/// <see cref="CadesSignedData.SignHash"/> produces (RSA PKCS#1 v1.5, ECDSA as a DER sequence). Certificates are named
/// by their SHA-256 thumbprint (upper-case hex of the DER), which is what the protocols carry.
/// </summary>
public static class SignatureValues
{
    public static bool Verify(X509Certificate2 certificate, byte[] sha256, byte[] signatureValue)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentNullException.ThrowIfNull(signatureValue);
        try
        {
            if (CadesSignedData.IsEc(certificate))
            {
                using var ecdsa = certificate.GetECDsaPublicKey();
                return ecdsa is not null && ecdsa.VerifyHash(sha256, signatureValue, DSASignatureFormat.Rfc3279DerSequence);
            }

            using var rsa = certificate.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyHash(sha256, signatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static string Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public static bool HasThumbprint(X509Certificate2 certificate, string thumbprint) =>
        string.Equals(Thumbprint(certificate), thumbprint.Replace(":", "", StringComparison.Ordinal).Trim(),
            StringComparison.OrdinalIgnoreCase);
}
