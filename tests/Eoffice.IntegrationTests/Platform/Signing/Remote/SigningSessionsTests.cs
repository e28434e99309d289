using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Signing;
using Microsoft.AspNetCore.DataProtection;

namespace Eoffice.IntegrationTests.Platform.Signing.Remote;

/// <summary>
/// The server's half of signing through the local agent: a ticket goes to the page, a test "agent" signs its hash with
/// the token's key, and only the same account, for the same purpose, within the lifetime, with a value made by the
/// prepared certificate's key, gets a CMS back.
/// </summary>
public sealed class SigningSessionsTests
{
    private const string Purpose = "outgoing:6f1c2d4e/signer";
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("%PDF-1.7 công văn số 12/UBND-VX");
    private static readonly Guid Account = Guid.NewGuid();

    private readonly EphemeralDataProtectionProvider protection = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.FromHours(7)));
    private readonly X509Certificate2 token = TestKeys.Rsa("Lê Văn Cường");

    [Theory]
    [InlineData("RSA")]
    [InlineData("ECDSA")]
    public void A_hash_signed_by_the_agent_completes_into_a_CMS_that_verifies_over_the_document(string keyType)
    {
        var certificate = keyType == "RSA" ? token : TestKeys.Ec("Lê Văn Cường");
        var sessions = Sessions();
        var ticket = sessions.Begin(Prepared(certificate), Account, Purpose);

        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), ticket.CertificateThumbprint);
        Assert.Equal(clock.GetUtcNow() + SigningSessions.Lifetime, ticket.ExpiresAt);
        clock.Advance(TimeSpan.FromMinutes(4));
        var signature = sessions.Complete(ticket.Token, AgentSigns(certificate, ticket), Account, Purpose);

        var cms = RemoteSigningTests.Verified(signature.Der, Document);
        Assert.Equal(certificate.RawData, cms.SignerInfos[0].Certificate!.RawData);
        Assert.Equal(certificate.RawData, signature.Certificate.RawData);
    }

    [Fact]
    public void A_session_completed_on_another_server_sharing_the_key_ring_succeeds()
    {
        var ticket = Sessions().Begin(Prepared(token), Account, Purpose);

        var signature = Sessions().Complete(ticket.Token, AgentSigns(token, ticket), Account, Purpose);

        RemoteSigningTests.Verified(signature.Der, Document);
    }

    [Fact]
    public void Another_account_cannot_complete_the_session()
    {
        var ticket = Sessions().Begin(Prepared(token), Account, Purpose);

        var failure = Assert.Throws<SigningSessionException>(() =>
            Sessions().Complete(ticket.Token, AgentSigns(token, ticket), Guid.NewGuid(), Purpose));

        Assert.Equal(SigningSessionFailure.WrongAccount, failure.Failure);
    }

    [Fact]
    public void A_session_cannot_be_completed_for_another_purpose()
    {
        var ticket = Sessions().Begin(Prepared(token), Account, Purpose);

        var failure = Assert.Throws<SigningSessionException>(() =>
            Sessions().Complete(ticket.Token, AgentSigns(token, ticket), Account, "outgoing:6f1c2d4e/agency"));

        Assert.Equal(SigningSessionFailure.WrongPurpose, failure.Failure);
    }

    [Fact]
    public void A_ticket_past_its_lifetime_is_refused()
    {
        var ticket = Sessions().Begin(Prepared(token), Account, Purpose);
        clock.Advance(SigningSessions.Lifetime + TimeSpan.FromSeconds(1));

        var failure = Assert.Throws<SigningSessionException>(() =>
            Sessions().Complete(ticket.Token, AgentSigns(token, ticket), Account, Purpose));

        Assert.Equal(SigningSessionFailure.Expired, failure.Failure);
    }

    [Fact]
    public void A_tampered_token_or_one_from_another_key_ring_is_refused()
    {
        var ticket = Sessions().Begin(Prepared(token), Account, Purpose);
        var middle = ticket.Token.Length / 2;
        var tampered = ticket.Token[..middle] + (ticket.Token[middle] == 'A' ? 'B' : 'A') + ticket.Token[(middle + 1)..];
        var foreign = new SigningSessions(new EphemeralDataProtectionProvider(), clock).Begin(Prepared(token), Account, Purpose);

        var altered = Assert.Throws<SigningSessionException>(() => Sessions().Complete(tampered, AgentSigns(token, ticket), Account, Purpose));
        var stranger = Assert.Throws<SigningSessionException>(() => Sessions().Complete(foreign.Token, AgentSigns(token, foreign), Account, Purpose));

        Assert.Equal(SigningSessionFailure.InvalidToken, altered.Failure);
        Assert.Equal(SigningSessionFailure.InvalidToken, stranger.Failure);
    }

    [Fact]
    public void A_signature_made_with_another_key_is_refused()
    {
        var ticket = Sessions().Begin(Prepared(token), Account, Purpose);

        var failure = Assert.Throws<SigningSessionException>(() =>
            Sessions().Complete(ticket.Token, AgentSigns(TestKeys.Rsa("Lê Văn Cường"), ticket), Account, Purpose));

        Assert.Equal(SigningSessionFailure.BadSignature, failure.Failure);
    }

    private SigningSessions Sessions() => new(protection, clock);

    private PreparedCms Prepared(X509Certificate2 certificate) =>
        CadesSignedData.Prepare(SHA256.HashData(Document), certificate, [], clock.GetUtcNow());

    /// <summary>What the local agent does with the ticket the page hands it: sign the base64 hash with the token's key.</summary>
    private static byte[] AgentSigns(X509Certificate2 key, SigningTicket ticket) =>
        TestKeys.Sign(key, Convert.FromBase64String(ticket.HashToSign));
}
