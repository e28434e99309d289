using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Eoffice.Web.Platform.Signing;
using Microsoft.AspNetCore.Http;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Eoffice.IntegrationTests.Platform.Signing;

/// <summary>
/// A real RFC 3161 time-stamping authority on 127.0.0.1, built with BouncyCastle's TimeStampResponseGenerator so the
/// tokens come from an implementation other than the .NET one that checks them. Its clock is settable
/// (<see cref="Time"/>), and it can misbehave on request: reject, answer with another nonce, answer slowly, demand basic
/// auth.
/// </summary>
public sealed class TestTimestampAuthority : IAsyncDisposable
{
    private const string PolicyOid = "1.3.6.1.4.1.99999.1.1";

    private readonly TimeStampTokenGenerator tokens;
    private readonly HttpClient http = new();
    private LocalHttpServer? server;
    private long serial;

    private TestTimestampAuthority(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        Certificate = certificate;
        using var key = certificate.GetRSAPrivateKey()!;
        tokens = new TimeStampTokenGenerator(PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey()),
            new BcCertificate(certificate.RawData), TspAlgorithms.Sha256, PolicyOid);
        tokens.SetCertificates(CollectionUtilities.CreateStore(
            new List<BcCertificate> { new(certificate.RawData), new(issuer.RawData) }));
    }

    /// <summary>The TSA's certificate (issued by the PKI it was started with).</summary>
    public X509Certificate2 Certificate { get; }

    public Uri Url => new(server!.BaseUrl, "tsa");

    /// <summary>The time written into tokens; the real clock when null.</summary>
    public DateTimeOffset? Time { get; set; }

    /// <summary>How long each answer waits.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answer every request with status rejection.</summary>
    public bool Reject { get; set; }

    /// <summary>Answer with a token for another nonce (a replayed or foreign reply).</summary>
    public bool WrongNonce { get; set; }

    /// <summary>Demand HTTP basic auth with these credentials (401 otherwise).</summary>
    public (string UserName, string Password)? RequiredCredentials { get; set; }

    public int RequestCount { get; private set; }

    /// <summary>Starts a TSA whose certificate <paramref name="pki"/> issues (valid like its other certificates by default).</summary>
    public static async Task<TestTimestampAuthority> StartAsync(TestPki pki, TestCertificateOptions? certificate = null)
    {
        var authority = new TestTimestampAuthority(pki.IssueTsa(certificate), pki.IssuingCa);
        authority.server = await LocalHttpServer.StartAsync(authority.HandleAsync);
        return authority;
    }

    /// <summary>A client for this TSA with the given options changed (credentials, timeout).</summary>
    public TimestampClient Client(Func<TimestampOptions, TimestampOptions>? configure = null) =>
        new(http, configure is null ? new TimestampOptions(Url) : configure(new TimestampOptions(Url)));

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        RequestCount++;
        if (RequiredCredentials is { } credentials)
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}"));
            if (context.Request.Headers.Authorization.ToString() != expected)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new TimeStampRequest(body.ToArray());
        var generator = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);
        TimeStampResponse response;
        if (Reject)
        {
            response = generator.GenerateFailResponse(PkiStatus.Rejection, PkiFailureInfo.BadRequest, "rejected by the test TSA");
        }
        else
        {
            if (WrongNonce)
            {
                var other = new TimeStampRequestGenerator();
                other.SetCertReq(request.CertReq);
                request = other.Generate(request.MessageImprintAlgOid, request.GetMessageImprintDigest(),
                    request.Nonce.Add(BigInteger.One));
            }

            var time = (Time ?? DateTimeOffset.UtcNow).UtcDateTime;
            response = generator.Generate(request, BigInteger.ValueOf(Interlocked.Increment(ref serial)), time);
        }

        context.Response.ContentType = "application/timestamp-reply";
        await context.Response.Body.WriteAsync(response.GetEncoded(), context.RequestAborted);
    }
}
