using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Time-based one-time passwords of RFC 6238 as authenticator apps compute them: HMAC-SHA1 over the number of 30-second
/// steps since the Unix epoch, truncated to 6 digits (RFC 4226 dynamic truncation).
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Steps either side of now that are still accepted, for clocks a little out of line.</summary>
    public const int Tolerance = 1;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for time step <paramref name="step"/>, with <paramref name="digits"/> digits (leading zeros kept).</summary>
    public static string Compute(ReadOnlySpan<byte> secret, long step, int digits = Digits, HashAlgorithmName? algorithm = null)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var name = algorithm ?? HashAlgorithmName.SHA1;
        byte[] hash = name == HashAlgorithmName.SHA256 ? HMACSHA256.HashData(secret, counter)
            : name == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(secret, counter)
            : HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The time step whose code equals <paramref name="code"/> within the tolerance around <paramref name="at"/>, or
    /// <c>null</c>. Steps at or before <paramref name="lastUsedStep"/> are refused, so a code seen once cannot be replayed.
    /// </summary>
    public static long? Verify(ReadOnlySpan<byte> secret, string? code, DateTimeOffset at, long? lastUsedStep)
    {
        var normalized = Normalize(code);
        if (normalized is null)
        {
            return null;
        }

        var now = StepAt(at);
        for (var step = now - Tolerance; step <= now + Tolerance; step++)
        {
            if (lastUsedStep is { } used && step <= used)
            {
                continue;
            }

            var expected = Compute(secret, step);
            if (CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(normalized)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The 6 digits of <paramref name="code"/> with spaces removed, or <c>null</c> when it is not a TOTP code.</summary>
    public static string? Normalize(string? code)
    {
        var digits = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string EnrolmentUri(string issuer, string account, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
}
