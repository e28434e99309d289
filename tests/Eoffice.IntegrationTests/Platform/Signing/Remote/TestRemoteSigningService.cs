using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eoffice.IntegrationTests.Platform.Signing.Remote;

/// <summary>
/// A remote signing service on 127.0.0.1 (Kestrel, a free port) speaking the protocol of docs/signing-protocols.md,
/// written independently of the production client (JSON read as raw elements, HMAC computed here). It holds the keys of
/// one person's two certificates and plays the person's phone as each transaction's <see cref="TransactionScript"/>
/// says; it also receives callbacks at <c>/test/callbacks</c> so a test can check what a real service would send.
/// </summary>
public sealed class TestRemoteSigningService : IAsyncDisposable
{
    public const string ApiKey = "khoa-api-thu-nghiem";
    public const string ClientId = "eoffice-tinh-thu-nghiem";
    public const string ClientSecret = "bi-mat-ung-dung";
    public const string CallbackSecret = "bi-mat-goi-lai";
    public const string UserId = "079123456789";
    public const string CertificateId = "cts-chinh";
    public const string SecondCertificateId = "cts-phu";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<TransactionScript> scripts = new();
    private readonly ConcurrentDictionary<string, byte> issuedTokens = new();
    private readonly HttpClient callbackSender = new();

    private TestRemoteSigningService(WebApplication app, X509Certificate2 certificate, X509Certificate2 secondCertificate)
    {
        this.app = app;
        Certificate = certificate;
        SecondCertificate = secondCertificate;
    }

    /// <summary>The person's certificate eOffice has on record.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Another certificate of the same person at the service, which eOffice does not expect.</summary>
    public X509Certificate2 SecondCertificate { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri CallbackUrl => new(BaseUrl, "test/callbacks");

    public ConcurrentDictionary<string, Transaction> Transactions { get; } = new();

    public ConcurrentQueue<(byte[] Body, string? Signature)> ReceivedCallbacks { get; } = new();

    public int TokensIssued => issuedTokens.Count;

    public static async Task<TestRemoteSigningService> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new TestRemoteSigningService(app, certificate ?? TestKeys.Rsa("Nguyễn Văn An"), TestKeys.Rsa("Nguyễn Văn An (phụ)"));
        service.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service.BaseUrl = new Uri(address + "/api/");
        return service;
    }

    /// <summary>How the next transaction goes; transactions without a script are approved at the first poll.</summary>
    public void Script(TransactionScript script) => scripts.Enqueue(script);

    /// <summary>POSTs the transaction's callback as the service would: the JSON body and its HMAC-SHA256 header.</summary>
    public async Task SendCallbackAsync(string transactionId, string status)
    {
        var transaction = Transactions[transactionId];
        var body = JsonSerializer.SerializeToUtf8Bytes(new { transactionId, status });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CallbackSecret), body)));
        using var response = await callbackSender.PostAsync(new Uri(transaction.CallbackUrl!), content);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        callbackSender.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map()
    {
        var api = app.MapGroup("/api/v1");
        api.MapPost("/oauth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client", message = "Sai thông tin ứng dụng." }, statusCode: 401);
            }

            var token = Guid.NewGuid().ToString("N");
            issuedTokens[token] = 0;
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 3600 });
        });

        var secured = api.MapGroup("").AddEndpointFilter(async (context, next) =>
            Authorised(context.HttpContext.Request)
                ? await next(context)
                : Results.Json(new { error = "unauthorized", message = "Thiếu hoặc sai thông tin xác thực." }, statusCode: 401));

        secured.MapGet("/users/{userId}/certificates", (string userId) =>
        {
            var held = new[]
            {
                new { id = SecondCertificateId, certificate = Convert.ToBase64String(SecondCertificate.RawData), chain = Array.Empty<string>() },
                new { id = CertificateId, certificate = Convert.ToBase64String(Certificate.RawData), chain = Array.Empty<string>() },
            };
            return Results.Json(new { certificates = userId == UserId ? held : held[..0] });
        });

        secured.MapPost("/signatures", async (HttpRequest request) =>
        {
            var json = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var hash = Convert.FromBase64String(json.GetProperty("hash").GetString()!);
            var certificateId = json.GetProperty("certificateId").GetString();
            if (json.GetProperty("userId").GetString() != UserId || certificateId is not (CertificateId or SecondCertificateId)
                || json.GetProperty("hashAlgorithm").GetString() != "SHA-256" || hash.Length != 32)
            {
                return Results.Json(new { error = "invalid_request", message = "Yêu cầu ký không hợp lệ." }, statusCode: 400);
            }

            var transaction = new Transaction(
                Guid.NewGuid().ToString("N"), certificateId, hash, json.GetProperty("description").GetString()!,
                json.TryGetProperty("callbackUrl", out var callback) ? callback.GetString() : null,
                json.GetProperty("expiresInSeconds").GetInt32(),
                scripts.TryDequeue(out var script) ? script : new TransactionScript(Outcome.Approve));
            Transactions[transaction.Id] = transaction;
            return Results.Json(new { transactionId = transaction.Id, expiresAt = DateTimeOffset.UtcNow.AddSeconds(transaction.ExpiresInSeconds) },
                statusCode: 201);
        });

        secured.MapGet("/signatures/{id}", async (string id, HttpContext context) =>
        {
            if (!Transactions.TryGetValue(id, out var transaction))
            {
                return Results.Json(new { error = "not_found", message = "Không có giao dịch." }, statusCode: 404);
            }

            var polls = Interlocked.Increment(ref transaction.Polls);
            var script = transaction.Script;
            if (script.Outcome == Outcome.NeverRespond)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            if (script.Outcome == Outcome.StayPending || polls <= script.PendingPolls)
            {
                return Results.Json(new { transactionId = id, status = "pending" });
            }

            return script.Outcome switch
            {
                Outcome.Reject => Results.Json(new { transactionId = id, status = "rejected", reason = script.Reason }),
                Outcome.Expire => Results.Json(new { transactionId = id, status = "expired" }),
                Outcome.ApproveWithOtherCertificate => Approved(id, SecondCertificate, TestKeys.Sign(SecondCertificate, transaction.Hash)),
                Outcome.ApproveWithBrokenSignature => Approved(id, Certificate, Broken(TestKeys.Sign(Certificate, transaction.Hash))),
                _ => Approved(id, Certificate, TestKeys.Sign(Certificate, transaction.Hash)),
            };
        });

        app.MapPost("/api/test/callbacks", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            ReceivedCallbacks.Enqueue((buffer.ToArray(), request.Headers["X-Signature"].FirstOrDefault()));
            return Results.NoContent();
        });
    }

    private bool Authorised(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] == ApiKey)
        {
            return true;
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            && issuedTokens.ContainsKey(authorization["Bearer ".Length..]);
    }

    private static IResult Approved(string id, X509Certificate2 certificate, byte[] signature) => Results.Json(new
    {
        transactionId = id,
        status = "approved",
        signature = Convert.ToBase64String(signature),
        certificate = Convert.ToBase64String(certificate.RawData),
        chain = Array.Empty<string>(),
    });

    private static byte[] Broken(byte[] signature)
    {
        signature[signature.Length / 2] ^= 0x5A;
        return signature;
    }
}

/// <summary>What the person (or the service) does with a transaction.</summary>
public enum Outcome
{
    Approve,
    Reject,
    StayPending,
    NeverRespond,
    Expire,
    ApproveWithOtherCertificate,
    ApproveWithBrokenSignature,
}

/// <param name="PendingPolls">How many status polls answer "pending" before the outcome.</param>
public sealed record TransactionScript(Outcome Outcome, int PendingPolls = 0, string? Reason = null);

/// <summary>A transaction as the service received it.</summary>
public sealed class Transaction(string id, string certificateId, byte[] hash, string description, string? callbackUrl,
    int expiresInSeconds, TransactionScript script)
{
    public int Polls;

    public string Id { get; } = id;

    public string CertificateId { get; } = certificateId;

    public byte[] Hash { get; } = hash;

    public string Description { get; } = description;

    public string? CallbackUrl { get; } = callbackUrl;

    public int ExpiresInSeconds { get; } = expiresInSeconds;

    public TransactionScript Script { get; } = script;
}
