using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Eoffice.Web.Modules.Identity.External;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect authorisation server for tests, on Kestrel at 127.0.0.1 and a free port: discovery, JWKS
/// (an RSA key made for the run), /authorize that approves at once and sends the browser back with code and state, and
/// /token that checks the client secret, redirect URI and PKCE verifier before issuing an id_token. A test can make it
/// misbehave (<see cref="Tampering"/>) to prove that eOffice refuses what it must refuse.
/// </summary>
public sealed class TestAuthorizationServer : IAsyncLifetime
{
    public const string ClientId = "eoffice-thu-nghiem";

    public const string ClientSecret = "Bi-mat@ung-dung-2026";

    private const string KeyId = "khoa-thu-nghiem-1";

    private readonly RSA rsa = RSA.Create(2048);

    private readonly RSA foreignRsa = RSA.Create(2048);

    private readonly ConcurrentDictionary<string, Grant> grants = new();

    private WebApplication? server;

    /// <summary>What the next id_token gets wrong.</summary>
    public enum TokenTampering
    {
        None,
        ForeignSignature,
        WrongAudience,
        WrongNonce,
        Expired,
        WrongIssuer,
    }

    private sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, Person Person);

    /// <summary>Who "signs in" at the server next.</summary>
    public sealed record Person(string Subject, string? Email, string? Name, string? PreferredUserName = null, bool? EmailVerified = null);

    public string Issuer { get; private set; } = string.Empty;

    public Person NextPerson { get; set; } = new("khong-ai", null, null);

    public TokenTampering Tampering { get; set; }

    /// <summary>When set, the code is bound to a challenge eOffice never made, as if the verifier sent were wrong.</summary>
    public bool BreakPkce { get; set; }

    /// <summary>Token requests answered so far (success or not).</summary>
    public int TokenRequests;

    public void Reset()
    {
        Tampering = TokenTampering.None;
        BreakPkce = false;
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic" },
        }));
        server.MapGet("/jwks", () =>
        {
            var parameters = rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                        ["n"] = Base64Url.EncodeToString(parameters.Modulus), ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                    },
                },
            });
        });
        server.MapGet("/authorize", Authorize);
        server.MapPost("/token", TokenAsync);
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = address.TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }

        rsa.Dispose();
        foreignRsa.Dispose();
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["state"]) || string.IsNullOrEmpty(query["nonce"])
            || !query["scope"].ToString().Split(' ').Contains("openid"))
        {
            return Results.BadRequest("invalid authorization request");
        }

        var code = Pkce.RandomToken();
        var challenge = BreakPkce ? Pkce.ChallengeOf(Pkce.CreateVerifier()) : query["code_challenge"].ToString();
        grants[code] = new Grant(query["redirect_uri"].ToString(), challenge, query["nonce"].ToString(), NextPerson);
        return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(query["redirect_uri"].ToString(),
            new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref TokenRequests);
        var form = await request.ReadFormAsync();
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) || header.Scheme != "Basic"
            || Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty)) != $"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(ClientSecret)}")
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant)
            || grant.RedirectUri != form["redirect_uri"] || Pkce.ChallengeOf(form["code_verifier"].ToString()) != grant.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        return Results.Json(new { access_token = Pkce.RandomToken(), token_type = "Bearer", expires_in = 300, id_token = IdToken(grant) });
    }

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = grant.Person.Subject, ["nonce"] = Tampering == TokenTampering.WrongNonce ? "khac" : grant.Nonce };
        if (grant.Person.Email is not null)
        {
            claims["email"] = grant.Person.Email;
        }

        if (grant.Person.EmailVerified is { } verified)
        {
            claims["email_verified"] = verified;
        }

        if (grant.Person.Name is not null)
        {
            claims["name"] = grant.Person.Name;
        }

        if (grant.Person.PreferredUserName is not null)
        {
            claims["preferred_username"] = grant.Person.PreferredUserName;
        }

        var expired = Tampering == TokenTampering.Expired;
        var key = new RsaSecurityKey(Tampering == TokenTampering.ForeignSignature ? foreignRsa : rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Tampering == TokenTampering.WrongIssuer ? Issuer + "/khac" : Issuer,
            Audience = Tampering == TokenTampering.WrongAudience ? "ung-dung-khac" : ClientId,
            IssuedAt = expired ? now.AddHours(-1) : now,
            NotBefore = expired ? now.AddHours(-1) : now,
            Expires = expired ? now.AddMinutes(-10) : now.AddMinutes(5),
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
