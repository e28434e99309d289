using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Remote;

/// <summary>
/// Authenticates the service's callback (a POST of <c>{ transactionId, status }</c> with an HMAC-SHA256 of the raw body
/// under a shared secret) before the endpoint acts on it. The MAC is compared in constant time so that its bytes cannot
/// be guessed one by one from response timings. A callback carries no signature: the endpoint should only wake the
/// waiting signer, which then fetches the transaction's status, so a replayed callback does no harm.
/// </summary>
public static class RemoteSigningCallback
{
    public static bool TryVerify(ReadOnlySpan<byte> body, string? headerValue, string secret,
        [NotNullWhen(true)] out RemoteSigningNotification? notification)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        notification = null;
        var received = RemoteSigningClient.CallbackMac(headerValue);
        if (received is null)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            return false;
        }

        notification = RemoteSigningClient.CallbackNotification(body);
        return notification is not null;
    }
}
