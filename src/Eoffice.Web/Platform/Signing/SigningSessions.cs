using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Eoffice.Web.Platform.Signing.Remote;
using Microsoft.AspNetCore.DataProtection;

namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// The server's half of a signature whose key is elsewhere and answers later: the local signing agent on the person's
/// machine (docs/signing-protocols.md, "Local signing agent") or a remote signing service where the person approves on
/// the phone. <see cref="Begin"/> seals the prepared CMS attributes, the certificate, the account, the purpose, the
/// remote service's transaction (if any) and an expiry into an opaque token for the page; the page has the agent sign
/// the hash (or waits for the phone) and posts back with the token; <see cref="Open"/> checks the token and gives the
/// session back, <see cref="Complete"/> also verifies the agent's value and assembles the CMS. Nothing is kept
/// on the server between the calls, so any node of a cluster sharing the Data Protection key ring can complete a
/// session begun on another. The attributes are not secret; Data Protection is used for their integrity and for the
/// binding to account, purpose and expiry.
/// </summary>
public sealed class SigningSessions(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long the person has to enter the token's PIN and let the agent sign.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const int PayloadVersion = 1;

    private readonly IDataProtector protector = protection.CreateProtector("Eoffice.Platform.Signing.Agent.Session.v1");

    /// <param name="prepared">The attributes prepared for the certificate the agent listed (phase one of <see cref="CadesSignedData"/>).</param>
    /// <param name="accountId">The signed-in account that may complete the session.</param>
    /// <param name="purpose">What the signature is for (e.g. the document and signature field), checked again on completion.</param>
    /// <param name="transactionId">The remote signing service's transaction for this signature; null for the local agent.</param>
    public SigningTicket Begin(PreparedCms prepared, Guid accountId, string purpose, string? transactionId = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var expiresAt = time.GetUtcNow() + Lifetime;
        var payload = new SessionPayload(PayloadVersion, accountId, purpose, expiresAt, prepared.SigningTime,
            prepared.SignedAttributes, prepared.Certificate.RawData, [.. prepared.Chain.Select(c => c.RawData)], transactionId);
        return new SigningTicket(protector.Protect(JsonSerializer.Serialize(payload)), Convert.ToBase64String(prepared.HashToSign),
            SignatureValues.Thumbprint(prepared.Certificate), expiresAt);
    }

    /// <summary>The CMS around the agent's signature value, once token, account, purpose and signature all check out.</summary>
    public CmsSignature Complete(string token, byte[] signatureValue, Guid accountId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(signatureValue);
        var prepared = Open(token, accountId, purpose).Prepared;
        if (!SignatureValues.Verify(prepared.Certificate, prepared.HashToSign, signatureValue))
        {
            throw new SigningSessionException(SigningSessionFailure.BadSignature,
                "Chữ ký do phần mềm ký số trả về không khớp với chứng thư số đã chọn.");
        }

        return new CmsSignature(CadesSignedData.Assemble(prepared, signatureValue), prepared.Certificate);
    }

    /// <summary>The session a token carries, once it is this cluster's, unexpired, the account's and for this purpose.</summary>
    public SigningSession Open(string token, Guid accountId, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var payload = Read(token);
        if (time.GetUtcNow() >= payload.ExpiresAt)
        {
            throw new SigningSessionException(SigningSessionFailure.Expired,
                "Phiên ký số đã hết hạn. Vui lòng thực hiện ký lại.");
        }

        if (payload.AccountId != accountId)
        {
            throw new SigningSessionException(SigningSessionFailure.WrongAccount,
                "Phiên ký số này thuộc về một tài khoản khác.");
        }

        if (!string.Equals(payload.Purpose, purpose, StringComparison.Ordinal))
        {
            throw new SigningSessionException(SigningSessionFailure.WrongPurpose,
                "Phiên ký số này được tạo cho một văn bản hoặc thao tác khác.");
        }

        return new SigningSession(Prepared(payload), payload.TransactionId, payload.ExpiresAt);
    }

    private SessionPayload Read(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        try
        {
            var payload = JsonSerializer.Deserialize<SessionPayload>(protector.Unprotect(token));
            return payload is { Version: PayloadVersion } ? payload : throw InvalidToken(null);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            throw InvalidToken(exception);
        }
    }

    private static PreparedCms Prepared(SessionPayload payload) =>
        new(payload.SignedAttributes, SHA256.HashData(payload.SignedAttributes),
            X509CertificateLoader.LoadCertificate(payload.Certificate),
            [.. payload.Chain.Select(X509CertificateLoader.LoadCertificate)], payload.SigningTime);

    private static SigningSessionException InvalidToken(Exception? inner) =>
        new(SigningSessionFailure.InvalidToken, "Phiên ký số không hợp lệ. Vui lòng thực hiện ký lại.", inner);

    private sealed record SessionPayload(
        int Version, Guid AccountId, string Purpose, DateTimeOffset ExpiresAt, DateTimeOffset SigningTime,
        byte[] SignedAttributes, byte[] Certificate, byte[][] Chain, string? TransactionId);
}

/// <summary>
/// What the page needs to have the local agent sign: the opaque <see cref="Token"/> to post back, the
/// <see cref="HashToSign"/> (base64) and the SHA-256 <see cref="CertificateThumbprint"/> of the token's certificate.
/// </summary>
public sealed record SigningTicket(string Token, string HashToSign, string CertificateThumbprint, DateTimeOffset ExpiresAt);

/// <summary>An opened session: the prepared attributes to complete, and the remote service's transaction when there is one.</summary>
public sealed record SigningSession(PreparedCms Prepared, string? TransactionId, DateTimeOffset ExpiresAt);

/// <summary>Why a signature posted back from the page was refused; messages are Vietnamese because they reach the signer.</summary>
public sealed class SigningSessionException(SigningSessionFailure failure, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public SigningSessionFailure Failure { get; } = failure;
}

public enum SigningSessionFailure
{
    /// <summary>The token was not issued by this cluster, was altered or is unreadable.</summary>
    InvalidToken,

    /// <summary>The token's lifetime (<see cref="SigningSessions.Lifetime"/>) is over.</summary>
    Expired,

    /// <summary>Another account began the session.</summary>
    WrongAccount,

    /// <summary>The session was begun for another document or action.</summary>
    WrongPurpose,

    /// <summary>The value does not verify over the hash with the prepared certificate.</summary>
    BadSignature,
}
