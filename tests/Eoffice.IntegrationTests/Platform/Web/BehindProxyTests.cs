using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Web;

/// <summary>
/// eOffice behind nginx that ends TLS (docs/deployment-behind-proxy.md): the forwarded headers of the configured proxy
/// give the client's address and scheme; the same headers from anyone else are ignored. The addresses are documentation
/// ranges (RFC 5737), set on the in-process connection only: no traffic leaves the test.
/// </summary>
public abstract class BehindProxyTests(EofficeApp app)
{
    private const string Proxy = "192.0.2.10";
    private const string Client = "203.0.113.7";
    private const string Stranger = "198.51.100.9";

    [DbFact]
    public async Task Behind_the_trusted_proxy_the_session_cookie_is_secure_and_the_audit_log_records_the_client()
    {
        var response = await SignInThroughAsync(Proxy, forwardedFor: Client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = SessionCookieOf(response);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Client, await SignInAddressesAsync());
        Assert.DoesNotContain(Proxy, await SignInAddressesAsync());
    }

    [DbFact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        var response = await SignInThroughAsync(Stranger, forwardedFor: Client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("secure", SessionCookieOf(response), StringComparison.OrdinalIgnoreCase);
        var audit = await SignInAddressesAsync();
        Assert.Contains(Stranger, audit);
    }

    [DbFact]
    public async Task The_openapi_document_is_served_without_sign_in_when_the_setting_says_so()
    {
        var response = await app.AnonymousClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SignInThroughAsync(string peer, string forwardedFor)
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
        {
            Content = JsonContent.Create(new { userName = SeedAdministrator.DemoAdministratorUserName, password = SeedAdministrator.DemoPassword }),
        };
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private static string SessionCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("eoffice.session=", StringComparison.Ordinal));

    private Task<List<string?>> SignInAddressesAsync() =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "auth.sign-in").Select(e => e.ClientAddress).ToListAsync());
}

/// <summary>eOffice configured with one trusted proxy and the OpenAPI document open to all; requests may say their peer address.</summary>
public static class ProxiedSetup
{
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Eoffice:TrustedProxies:0"] = "192.0.2.10",
        ["Eoffice:OpenApiWithoutSignIn"] = "true",
    };

    public static void AddPeerAddress(IServiceCollection services) => services.AddTransient<IStartupFilter, PeerAddress>();
}

public sealed class ProxiedSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => ProxiedSetup.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => ProxiedSetup.AddPeerAddress(services);
}

public sealed class ProxiedPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => ProxiedSetup.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => ProxiedSetup.AddPeerAddress(services);
}

/// <summary>The test server has no TCP peer: this sets the connection's remote address from a test-only header, before anything else runs.</summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class BehindProxyTestsOnSqlite(ProxiedSqliteApp app) : BehindProxyTests(app), IClassFixture<ProxiedSqliteApp>;

public sealed class BehindProxyTestsOnPostgres(ProxiedPostgresApp app) : BehindProxyTests(app), IClassFixture<ProxiedPostgresApp>;
