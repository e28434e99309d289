using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Personal access tokens look like "eot_" followed by 32 random bytes in base64url (47 characters). Only the SHA-256
/// of the whole token is stored, with its first 12 characters so that the owner can tell tokens apart.
/// </summary>
public static class AccessTokenFormat
{
    public const string Marker = "eot_";
    public const int PrefixLength = 12;

    public static string Generate() => Marker + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static bool LooksLikeToken(string? value) => value is { Length: 47 } && value.StartsWith(Marker, StringComparison.Ordinal);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token[..PrefixLength];
}
