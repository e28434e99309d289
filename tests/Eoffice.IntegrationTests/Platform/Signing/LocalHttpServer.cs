using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Eoffice.IntegrationTests.Platform.Signing;

/// <summary>
/// A real HTTP server on 127.0.0.1 with a free port, for the services a signature reaches over the network: the
/// time-stamping authority and CRL distribution points. Real sockets, because the platform's chain builder fetches
/// CRLs itself and cannot be handed a test HttpClient.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalHttpServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, ending with a slash (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseUrl { get; }

    public static async Task<LocalHttpServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalHttpServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Serves CRLs by file name (<c>GET /issuing.crl</c>); a name not published answers 404.</summary>
public sealed class TestCrlServer : IAsyncDisposable
{
    private readonly Dictionary<string, byte[]> published = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private LocalHttpServer? server;

    public Uri BaseUrl => server!.BaseUrl;

    public int RequestCount { get; private set; }

    public static async Task<TestCrlServer> StartAsync()
    {
        var crls = new TestCrlServer();
        crls.server = await LocalHttpServer.StartAsync(crls.HandleAsync);
        return crls;
    }

    public void Publish(string name, byte[] crl)
    {
        lock (gate)
        {
            published[name] = crl;
        }
    }

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        byte[]? crl;
        lock (gate)
        {
            RequestCount++;
            published.TryGetValue(context.Request.Path.Value!.TrimStart('/'), out crl);
        }

        if (crl is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/pkix-crl";
        await context.Response.Body.WriteAsync(crl);
    }
}
