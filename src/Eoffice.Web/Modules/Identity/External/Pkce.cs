using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>
/// Proof Key for Code Exchange (RFC 7636, method S256): the code obtained in the browser can be redeemed only by the
/// party that started the sign-in, which alone knows the verifier.
/// </summary>
public static class Pkce
{
    /// <summary>A fresh verifier: 32 random bytes, base64url (43 characters, within the 43–128 the RFC allows).</summary>
    public static string CreateVerifier() => RandomToken();

    /// <summary>The S256 challenge of <paramref name="verifier"/>: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string ChallengeOf(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>An unguessable value for "state" and "nonce".</summary>
    public static string RandomToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
