using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Eoffice.Web.Platform.Signing;

namespace Eoffice.IntegrationTests.Platform.Signing.Crypto;

/// <summary>Requesting RFC 3161 time-stamps over HTTP, against a BouncyCastle TSA on 127.0.0.1.</summary>
public sealed class TimestampClientTests : IAsyncLifetime
{
    private static readonly byte[] SignatureValue = RandomNumberGenerator.GetBytes(256);

    private readonly TestPki pki = new();
    private TestTimestampAuthority tsa = null!;

    public async Task InitializeAsync() => tsa = await TestTimestampAuthority.StartAsync(pki);

    public async Task DisposeAsync()
    {
        await tsa.DisposeAsync();
        pki.Dispose();
    }

    [Fact]
    public async Task A_granted_token_covers_the_signature_value_at_the_authority_time()
    {
        // Inside the authority certificate's validity, to the second (GeneralizedTime carries no fraction here).
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var time = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        tsa.Time = time;

        var token = await tsa.Client().RequestTokenAsync(SignatureValue, CancellationToken.None);

        Assert.True(Rfc3161TimestampToken.TryDecode(token, out var decoded, out var consumed));
        Assert.Equal(token.Length, consumed);
        Assert.Equal(time, decoded!.TokenInfo.Timestamp);
        Assert.True(decoded.VerifySignatureForData(SignatureValue, out var signer));
        Assert.Equal(tsa.Certificate.RawData, signer!.RawData);
        Assert.False(decoded.VerifySignatureForData(RandomNumberGenerator.GetBytes(256), out _));
    }

    [Fact]
    public async Task A_rejected_request_raises_a_clear_error()
    {
        tsa.Reject = true;

        var failure = await Assert.ThrowsAsync<TimestampServiceException>(() =>
            tsa.Client().RequestTokenAsync(SignatureValue, CancellationToken.None));

        Assert.Contains("unusable reply", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_for_another_nonce_is_refused()
    {
        tsa.WrongNonce = true;

        await Assert.ThrowsAsync<TimestampServiceException>(() =>
            tsa.Client().RequestTokenAsync(SignatureValue, CancellationToken.None));
        Assert.Equal(1, tsa.RequestCount);
    }

    [Fact]
    public async Task A_slow_authority_times_out()
    {
        tsa.Delay = TimeSpan.FromSeconds(5);

        var failure = await Assert.ThrowsAsync<TimestampServiceException>(() =>
            tsa.Client(o => o with { Timeout = TimeSpan.FromMilliseconds(300) }).RequestTokenAsync(SignatureValue, CancellationToken.None));

        Assert.Contains("did not answer within", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_auth_credentials_are_sent_when_configured()
    {
        tsa.RequiredCredentials = ("ubnd-mau", "bí-mật");

        var refused = await Assert.ThrowsAsync<TimestampServiceException>(() =>
            tsa.Client().RequestTokenAsync(SignatureValue, CancellationToken.None));
        var token = await tsa.Client(o => o with { UserName = "ubnd-mau", Password = "bí-mật" })
            .RequestTokenAsync(SignatureValue, CancellationToken.None);

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.True(Rfc3161TimestampToken.TryDecode(token, out _, out _));
    }
}
