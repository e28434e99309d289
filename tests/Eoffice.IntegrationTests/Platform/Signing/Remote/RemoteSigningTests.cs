using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Remote;

namespace Eoffice.IntegrationTests.Platform.Signing.Remote;

/// <summary>
/// Signing through a remote signing service, against <see cref="TestRemoteSigningService"/> over real HTTP: the person
/// approves, refuses, never answers, lets it expire, or the service answers with the wrong certificate or a broken
/// value; callbacks are authenticated by their HMAC.
/// </summary>
public sealed class RemoteSigningTests : IAsyncLifetime
{
    private const string Subject = "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2027";
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("%PDF-1.7 nội dung văn bản đi số 45/QĐ-UBND");

    private readonly HttpClient http = new();
    private TestRemoteSigningService service = null!;

    public async Task InitializeAsync() => service = await TestRemoteSigningService.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await service.DisposeAsync();
    }

    [Theory]
    [InlineData("RSA")]
    [InlineData("ECDSA")]
    public async Task An_approval_after_some_polls_gives_a_CMS_that_verifies_over_the_document(string keyType)
    {
        await service.DisposeAsync();
        service = await TestRemoteSigningService.StartAsync(keyType == "RSA" ? TestKeys.Rsa("Trần Thị Bình") : TestKeys.Ec("Trần Thị Bình"));
        service.Script(new TransactionScript(Outcome.Approve, PendingPolls: 2));

        var signature = await Signer(Options()).SignAsync(Request(), CancellationToken.None);

        var cms = Verified(signature.Der, Document);
        Assert.Equal(service.Certificate.RawData, cms.SignerInfos[0].Certificate!.RawData);
        Assert.Equal(service.Certificate.RawData, signature.Certificate.RawData);
        Assert.Throws<CryptographicException>(() => Verified(signature.Der, Encoding.UTF8.GetBytes("một văn bản khác")));
        var transaction = Assert.Single(service.Transactions.Values);
        Assert.Equal(TestRemoteSigningService.CertificateId, transaction.CertificateId);
        Assert.Equal(Subject, transaction.Description);
        Assert.Equal(service.CallbackUrl.AbsoluteUri, transaction.CallbackUrl);
        Assert.Equal(120, transaction.ExpiresInSeconds);
        Assert.Equal(3, transaction.Polls);
    }

    [Fact]
    public async Task Client_credentials_are_exchanged_once_for_a_bearer_token_that_both_signatures_use()
    {
        var options = Options();
        options.ApiKey = null;
        options.ClientId = TestRemoteSigningService.ClientId;
        options.ClientSecret = TestRemoteSigningService.ClientSecret;
        var client = new RemoteSigningClient(http, options);
        var signer = new RemoteCmsSigner(client, TestRemoteSigningService.UserId, Thumbprint(service.Certificate), Subject);

        Verified((await signer.SignAsync(Request(), CancellationToken.None)).Der, Document);
        Verified((await signer.SignAsync(Request(), CancellationToken.None)).Der, Document);

        Assert.Equal(1, service.TokensIssued);
        Assert.Equal(2, service.Transactions.Count);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_protocol_failure_before_any_transaction()
    {
        var options = Options();
        options.ApiKey = "khoa-sai";

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => Signer(options).SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.Protocol, failure.Failure);
        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Empty(service.Transactions);
    }

    [Fact]
    public async Task A_rejection_on_the_phone_fails_as_rejected_with_the_persons_reason()
    {
        service.Script(new TransactionScript(Outcome.Reject, PendingPolls: 1, Reason: "Nội dung chưa đúng, đề nghị sửa lại"));

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => Signer(Options()).SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.Rejected, failure.Failure);
        Assert.Equal("Nội dung chưa đúng, đề nghị sửa lại", failure.Reason);
        Assert.Contains("Nội dung chưa đúng, đề nghị sửa lại", failure.Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(service.Transactions.Keys), failure.TransactionId);
    }

    [Theory]
    [InlineData(nameof(Outcome.StayPending))]
    [InlineData(nameof(Outcome.NeverRespond))]
    public async Task A_person_who_never_answers_times_out_within_the_configured_time(string outcome)
    {
        service.Script(new TransactionScript(Enum.Parse<Outcome>(outcome)));
        var options = Options();
        options.Timeout = TimeSpan.FromSeconds(1);
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => Signer(options).SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.TimedOut, failure.Failure);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.NotNull(failure.TransactionId);
    }

    [Fact]
    public async Task A_transaction_the_service_expires_fails_as_expired()
    {
        service.Script(new TransactionScript(Outcome.Expire, PendingPolls: 2));

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => Signer(Options()).SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.Expired, failure.Failure);
    }

    [Fact]
    public async Task An_approval_made_with_another_certificate_is_refused()
    {
        service.Script(new TransactionScript(Outcome.ApproveWithOtherCertificate));

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => Signer(Options()).SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.WrongCertificate, failure.Failure);
    }

    [Fact]
    public async Task A_certificate_the_service_does_not_hold_for_the_person_is_refused_before_asking_the_phone()
    {
        var signer = new RemoteCmsSigner(new RemoteSigningClient(http, Options()), TestRemoteSigningService.UserId,
            Thumbprint(TestKeys.Rsa("Người khác")), Subject);

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => signer.SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.WrongCertificate, failure.Failure);
        Assert.Empty(service.Transactions);
    }

    [Fact]
    public async Task An_approval_whose_signature_does_not_verify_is_refused()
    {
        service.Script(new TransactionScript(Outcome.ApproveWithBrokenSignature, PendingPolls: 1));

        var failure = await Assert.ThrowsAsync<RemoteSigningException>(() => Signer(Options()).SignAsync(Request(), CancellationToken.None));

        Assert.Equal(RemoteSigningFailure.BadSignature, failure.Failure);
    }

    [Fact]
    public async Task The_services_callback_is_accepted_with_its_hmac_and_refused_when_its_body_is_altered()
    {
        service.Script(new TransactionScript(Outcome.Approve));
        await Signer(Options()).SignAsync(Request(), CancellationToken.None);
        var transactionId = Assert.Single(service.Transactions.Keys);

        await service.SendCallbackAsync(transactionId, "approved");
        var (body, header) = Assert.Single(service.ReceivedCallbacks);

        Assert.True(RemoteSigningCallback.TryVerify(body, header, TestRemoteSigningService.CallbackSecret, out var notification));
        Assert.Equal(new RemoteSigningNotification(transactionId, RemoteTransactionState.Approved), notification);

        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("approved", "rejected", StringComparison.Ordinal));
        Assert.False(RemoteSigningCallback.TryVerify(altered, header, TestRemoteSigningService.CallbackSecret, out _));
        Assert.False(RemoteSigningCallback.TryVerify(body, header, "bi-mat-khac", out _));
        Assert.False(RemoteSigningCallback.TryVerify(body, null, TestRemoteSigningService.CallbackSecret, out _));
        Assert.False(RemoteSigningCallback.TryVerify(body, header!.Replace("sha256=", "", StringComparison.Ordinal),
            TestRemoteSigningService.CallbackSecret, out _));
    }

    private RemoteSigningOptions Options() => new()
    {
        BaseUrl = service.BaseUrl,
        ApiKey = TestRemoteSigningService.ApiKey,
        CallbackUrl = service.CallbackUrl,
        CallbackSecret = TestRemoteSigningService.CallbackSecret,
        PollInterval = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromSeconds(10),
        TransactionLifetime = TimeSpan.FromMinutes(2),
    };

    private RemoteCmsSigner Signer(RemoteSigningOptions options) =>
        new(new RemoteSigningClient(http, options), TestRemoteSigningService.UserId, Thumbprint(service.Certificate), Subject);

    private static CmsSignatureRequest Request() => new(SHA256.HashData(Document), DateTimeOffset.UtcNow);

    private static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    internal static SignedCms Verified(byte[] der, byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(der);
        cms.CheckSignature(verifySignatureOnly: true);
        return cms;
    }
}
