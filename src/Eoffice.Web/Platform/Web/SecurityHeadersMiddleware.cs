namespace Eoffice.Web.Platform.Web;

/// <summary>
/// An origin outside eOffice that its pages may call from script (CSP <c>connect-src</c>), registered by the module
/// that needs it, e.g. the local signing agent on <c>http://127.0.0.1:14455</c>.
/// </summary>
public sealed record ConnectSource(string Origin);

/// <summary>Headers on every response: a strict CSP (no inline script), no MIME sniffing, no framing, no referrer leaks.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IEnumerable<ConnectSource> connectSources)
{
    private readonly string contentSecurityPolicy = PolicyWith(connectSources.Select(s => s.Origin));

    /// <summary>The policy with the given extra <c>connect-src</c> origins (only scheme://host:port, anything else is dropped).</summary>
    public static string PolicyWith(IEnumerable<string> connectOrigins)
    {
        var extra = connectOrigins
            .Select(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
            $"connect-src {string.Join(' ', ["'self'", .. extra])}; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
