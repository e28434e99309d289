using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>
/// The relying-party side of OpenID Connect, built from the framework's HTTP client and the IdentityModel token pieces
/// (the ASP.NET Core OpenIdConnect handler is not available from our package source): discovery, the authorization
/// request with PKCE, the code exchange and the validation of the id_token (signature from the JWKS, issuer, audience,
/// lifetime, nonce). Discovery documents are cached per provider and refreshed when a signing key is unknown.
/// </summary>
public sealed class OidcClient(IHttpClientFactory httpClients, TimeProvider time)
{
    /// <summary>The named HTTP client used for every call to an authorisation server.</summary>
    public const string HttpClientName = "eoffice-oidc";

    /// <summary>Tolerated difference between our clock and the authorisation server's.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> configurations = new();

    /// <summary>A validated id_token: who the authorisation server says signed in.</summary>
    public sealed record VerifiedIdentity(string Subject, string? Email, bool EmailVerified, string? FullName, string? UserName);

    /// <summary>Something an authorisation server did or sent that eOffice cannot accept.</summary>
    public sealed class OidcException(string message, ExternalSignInFailure failure = ExternalSignInFailure.ProtocolError, Exception? inner = null)
        : Exception(message, inner)
    {
        public ExternalSignInFailure Failure { get; } = failure;
    }

    /// <summary>HTTPS is required, except on the loopback interface (a server on the same machine, and tests).</summary>
    public static bool IsAcceptableAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.Query);

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(ExternalSignInProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await Manager(provider).GetConfigurationAsync(cancellationToken);
            if (!SameIssuer(configuration.Issuer, provider.Authority!))
            {
                throw new OidcException($"discovery issuer '{configuration.Issuer}' is not the configured authority", ExternalSignInFailure.ProviderUnavailable);
            }

            return configuration;
        }
        catch (Exception ex) when (ex is not OidcException and not OperationCanceledException)
        {
            throw new OidcException("discovery failed: " + ex.Message, ExternalSignInFailure.ProviderUnavailable, ex);
        }
    }

    /// <summary>The address the browser is sent to, asking for a code bound to the PKCE challenge, state and nonce.</summary>
    public static string AuthorizationUrl(OpenIdConnectConfiguration configuration, ExternalSignInProvider provider, string redirectUri,
        string state, string nonce, string codeVerifier)
    {
        if (!IsAcceptableEndpoint(configuration.AuthorizationEndpoint))
        {
            throw new OidcException("the authorization endpoint is not an acceptable address", ExternalSignInFailure.ProviderUnavailable);
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = provider.ScopesOrDefault,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = Pkce.ChallengeOf(codeVerifier),
            ["code_challenge_method"] = "S256",
        });
    }

    /// <summary>Redeems the code at the token endpoint and validates the id_token it returns.</summary>
    public async Task<VerifiedIdentity> RedeemCodeAsync(ExternalSignInProvider provider, string? clientSecret, string code, string redirectUri,
        string codeVerifier, string nonce, CancellationToken cancellationToken)
    {
        var configuration = await GetConfigurationAsync(provider, cancellationToken);
        var idToken = await ExchangeAsync(configuration, provider, clientSecret, code, redirectUri, codeVerifier, cancellationToken);
        var result = await ValidateAsync(idToken, configuration, provider);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The server may have rotated its keys since the discovery document was cached.
            Manager(provider).RequestRefresh();
            configuration = await GetConfigurationAsync(provider, cancellationToken);
            result = await ValidateAsync(idToken, configuration, provider);
        }

        if (!result.IsValid)
        {
            throw new OidcException("id_token rejected: " + (result.Exception?.Message ?? "invalid"), inner: result.Exception);
        }

        var claims = result.ClaimsIdentity;
        if (claims.FindFirst("nonce")?.Value is not { } tokenNonce
            || !CryptographicEquals(tokenNonce, nonce))
        {
            throw new OidcException("id_token nonce does not match the sign-in request");
        }

        var subject = claims.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            throw new OidcException("id_token has no subject");
        }

        return new VerifiedIdentity(
            subject,
            Value(claims, provider.EmailFieldOrDefault),
            !string.Equals(claims.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase),
            Value(claims, provider.NameFieldOrDefault),
            Value(claims, provider.UserNameFieldOrDefault));
    }

    private async Task<string> ExchangeAsync(OpenIdConnectConfiguration configuration, ExternalSignInProvider provider, string? clientSecret,
        string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        if (!IsAcceptableEndpoint(configuration.TokenEndpoint))
        {
            throw new OidcException("the token endpoint is not an acceptable address", ExternalSignInFailure.ProviderUnavailable);
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
            ["client_id"] = provider.ClientId!,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        if (!string.IsNullOrEmpty(clientSecret))
        {
            var methods = configuration.TokenEndpointAuthMethodsSupported;
            if (methods.Count > 0 && !methods.Contains("client_secret_basic") && methods.Contains("client_secret_post"))
            {
                form["client_secret"] = clientSecret;
            }
            else
            {
                // RFC 6749 §2.3.1: both parts form-encoded before Base64.
                var pair = Uri.EscapeDataString(provider.ClientId!) + ":" + Uri.EscapeDataString(clientSecret);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }
        }

        request.Content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new OidcException("token endpoint unreachable: " + ex.Message, ExternalSignInFailure.ProviderUnavailable, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement json;
            try
            {
                json = JsonDocument.Parse(body).RootElement;
            }
            catch (JsonException)
            {
                throw new OidcException($"token endpoint answered {(int)response.StatusCode} without JSON");
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var e) ? e.GetString() : null;
                throw new OidcException($"token endpoint refused the code ({(int)response.StatusCode} {error})");
            }

            return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id_token", out var token) && token.GetString() is { Length: > 0 } idToken
                ? idToken
                : throw new OidcException("token endpoint returned no id_token");
        }
    }

    private Task<TokenValidationResult> ValidateAsync(string idToken, OpenIdConnectConfiguration configuration, ExternalSignInProvider provider) =>
        new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512],
            // Checked against the injected clock rather than the library's own.
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
        });

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } until && until.ToUniversalTime() + ClockSkew > now
            && (notBefore is not { } from || from.ToUniversalTime() - ClockSkew <= now);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(ExternalSignInProvider provider)
    {
        var authority = provider.Authority ?? throw new OidcException("the provider has no authority", ExternalSignInFailure.ProviderUnavailable);
        return configurations.GetOrAdd($"{provider.Id:N}|{authority}", _ => new ConfigurationManager<OpenIdConnectConfiguration>(
            authority.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new FactoryDocumentRetriever(httpClients)));
    }

    private static bool IsAcceptableEndpoint(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static bool SameIssuer(string? issuer, string authority) =>
        issuer is not null && string.Equals(issuer.TrimEnd('/'), authority.TrimEnd('/'), StringComparison.Ordinal);

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string? Value(ClaimsIdentity claims, string type) =>
        claims.FindFirst(type)?.Value is { Length: > 0 } value ? value.Normalize() : null;

    /// <summary>Fetches discovery and JWKS documents through the named client (so tests and proxies can route it).</summary>
    private sealed class FactoryDocumentRetriever(IHttpClientFactory httpClients) : IDocumentRetriever
    {
        public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            if (!IsAcceptableEndpoint(address))
            {
                throw new OidcException($"'{address}' is not HTTPS", ExternalSignInFailure.ProviderUnavailable);
            }

            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(address, cancel);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancel);
        }
    }
}
