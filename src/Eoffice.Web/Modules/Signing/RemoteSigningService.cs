using Eoffice.Web.Platform.Signing.Remote;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The configured remote signing service (<see cref="SigningOptions.Remote"/>), one client for the process so that an
/// OAuth token is reused until it expires; null when none is configured. Settings are read at first use.
/// </summary>
public sealed class RemoteSigningService(IOptions<SigningOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "Eoffice.Signing.Remote";

    private readonly Lazy<RemoteSigningClient?> client = new(() => Create(options.Value.Remote, httpClients));

    public RemoteSigningClient? Client => client.Value;

    private static RemoteSigningClient? Create(RemoteServiceSettings? settings, IHttpClientFactory httpClients)
    {
        if (settings?.BaseUrl is not { Length: > 0 } url)
        {
            return null;
        }

        var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = settings.RequestTimeout;
        return new RemoteSigningClient(http, new RemoteSigningOptions
        {
            BaseUrl = new Uri(url, UriKind.Absolute),
            ApiKey = settings.ApiKey,
            ApiKeyHeader = settings.ApiKeyHeader,
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            TransactionLifetime = settings.TransactionLifetime,
        });
    }
}
