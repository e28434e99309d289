namespace Eoffice.Web.Platform.Signing.Remote;

/// <summary>
/// Signs through a remote signing service for background use (a job that waits while the person approves on the
/// phone): the certificate named by its SHA-256 thumbprint is looked up at the service, the CMS attributes are prepared
/// for it, the hash goes out as a transaction, and the status is polled until an answer or
/// <see cref="RemoteSigningOptions.Timeout"/>. The service is not trusted with the result: the certificate it says it
/// used must be the expected one (nobody signs with someone else's certificate) and the value must verify over the
/// hash, or the signature is refused before anything is assembled.
/// </summary>
public sealed class RemoteCmsSigner : ICmsSigner
{
    private readonly RemoteSigningClient client;
    private readonly string userId;
    private readonly string certificateThumbprint;
    private readonly string description;
    private readonly ITimestampClient? timestamps;
    private readonly TimeProvider time;

    /// <param name="client">The service's wire client.</param>
    /// <param name="userId">The person's id at the service.</param>
    /// <param name="certificateThumbprint">SHA-256 thumbprint (hex) of the certificate eOffice has on record for the person.</param>
    /// <param name="description">What the phone shows: the document's subject, in Vietnamese.</param>
    /// <param name="timestamps">Time-stamps the signature value (PAdES B-T) when set.</param>
    /// <param name="time">The clock of the poll interval and the time-out.</param>
    public RemoteCmsSigner(RemoteSigningClient client, string userId, string certificateThumbprint, string description,
        ITimestampClient? timestamps = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(certificateThumbprint);
        ArgumentException.ThrowIfNullOrEmpty(description);
        this.client = client;
        this.userId = userId;
        this.certificateThumbprint = certificateThumbprint;
        this.description = description;
        this.timestamps = timestamps;
        this.time = time ?? TimeProvider.System;
    }

    public async Task<CmsSignature> SignAsync(CmsSignatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificates = await client.ListCertificatesAsync(userId, cancellationToken);
        var chosen = certificates.FirstOrDefault(c => SignatureValues.HasThumbprint(c.Certificate, certificateThumbprint))
            ?? throw new RemoteSigningException(RemoteSigningFailure.WrongCertificate,
                "Dịch vụ ký số từ xa không có chứng thư số đã đăng ký của người ký trong eOffice.");
        var prepared = CadesSignedData.Prepare(request.DocumentDigest, chosen.Certificate, chosen.Chain, request.SigningTime);
        var answer = await AwaitAnswerAsync(chosen, prepared, cancellationToken);

        if (answer.State == RemoteTransactionState.Rejected)
        {
            throw new RemoteSigningException(RemoteSigningFailure.Rejected,
                answer.Reason is { Length: > 0 } reason ? $"Người ký đã từ chối ký: {reason}" : "Người ký đã từ chối ký.")
            {
                Reason = answer.Reason,
                TransactionId = answer.TransactionId,
            };
        }

        if (answer.State == RemoteTransactionState.Expired)
        {
            throw new RemoteSigningException(RemoteSigningFailure.Expired,
                "Yêu cầu ký số đã hết hạn trước khi người ký xác nhận trên điện thoại.") { TransactionId = answer.TransactionId };
        }

        if (answer.Certificate is null || !answer.Certificate.RawData.AsSpan().SequenceEqual(prepared.Certificate.RawData))
        {
            throw new RemoteSigningException(RemoteSigningFailure.WrongCertificate,
                "Dịch vụ ký số từ xa đã ký bằng một chứng thư số khác với chứng thư số của người ký.") { TransactionId = answer.TransactionId };
        }

        if (!SignatureValues.Verify(prepared.Certificate, prepared.HashToSign, answer.SignatureValue!))
        {
            throw new RemoteSigningException(RemoteSigningFailure.BadSignature,
                "Chữ ký do dịch vụ ký số từ xa trả về không hợp lệ.") { TransactionId = answer.TransactionId };
        }

        var token = timestamps is null ? null : await timestamps.RequestTokenAsync(answer.SignatureValue!, cancellationToken);
        return new CmsSignature(CadesSignedData.Assemble(prepared, answer.SignatureValue!, token), prepared.Certificate);
    }

    private async Task<RemoteTransactionStatus> AwaitAnswerAsync(RemoteCertificate certificate, PreparedCms prepared,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(client.Options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        string? transactionId = null;
        try
        {
            var transaction = await client.StartAsync(
                new RemoteSigningStartRequest(userId, certificate.Id, prepared.HashToSign, description), linked.Token);
            transactionId = transaction.TransactionId;
            while (true)
            {
                await Task.Delay(client.Options.PollInterval, time, linked.Token);
                var status = await client.GetStatusAsync(transactionId, linked.Token);
                if (status.State != RemoteTransactionState.Pending)
                {
                    return status;
                }
            }
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RemoteSigningException(RemoteSigningFailure.TimedOut,
                $"Người ký chưa xác nhận trên điện thoại sau {client.Options.Timeout.TotalSeconds:0} giây; eOffice đã dừng chờ.", exception)
            {
                TransactionId = transactionId,
            };
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteSigningException(RemoteSigningFailure.Protocol,
                "Dịch vụ ký số từ xa không trả lời kịp thời.", exception) { TransactionId = transactionId };
        }
    }
}
