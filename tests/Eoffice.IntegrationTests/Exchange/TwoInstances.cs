using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Signing;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Signing.Contracts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// The named "exchange" client of every instance: a request goes to the in-process test server of the instance its host
/// names. A host can be taken down (the request fails as a network error) or have its answers altered (one byte of a
/// signed receipt changed), to test retries.
/// </summary>
public sealed class ExchangeRouter : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, HttpMessageHandler> hosts = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, bool> Down { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, bool> Tampered { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string host, HttpMessageHandler handler) => hosts[host] = handler;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Host;
        if (Down.ContainsKey(host) || !hosts.TryGetValue(host, out var handler))
        {
            throw new HttpRequestException($"Connection refused ({host})");
        }

        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        var response = await invoker.SendAsync(request, cancellationToken);
        if (Tampered.ContainsKey(host) && response.Content.Headers.ContentType?.MediaType == "application/xml")
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Content = new StringContent(text.Replace("Đã đến", "Đã đếm", StringComparison.Ordinal), Encoding.UTF8, "application/xml");
        }

        return response;
    }
}

/// <summary>Settings of an instance taking part in exchange tests: its outbox retries quickly.</summary>
internal static class ExchangeInstanceSettings
{
    public static IDictionary<string, string?> Values => new Dictionary<string, string?>
    {
        ["Jobs:RetryBaseDelay"] = "00:00:00.300",
        ["Jobs:RetryMaxDelay"] = "00:00:01",
        ["Jobs:MaxAttempts"] = "50",
    };

    public static void Route(IServiceCollection services, ExchangeRouter router) =>
        services.AddHttpClient(EofficeHttpsTransport.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => router);
}

public sealed class ExchangeSqliteInstance(ExchangeRouter router) : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => ExchangeInstanceSettings.Values;

    protected override void ConfigureTestServices(IServiceCollection services) => ExchangeInstanceSettings.Route(services, router);
}

public sealed class ExchangePostgresInstance(ExchangeRouter router) : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => ExchangeInstanceSettings.Values;

    protected override void ConfigureTestServices(IServiceCollection services) => ExchangeInstanceSettings.Route(services, router);
}

/// <summary>
/// Two agencies on two eOffice instances with two databases: A (the demo agency) and B (the demo agency of the second
/// instance, given another identifier), each with an agency seal with a server-held key, each in the other's exchange
/// directory with its certificate, the "exchange" clients routed to each other's test server.
/// </summary>
public abstract class TwoInstances : IAsyncLifetime
{
    public const string HostA = "a.eoffice.test";
    public const string HostB = "b.eoffice.test";
    public const string CodeB = "000.20.38.H44";
    public const string NameB = "Sở Xây dựng tỉnh Thử";

    public ExchangeRouter Router { get; } = new();

    public EofficeApp A { get; private set; } = null!;

    public EofficeApp B { get; private set; } = null!;

    protected abstract EofficeApp Create(ExchangeRouter router, bool first);

    public async Task InitializeAsync()
    {
        A = Create(Router, true);
        B = Create(Router, false);
        await A.InitializeAsync();
        await B.InitializeAsync();
        if ((A is PostgresApp || B is PostgresApp) && PostgresApp.ServerConnectionString is null)
        {
            return;
        }

        Router.Add(HostA, A.Server.CreateHandler());
        Router.Add(HostB, B.Server.CreateHandler());

        var adminB = await B.SignedInClientAsync();
        var agency = await adminB.GetFromJsonAsync<JsonElement>("/api/v1/organization/agency");
        var renamed = await adminB.PutAsJsonAsync("/api/v1/organization/agency", new
        {
            fullName = NameB, shortName = "SXD", code = CodeB, address = (string?)null, phone = (string?)null, email = (string?)null,
            rightsApproverId = agency.TryGetProperty("rightsApproverId", out var approver) && approver.ValueKind == JsonValueKind.String ? approver.GetGuid() : (Guid?)null,
        });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());

        var sealA = await SealAsync(A);
        var sealB = await SealAsync(B);
        await AddPartnerAsync(A, CodeB, NameB, HostB, sealB);
        await AddPartnerAsync(B, Eoffice.Web.Modules.Organization.Contracts.DemoAgency.Code, Eoffice.Web.Modules.Organization.Contracts.DemoAgency.FullName, HostA, sealA);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }

    private static async Task<X509Certificate2> SealAsync(EofficeApp app)
    {
        var pki = new TestPki();
        var seal = pki.IssueSeal();
        var admin = await app.SignedInClientAsync();
        var registered = await admin.PostAsJsonAsync("/api/v1/signing/certificates", new
        {
            use = "agency-seal", location = "server-file", keyFileBase64 = Convert.ToBase64String(pki.ExportPkcs12(seal)), keyFilePassword = TestPki.Pkcs12Password,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return X509CertificateLoader.LoadCertificate(seal.RawData);
    }

    private static async Task AddPartnerAsync(EofficeApp app, string organId, string name, string host, X509Certificate2 certificate)
    {
        var admin = await app.SignedInClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/exchange/partners", new
        {
            organId, name, channel = "eoffice-https", endpoint = $"https://{host}/api/v1/exchange/receive", certificatePem = certificate.ExportCertificatePem(),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}

/// <summary>Both instances on SQLite.</summary>
public sealed class SqliteToSqlite : TwoInstances
{
    protected override EofficeApp Create(ExchangeRouter router, bool first) => new ExchangeSqliteInstance(router);
}

/// <summary>A on PostgreSQL, B on SQLite.</summary>
public sealed class PostgresToSqlite : TwoInstances
{
    protected override EofficeApp Create(ExchangeRouter router, bool first) => first ? new ExchangePostgresInstance(router) : new ExchangeSqliteInstance(router);
}

/// <summary>A on SQLite, B on PostgreSQL.</summary>
public sealed class SqliteToPostgres : TwoInstances
{
    protected override EofficeApp Create(ExchangeRouter router, bool first) => first ? new ExchangeSqliteInstance(router) : new ExchangePostgresInstance(router);
}
