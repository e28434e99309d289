using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// eOffice behind a reverse proxy that ends TLS (docs/deployment-behind-proxy.md): the X-Forwarded-For and
/// X-Forwarded-Proto headers of the proxies named in <see cref="EofficeOptions.TrustedProxies"/> and
/// <see cref="EofficeOptions.TrustedProxyNetworks"/>, and of those only, give the request its client's address (for the
/// audit log and sessions) and its original scheme (cookies are <c>Secure</c> when the client used HTTPS). With no
/// proxy configured the headers are ignored: anyone could send them.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddEofficeReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<EofficeOptions>>((forwarded, eoffice) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts the loopback by default; here only what is configured is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in eoffice.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(address.Trim(), out var ip)
                    ? ip
                    : throw new InvalidOperationException($"Eoffice:TrustedProxies: “{address}” is not an IP address."));
            }

            foreach (var network in eoffice.Value.TrustedProxyNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Eoffice:TrustedProxyNetworks: “{network}” is not a network in CIDR notation (192.0.2.0/24)."));
            }

            // Each hop is checked against the trusted list, so a chain of trusted proxies may be walked back to the client.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseEofficeReverseProxy(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        // The middleware believes everyone when both lists are empty: never add it without a trusted proxy.
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
