using Microsoft.AspNetCore.Authentication.Cookies;

namespace Eoffice.Web.Platform.Security;

/// <summary>
/// How a request proves who sends it. Browsers carry the session cookie; scripts send a personal access token as
/// <c>Authorization: Bearer eot_…</c>. The default scheme is a policy that picks one of the two per request, so pages and
/// endpoints need not care; the access-token handler itself is registered by the identity module.
/// </summary>
public static class EofficeAuthenticationSchemes
{
    /// <summary>The default scheme: forwards to <see cref="AccessToken"/> when a bearer token is sent, else to the cookie.</summary>
    public const string Default = "eoffice";

    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string AccessToken = "AccessToken";

    /// <summary>The scheme that should authenticate <paramref name="context"/>.</summary>
    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AccessToken : Cookie;

    /// <summary>Whether the session cookie, which a browser sends by itself, authenticated <paramref name="context"/>.</summary>
    public static bool IsCookieSession(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && Select(context) == Cookie;
}
