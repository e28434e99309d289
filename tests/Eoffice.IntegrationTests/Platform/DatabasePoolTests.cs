using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Eoffice.IntegrationTests.Platform;

/// <summary>PostgreSQL with the connection string as the README gives it: no pool size.</summary>
public sealed class UnsizedPoolPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var unsized = new NpgsqlConnectionStringBuilder(ConnectionString);
            unsized.Remove("Maximum Pool Size");
            return new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = unsized.ConnectionString };
        }
    }
}

/// <summary>
/// PostgreSQL with a pool of two connections, so that a test can take them all, and a 6 s wait for one. Npgsql's own
/// wait (Timeout) is 3 s: on a node without its own gate the pool itself refuses first.
/// </summary>
public sealed class TinyPoolPostgresApp : ClockedPostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 2, Timeout = 3 }.ConnectionString,
        ["Database:ConnectionWaitTimeout"] = "00:00:06",
    };
}

public sealed class PoolSizeTestsOnPostgres(UnsizedPoolPostgresApp unsized) : IClassFixture<UnsizedPoolPostgresApp>
{
    [DbFact]
    public async Task A_connection_string_without_a_pool_size_gets_the_default_pool_of_twenty_not_npgsqls_hundred()
    {
        var used = await unsized.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));

        Assert.Equal(20, new NpgsqlConnectionStringBuilder(used).MaxPoolSize);
        Assert.Equal(HttpStatusCode.OK, (await unsized.AnonymousClient().GetAsync("/health/ready")).StatusCode);
    }
}

public sealed class ExplicitPoolSizeTestsOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    [DbFact]
    public async Task A_pool_size_the_connection_string_sets_is_kept()
    {
        var used = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));

        Assert.Equal(16, new NpgsqlConnectionStringBuilder(used).MaxPoolSize); // TestDatabases sets 16
        Assert.Equal(app.ConnectionString, used);
    }
}

/// <summary>
/// Every connection of the node taken (by the test, through EF as a request takes them): requests wait in line and are
/// served once one is given back; when none comes back within the wait they are answered 503 with Retry-After —
/// ProblemDetails on the API, a short page on pages — never 500, and nothing is saved; readiness says why.
/// </summary>
public sealed class SaturatedPoolTestsOnPostgres(TinyPoolPostgresApp app) : IClassFixture<TinyPoolPostgresApp>
{
    private const string Counts = "/api/v1/documents/incoming/counts";
    private const string Inbox = "/api/v1/documents/incoming?box=cho-xu-ly";
    private const string InboxPage = "/van-ban-den";

    public const string BusyTitle = "Hệ thống đang bận vì có quá nhiều yêu cầu cùng lúc. Vui lòng thử lại sau ít giây.";

    [DbFact]
    public async Task Requests_wait_for_a_connection_while_all_are_in_use_and_are_served_when_one_is_given_back()
    {
        await ForgetEarlierWaitsAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");
        Task<HttpResponseMessage>[] requests;
        (HttpStatusCode Status, string Text) ready;
        await using (await HoldAllConnectionsAsync())
        {
            requests = [clerk.GetAsync(Counts), clerk.GetAsync(Inbox), clerk.GetAsync(InboxPage)];
            ready = await ReadinessWhenAsync(r => r.Text.StartsWith("Degraded", StringComparison.Ordinal));
        }

        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Contains("database: Degraded — Database connection pool saturated: all 2 connections in use", ready.Text);
    }

    [DbFact]
    public async Task Requests_that_wait_longer_than_the_wait_are_answered_503_with_retry_after_never_500_and_nothing_is_saved()
    {
        await ForgetEarlierWaitsAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registerId = await app.AgencyRegisterIdAsync();
        const string subject = "V/v đăng ký khi hệ thống đang bận";
        HttpResponseMessage[] answers;
        HttpResponseMessage signIn;
        await using (await HoldAllConnectionsAsync())
        {
            var requests = new[]
            {
                clerk.GetAsync(Counts), clerk.GetAsync(Inbox), clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(registerId, subject, ("confirmWarnings", true))),
            };
            var page = clerk.GetAsync(InboxPage);
            var anonymous = app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "nvan", password = IncomingTestKit.DemoPassword });
            answers = [.. await Task.WhenAll(requests), await page];
            signIn = await anonymous;
        }

        foreach (var api in answers[..3].Append(signIn))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("5", api.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal(BusyTitle, problem.GetProperty("title").GetString());
        }

        var busyPage = answers[3];
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busyPage.StatusCode);
        Assert.Equal("5", busyPage.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Hệ thống đang bận", await busyPage.Content.ReadAsStringAsync());

        var ready = await ReadinessAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.StartsWith("Unhealthy\n", ready.Text);
        Assert.Contains("database: Unhealthy — Database connection pool exhausted:", ready.Text);

        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(Counts)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<IncomingDocument>().AnyAsync(d => d.Metadata.Subject == subject)));
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadinessWhenAsync(r => r.Text == "Healthy"));
    }

    /// <summary>
    /// Moves the clock past the window in which an earlier test's timed-out waits make the node unhealthy, and waits for
    /// the workers to beat on the new time.
    /// </summary>
    private async Task ForgetEarlierWaitsAsync()
    {
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadinessWhenAsync(r => r.Text == "Healthy"));
    }

    /// <summary>Takes every connection of the node's pool through EF, as requests do, until disposed.</summary>
    private async Task<IAsyncDisposable> HoldAllConnectionsAsync()
    {
        var held = new HeldConnections();
        for (var i = 0; i < 2; i++)
        {
            var scope = app.Services.CreateAsyncScope();
            held.Scopes.Add(scope);
            await scope.ServiceProvider.GetRequiredService<EofficeDbContext>().Database.OpenConnectionAsync();
        }

        return held;
    }

    private async Task<(HttpStatusCode Status, string Text)> ReadinessAsync()
    {
        using var response = await app.AnonymousClient().GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Readiness once it answers as <paramref name="expected"/> (requests take a moment to reach the line), or after 4 s.</summary>
    private async Task<(HttpStatusCode Status, string Text)> ReadinessWhenAsync(Func<(HttpStatusCode Status, string Text), bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(4);
        while (true)
        {
            var ready = await ReadinessAsync();
            if (expected(ready) || DateTime.UtcNow > deadline)
            {
                return ready;
            }

            await Task.Delay(100);
        }
    }

    private sealed class HeldConnections : IAsyncDisposable
    {
        public List<AsyncServiceScope> Scopes { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var scope in Scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}

/// <summary>SQLite with a 1 s busy timeout, so that a test holding the write lock makes a writer give up quickly.</summary>
public sealed class ShortBusyTimeoutSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Sqlite"] = new SqliteConnectionStringBuilder(DatabaseMigrator.SqliteConnectionString(DataPath)) { DefaultTimeout = 1 }.ConnectionString,
    };
}

/// <summary>
/// SQLite has one writer: a writer waits for the write lock for the busy timeout (30 s by default). One that still finds
/// it taken is answered 503 with Retry-After, not 500, and nothing of it is saved.
/// </summary>
public sealed class LockedSqliteTests(ShortBusyTimeoutSqliteApp app) : IClassFixture<ShortBusyTimeoutSqliteApp>
{
    [Fact]
    public async Task A_write_that_finds_the_write_lock_taken_for_the_whole_busy_timeout_is_answered_503_and_nothing_is_saved()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registerId = await app.AgencyRegisterIdAsync();
        const string subject = "V/v đăng ký khi cơ sở dữ liệu đang bị khóa ghi";
        HttpResponseMessage answer;
        await using (var writer = new SqliteConnection(DatabaseMigrator.SqliteConnectionString(app.DataPath)))
        {
            await writer.OpenAsync();
            using var lockHolder = writer.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock
            answer = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", RegistrationKit.Body(registerId, subject, ("confirmWarnings", true)));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("5", answer.Headers.GetValues("Retry-After").Single());
        Assert.Equal(SaturatedPoolTestsOnPostgres.BusyTitle, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.False(await app.WithDbAsync(db => db.Set<IncomingDocument>().AnyAsync(d => d.Metadata.Subject == subject)));
        await clerk.RegisterOkAsync(RegistrationKit.Body(registerId, subject));
    }
}
