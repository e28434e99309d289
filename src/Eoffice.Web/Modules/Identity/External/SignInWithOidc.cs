using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>
/// Sign-in through an OpenID Connect server (authorization code flow with PKCE S256, state and nonce).
/// <c>GET /dang-nhap/oidc/{providerId}</c> sends the browser to the server; <c>GET /dang-nhap/oidc/callback</c> takes the
/// code back, redeems it, validates the id_token and signs in the linked account. What the flow must remember between
/// the two (state, nonce, verifier, return address) lives in a short-lived, data-protected, HTTP-only cookie.
/// Failures go back to the sign-in page with a code that the page shows as a Vietnamese message.
/// </summary>
public sealed class SignInWithOidc(EofficeDbContext db, OidcClient client, ExternalProviderSecrets secrets, SignInWithExternalIdentity signIn,
    IDataProtectionProvider dataProtection, TimeProvider time, ILogger<SignInWithOidc> logger)
{
    public const string CallbackPath = "/dang-nhap/oidc/callback";

    public const string FlowCookieName = "eoffice.oidc";

    /// <summary>How long a person has at the authorisation server before the sign-in must start over.</summary>
    public static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector protector = dataProtection.CreateProtector("Eoffice.Identity.External.OidcFlow.v1");

    private sealed record FlowState(Guid ProviderId, string State, string Nonce, string CodeVerifier, string? ReturnUrl, DateTime ExpiresAt);

    public async Task<IResult> StartAsync(Guid providerId, string? returnUrl, HttpContext http, CancellationToken cancellationToken)
    {
        var provider = await FindProviderAsync(providerId, cancellationToken);
        if (provider is null)
        {
            await signIn.AuditRefusalAsync(null, null, $"no enabled OIDC provider {providerId}", cancellationToken);
            return BackToSignIn(ExternalSignInFailure.ProviderNotFound, returnUrl);
        }

        try
        {
            var configuration = await client.GetConfigurationAsync(provider, cancellationToken);
            var flow = new FlowState(provider.Id, Pkce.RandomToken(), Pkce.RandomToken(), Pkce.CreateVerifier(),
                IsLocal(returnUrl) ? returnUrl : null, time.GetUtcNow().UtcDateTime + FlowLifetime);
            http.Response.Cookies.Append(FlowCookieName, protector.Protect(JsonSerializer.Serialize(flow)), FlowCookie(http));
            return TypedResults.Redirect(OidcClient.AuthorizationUrl(configuration, provider, RedirectUri(http), flow.State, flow.Nonce, flow.CodeVerifier));
        }
        catch (OidcClient.OidcException ex)
        {
            logger.LogWarning(ex, "OpenID Connect sign-in with {Provider} could not start", provider.DisplayName);
            await signIn.AuditRefusalAsync(provider, null, ex.Message, cancellationToken);
            return BackToSignIn(ex.Failure, returnUrl);
        }
    }

    public async Task<IResult> CallbackAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var flow = ReadFlow(http);
        http.Response.Cookies.Delete(FlowCookieName, FlowCookie(http));
        if (flow is null)
        {
            await signIn.AuditRefusalAsync(null, null, "OIDC callback without a sign-in in progress", cancellationToken);
            return BackToSignIn(ExternalSignInFailure.ProtocolError, null);
        }

        var provider = await FindProviderAsync(flow.ProviderId, cancellationToken);
        var returnUrl = flow.ReturnUrl;
        if (provider is null)
        {
            await signIn.AuditRefusalAsync(null, null, $"OIDC provider {flow.ProviderId} disabled during sign-in", cancellationToken);
            return BackToSignIn(ExternalSignInFailure.ProviderNotFound, returnUrl);
        }

        string? problem = null;
        if (flow.ExpiresAt < time.GetUtcNow().UtcDateTime)
        {
            problem = "sign-in request expired";
        }
        else if (query["state"].ToString() is not { Length: > 0 } state || !FixedTimeEquals(state, flow.State))
        {
            problem = "state does not match the sign-in request";
        }
        else if (query["error"].ToString() is { Length: > 0 } error)
        {
            problem = $"authorisation server answered error '{Truncate(error)}'";
        }
        else if (query["code"].ToString() is not { Length: > 0 })
        {
            problem = "no code in the callback";
        }

        if (problem is not null)
        {
            await signIn.AuditRefusalAsync(provider, null, problem, cancellationToken);
            return BackToSignIn(ExternalSignInFailure.ProtocolError, returnUrl);
        }

        OidcClient.VerifiedIdentity identity;
        try
        {
            identity = await client.RedeemCodeAsync(provider, secrets.Reveal(provider), query["code"].ToString(), RedirectUri(http),
                flow.CodeVerifier, flow.Nonce, cancellationToken);
        }
        catch (OidcClient.OidcException ex)
        {
            logger.LogWarning(ex, "OpenID Connect sign-in with {Provider} refused", provider.DisplayName);
            await signIn.AuditRefusalAsync(provider, null, ex.Message, cancellationToken);
            return BackToSignIn(ex.Failure, returnUrl);
        }

        var result = await signIn.HandleAsync(provider,
            new DirectoryPerson(identity.Subject, identity.Email, identity.FullName, identity.UserName), identity.EmailVerified, cancellationToken);
        if (!result.Succeeded)
        {
            return BackToSignIn(result.Failure, returnUrl);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
        return TypedResults.LocalRedirect(returnUrl ?? "/");
    }

    /// <summary>Maps the two browser endpoints of the flow (they answer with redirects, not JSON).</summary>
    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dang-nhap/oidc/{providerId:guid}", (Guid providerId, string? returnUrl, SignInWithOidc handler, HttpContext http, CancellationToken ct) =>
                handler.StartAsync(providerId, returnUrl, http, ct))
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithName("StartOidcSignIn")
            .WithSummary("Chuyển sang máy chủ xác thực tập trung (OpenID Connect) để đăng nhập.");

        endpoints.MapGet(CallbackPath, (SignInWithOidc handler, HttpContext http, CancellationToken ct) => handler.CallbackAsync(http, ct))
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithName("CompleteOidcSignIn")
            .WithSummary("Nhận kết quả đăng nhập từ máy chủ xác thực tập trung.");
    }

    /// <summary>The sign-in page with the failure's code; the page shows the Vietnamese message.</summary>
    public static RedirectHttpResult BackToSignIn(ExternalSignInFailure failure, string? returnUrl)
    {
        var query = new Dictionary<string, string?> { ["externalError"] = ExternalSignInMessages.Code(failure) };
        if (IsLocal(returnUrl))
        {
            query["returnUrl"] = returnUrl;
        }

        return TypedResults.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/dang-nhap", query));
    }

    private Task<ExternalSignInProvider?> FindProviderAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<ExternalSignInProvider>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id && p.IsEnabled && p.Kind == ExternalProviderKind.Oidc, cancellationToken);

    private FlowState? ReadFlow(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(FlowCookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FlowState>(protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private static CookieOptions FlowCookie(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        // Lax: the cookie must come back on the top-level redirect from the authorisation server.
        SameSite = SameSiteMode.Lax,
        Path = "/dang-nhap/oidc",
        MaxAge = FlowLifetime,
        IsEssential = true,
    };

    private static string RedirectUri(HttpContext http) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CallbackPath}";

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal);

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];
}
