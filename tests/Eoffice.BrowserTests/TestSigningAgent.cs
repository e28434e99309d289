using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eoffice.BrowserTests;

/// <summary>
/// The local signing agent of docs/signing-protocols.md as a real HTTP server on the loopback interface — the program
/// a person runs beside their USB token, here holding a software key: it answers only the eOffice origin (CORS,
/// preflight included), lists its certificate and signs the SHA-256 hashes the page sends. The page's JavaScript talks
/// to it exactly as it would to the real one.
/// </summary>
public sealed class TestSigningAgent : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestSigningAgent(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        Certificate = certificate;
    }

    /// <summary>The certificate on the "token", with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public string Url { get; private set; } = "";

    /// <summary>The eOffice origin the agent answers; set once the server's port is known.</summary>
    public string AllowedOrigin { get; set; } = "";

    /// <summary>The descriptions of the requests it signed, as its PIN dialog would show them.</summary>
    public ConcurrentQueue<string> Signed { get; } = new();

    public static async Task<TestSigningAgent> StartAsync(string holder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var agent = new TestSigningAgent(app, SelfIssued(holder));
        agent.Map();
        await app.StartAsync();
        agent.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin != AllowedOrigin || AllowedOrigin.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { error = "origin_refused", message = "Origin not allowed." });
                return;
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.Vary = "Origin";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
                context.Response.Headers["Access-Control-Allow-Private-Network"] = "true";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await next(context);
        });
        app.MapGet("/v1/info", () => Results.Json(new { name = "Phần mềm ký số thử nghiệm", version = "1.0.0", protocol = 1 }));
        app.MapGet("/v1/certificates", () => Results.Json(new
        {
            certificates = new[]
            {
                new
                {
                    thumbprint = Thumbprint(Certificate), certificate = Convert.ToBase64String(Certificate.RawData), chain = Array.Empty<string>(),
                    subject = Certificate.Subject, notAfter = Certificate.NotAfter.ToUniversalTime().ToString("O"),
                },
            },
        }));
        app.MapPost("/v1/sign", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            if (!string.Equals(body.GetProperty("certificateThumbprint").GetString(), Thumbprint(Certificate), StringComparison.OrdinalIgnoreCase))
            {
                return Results.Json(new { error = "certificate_not_found", message = "No such certificate." }, statusCode: 404);
            }

            var hash = Convert.FromBase64String(body.GetProperty("hashToSign").GetString()!);
            if (hash.Length != 32 || body.GetProperty("hashAlgorithm").GetString() != "SHA-256")
            {
                return Results.Json(new { error = "bad_request", message = "SHA-256 only." }, statusCode: 400);
            }

            Signed.Enqueue(body.GetProperty("description").GetString() ?? "");
            using var key = Certificate.GetRSAPrivateKey()!;
            return Results.Json(new { signature = Convert.ToBase64String(key.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) });
        });
    }

    public static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static X509Certificate2 SelfIssued(string holder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={holder}, O=UBND tỉnh Mẫu, C=VN", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var issued = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(issued.Export(X509ContentType.Pkcs12), null);
    }
}
