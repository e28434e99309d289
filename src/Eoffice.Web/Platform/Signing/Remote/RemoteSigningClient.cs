using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eoffice.Web.Platform.Signing.Remote;

/// <summary>
/// The wire format of the remote signing protocol (docs/signing-protocols.md, "Remote signing service"), and only
/// that: URLs, JSON bodies, status words, authentication headers and the callback's header are all written here, so
/// that adapting eOffice to a vendor's API (VNPT SmartCA, Viettel MySign, …) means changing this one class. Everything
/// it hands out is already decoded (bytes, certificates, <see cref="RemoteTransactionState"/>); anything the protocol
/// does not allow becomes a <see cref="RemoteSigningException"/> with <see cref="RemoteSigningFailure.Protocol"/>.
/// </summary>
public sealed class RemoteSigningClient
{
    /// <summary>The callback's header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body.</summary>
    public const string CallbackSignatureHeader = "X-Signature";

    private const string CallbackSignaturePrefix = "sha256=";
    private const string HashAlgorithm = "SHA-256";
    private static readonly TimeSpan TokenRenewalMargin = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient http;
    private readonly Uri root;
    private readonly TimeProvider time;
    private AccessToken? accessToken;

    public RemoteSigningClient(HttpClient http, RemoteSigningOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.BaseUrl.IsAbsoluteUri
            || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && !options.BaseUrl.IsLoopback))
        {
            throw new ArgumentException("The remote signing service must be reached over HTTPS.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.ApiKey) && (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret)))
        {
            throw new ArgumentException("Configure either an API key or client credentials for the remote signing service.", nameof(options));
        }

        this.http = http;
        this.time = time ?? TimeProvider.System;
        Options = options;
        var text = options.BaseUrl.AbsoluteUri;
        root = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    public RemoteSigningOptions Options { get; }

    /// <summary>The certificates the service holds for one of its users (their id at the service, not ours).</summary>
    public async Task<IReadOnlyList<RemoteCertificate>> ListCertificatesAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var body = await SendAsync<CertificateListBody>(HttpMethod.Get, $"v1/users/{Uri.EscapeDataString(userId)}/certificates",
            content: null, cancellationToken);
        return [.. (body.Certificates ?? []).Select(c => new RemoteCertificate(
            Required(c.Id, "certificates[].id"),
            Certificate(Required(c.Certificate, "certificates[].certificate")),
            Chain(c.Chain)))];
    }

    /// <summary>Asks the service to have the person sign <paramref name="request"/>'s hash; the answer is a transaction to poll.</summary>
    public async Task<RemoteSigningTransaction> StartAsync(RemoteSigningStartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HashToSign.Length != 32)
        {
            throw new ArgumentException("The hash to sign must be a SHA-256 hash (32 bytes).", nameof(request));
        }

        var submit = new SubmitBody(request.UserId, request.CertificateId, Convert.ToBase64String(request.HashToSign), HashAlgorithm,
            request.Description, Options.CallbackUrl?.AbsoluteUri, (int)Math.Ceiling(Options.TransactionLifetime.TotalSeconds));
        var body = await SendAsync<TransactionBody>(HttpMethod.Post, "v1/signatures", JsonContent.Create(submit, options: Json),
            cancellationToken);
        return new RemoteSigningTransaction(Required(body.TransactionId, "transactionId"), body.ExpiresAt);
    }

    public async Task<RemoteTransactionStatus> GetStatusAsync(string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        var body = await SendAsync<StatusBody>(HttpMethod.Get, $"v1/signatures/{Uri.EscapeDataString(transactionId)}",
            content: null, cancellationToken);
        var state = State(body.Status);
        if (state != RemoteTransactionState.Approved)
        {
            return new RemoteTransactionStatus(transactionId, state, null, null, [], body.Reason);
        }

        return new RemoteTransactionStatus(transactionId, state,
            Base64(Required(body.Signature, "signature"), "signature"),
            Certificate(Required(body.Certificate, "certificate")),
            Chain(body.Chain), body.Reason);
    }

    /// <summary>The HMAC carried by a callback's <see cref="CallbackSignatureHeader"/>, or null when the header is malformed.</summary>
    internal static byte[]? CallbackMac(string? headerValue)
    {
        if (headerValue is null || !headerValue.StartsWith(CallbackSignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var mac = Convert.FromHexString(headerValue.AsSpan(CallbackSignaturePrefix.Length).Trim());
            return mac.Length == HMACSHA256.HashSizeInBytes ? mac : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The callback's body <c>{ "transactionId": …, "status": … }</c>, or null when it is not that.</summary>
    internal static RemoteSigningNotification? CallbackNotification(ReadOnlySpan<byte> body)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<CallbackBody>(body, Json);
            return notice?.TransactionId is { Length: > 0 } id && TryState(notice.Status, out var state)
                ? new RemoteSigningNotification(id, state)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(root, path)) { Content = content };
        await AuthenticateAsync(request, cancellationToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                accessToken = null;
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, cancellationToken);
                throw Protocol($"HTTP {(int)response.StatusCode} trên {path}{error}");
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken) ?? throw Protocol($"{path} trả về nội dung rỗng");
        }
        catch (HttpRequestException exception)
        {
            throw Protocol($"không kết nối được ({exception.Message})", exception);
        }
        catch (JsonException exception)
        {
            throw Protocol($"{path} trả về JSON không hợp lệ", exception);
        }
    }

    private async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Options.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(Options.ApiKeyHeader, Options.ApiKey);
            return;
        }

        var token = accessToken;
        if (token is null || time.GetUtcNow() >= token.RenewAt)
        {
            token = accessToken = await RequestTokenAsync(cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
    }

    private async Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Options.ClientId!,
            ["client_secret"] = Options.ClientSecret!,
        });
        try
        {
            using var response = await http.PostAsync(new Uri(root, "v1/oauth/token"), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Protocol($"không cấp mã truy cập (HTTP {(int)response.StatusCode}){await ReadErrorAsync(response, cancellationToken)}");
            }

            var body = await response.Content.ReadFromJsonAsync<TokenBody>(Json, cancellationToken);
            if (body?.AccessToken is not { Length: > 0 } value || !string.Equals(body.TokenType, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                throw Protocol("mã truy cập không hợp lệ");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(0, body.ExpiresIn ?? 0));
            return new AccessToken(value, time.GetUtcNow() + lifetime - TokenRenewalMargin);
        }
        catch (HttpRequestException exception)
        {
            throw Protocol($"không kết nối được ({exception.Message})", exception);
        }
        catch (JsonException exception)
        {
            throw Protocol("mã truy cập không phải JSON hợp lệ", exception);
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorBody>(Json, cancellationToken);
            return error?.Message is { Length: > 0 } message ? $": {error.Error} {message}" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static RemoteTransactionState State(string? status) =>
        TryState(status, out var state) ? state : throw Protocol($"trạng thái giao dịch không xác định \"{status}\"");

    private static bool TryState(string? status, out RemoteTransactionState state)
    {
        (var known, state) = status switch
        {
            "pending" => (true, RemoteTransactionState.Pending),
            "approved" => (true, RemoteTransactionState.Approved),
            "rejected" => (true, RemoteTransactionState.Rejected),
            "expired" => (true, RemoteTransactionState.Expired),
            _ => (false, default),
        };
        return known;
    }

    private static X509Certificate2 Certificate(string base64)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Base64(base64, "certificate"));
        }
        catch (CryptographicException exception)
        {
            throw Protocol("chứng thư số trả về không đọc được", exception);
        }
    }

    private static X509Certificate2[] Chain(IReadOnlyList<string>? chain) => [.. (chain ?? []).Select(Certificate)];

    private static byte[] Base64(string value, string field)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException exception)
        {
            throw Protocol($"trường {field} không phải base64", exception);
        }
    }

    private static string Required(string? value, string field) =>
        value is { Length: > 0 } ? value : throw Protocol($"thiếu trường {field}");

    private static RemoteSigningException Protocol(string detail, Exception? inner = null) =>
        new(RemoteSigningFailure.Protocol, $"Dịch vụ ký số từ xa trả lời không đúng giao thức: {detail}.", inner);

    private sealed record AccessToken(string Value, DateTimeOffset RenewAt);

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("token_type")] string? TokenType,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    private sealed record ErrorBody(string? Error, string? Message);

    private sealed record CertificateListBody(IReadOnlyList<CertificateBody>? Certificates);

    private sealed record CertificateBody(string? Id, string? Certificate, IReadOnlyList<string>? Chain);

    private sealed record SubmitBody(
        string UserId, string CertificateId, string Hash, string HashAlgorithm, string Description, string? CallbackUrl,
        int ExpiresInSeconds);

    private sealed record TransactionBody(string? TransactionId, DateTimeOffset? ExpiresAt);

    private sealed record StatusBody(
        string? TransactionId, string? Status, string? Signature, string? Certificate, IReadOnlyList<string>? Chain, string? Reason);

    private sealed record CallbackBody(string? TransactionId, string? Status);
}

/// <summary>A certificate the remote service holds for a person; <see cref="Id"/> is how the service names it in a transaction.</summary>
public sealed record RemoteCertificate(string Id, X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain);

/// <param name="UserId">The person's id at the service (e.g. their citizen id or the service's account name).</param>
/// <param name="CertificateId">The service's id of the certificate to sign with (<see cref="RemoteCertificate.Id"/>).</param>
/// <param name="HashToSign">SHA-256 of the CMS signed attributes (<see cref="PreparedCms.HashToSign"/>).</param>
/// <param name="Description">What the phone shows the person, in Vietnamese (the document's subject).</param>
public sealed record RemoteSigningStartRequest(string UserId, string CertificateId, byte[] HashToSign, string Description);

public sealed record RemoteSigningTransaction(string TransactionId, DateTimeOffset? ExpiresAt);

public enum RemoteTransactionState
{
    Pending,
    Approved,
    Rejected,
    Expired,
}

/// <summary>
/// Where a transaction stands. An approved one carries the signature value and the certificate the service says it
/// used; neither is trusted until <see cref="RemoteCmsSigner"/> has checked them.
/// </summary>
public sealed record RemoteTransactionStatus(
    string TransactionId,
    RemoteTransactionState State,
    byte[]? SignatureValue,
    X509Certificate2? Certificate,
    IReadOnlyList<X509Certificate2> Chain,
    string? Reason);

/// <summary>A verified callback: only a hint that <see cref="TransactionId"/> changed; the result is always fetched by status.</summary>
public sealed record RemoteSigningNotification(string TransactionId, RemoteTransactionState State);
