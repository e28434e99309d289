using System.Net.Http.Json;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// eOffice hosted in-process over a real database that belongs to one test class: a SQLite file in its own data
/// folder, or a fresh PostgreSQL database. Everything else (file store, workers, migrations, seeding) is the real thing.
/// </summary>
public abstract class EofficeApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected EofficeApp(string? dataPath = null)
    {
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "eoffice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
    }

    /// <summary>Whether disposing removes the data folder; off when a test starts the application twice on one folder.</summary>
    protected bool KeepDataOnDispose { get; init; }

    public abstract DatabaseProvider Provider { get; }

    /// <summary>This instance's data folder (SQLite file, file store).</summary>
    public string DataPath { get; }

    /// <summary>Extra configuration a test class needs, applied after the defaults.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected abstract IDictionary<string, string?> DatabaseSettings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Eoffice:DataPath"] = DataPath,
                ["Eoffice:DemoMode"] = "true",
                ["Eoffice:DemoSampleDocuments"] = "false",
                ["Eoffice:DemoCertificates"] = "false",
                ["Database:Provider"] = Provider.ToString(),
                ["Jobs:PollInterval"] = "00:00:00.200",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in DatabaseSettings())
            {
                settings[key] = value;
            }

            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            config.AddInMemoryCollection(settings);
        });
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Test-only services (handlers, jobs, probes) a fixture adds on top of the application's own.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public virtual Task InitializeAsync()
    {
        // Building the host applies migrations and seeds the demo administrator.
        _ = Services;
        return Task.CompletedTask;
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepDataOnDispose)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing worker; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// An HTTP client that is signed in as <paramref name="userName"/> (cookie session through the public API) and, as the
    /// site's scripts do, sends the session's antiforgery token with every request.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(
        string userName = SeedAdministrator.DemoAdministratorUserName,
        string password = SeedAdministrator.DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password });
        response.EnsureSuccessStatusCode();
        return await client.WithAntiforgeryTokenAsync();
    }

    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs <paramref name="action"/> against the application's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<EofficeDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<EofficeDbContext>());
    }

    public Task WithDbAsync(Func<EofficeDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    /// <summary>
    /// Waits until the background dispatcher has handled every outbox message written so far (events and the
    /// notifications their subscribers send), or fails after 30 seconds.
    /// </summary>
    public async Task OutboxDrainedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await WithDbAsync(db => db.Set<Eoffice.Web.Platform.Jobs.OutboxMessage>().AnyAsync(m => m.ProcessedAt == null && m.FailedAt == null)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox still has undelivered messages after 30 seconds.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Resolves a service in a fresh scope and runs <paramref name="action"/> with it.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

public class SqliteApp : EofficeApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>();
}

/// <summary>A throw-away PostgreSQL database per test class, created from the server named by EOFFICE_TEST_POSTGRES.</summary>
public class PostgresApp : EofficeApp
{
    private readonly string databaseName = "eoffice_test_" + Guid.NewGuid().ToString("N")[..16];

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ConnectionString => TestDatabases.PostgresConnectionString(databaseName);

    protected override IDictionary<string, string?> DatabaseSettings() =>
        new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ConnectionString };

    public override async Task InitializeAsync()
    {
        // Without a server the PostgreSQL tests are reported as skipped; the fixture then has nothing to build.
        if (ServerConnectionString is null)
        {
            return;
        }

        await TestDatabases.CreatePostgresDatabaseAsync(databaseName);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        if (ServerConnectionString is null)
        {
            return;
        }

        // The pool of the connection string the application really used (it may have completed or replaced this one).
        var used = await WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));
        await base.DisposeAsync();
        await TestDatabases.DropPostgresDatabaseAsync(databaseName, used);
    }
}

/// <summary>Creating and dropping throw-away databases for tests that need a bare one (schema and upgrade tests).</summary>
public static class TestDatabases
{
    /// <summary>
    /// A pooled connection string for a test database, as in production: without a pool every query opened a new server
    /// process and re-ran the password exchange (30–100 ms). The pool is small, since several test apps live at once beside
    /// PostgreSQL's 100 connections; dropping the database clears it.
    /// </summary>
    public static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString
            ?? throw new InvalidOperationException("EOFFICE_TEST_POSTGRES is not set."))
        {
            Database = database,
            Pooling = true,
            MaxPoolSize = 16,
            ConnectionIdleLifetime = 30,
            Timeout = 60, // also how long a request waits for a free pooled connection (50 parallel registrations)
        }.ToString();

    public static async Task CreatePostgresDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops a test database once its app is gone: its pools (this class's, and the one of
    /// <paramref name="usedConnectionString"/>, which the app really used) are closed first, then a plain DROP (which also stops an
    /// autovacuum worker on it and waits a few seconds for closing connections) is retried while the database is still in
    /// use. WITH (FORCE) is not used: as the CI's non-superuser role it fails whenever a worker without a role is connected.
    /// </summary>
    public static async Task DropPostgresDatabaseAsync(string database, string? usedConnectionString = null)
    {
        foreach (var connectionString in new[] { PostgresConnectionString(database), usedConnectionString }.OfType<string>().Distinct())
        {
            await using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\"", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>A bare context on a new database of the given provider, outside any web host.</summary>
    public static async Task<(EofficeDbContext Db, Func<Task> Cleanup)> CreateBareAsync(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<EofficeDbContext>();
        Func<Task> cleanup;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "eoffice-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            options.UseSqlite(DatabaseMigrator.SqliteConnectionString(folder) + ";Pooling=False");
            cleanup = () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        }
        else
        {
            var name = "eoffice_bare_" + Guid.NewGuid().ToString("N")[..16];
            await CreatePostgresDatabaseAsync(name);
            options.UseNpgsql(PostgresConnectionString(name));
            cleanup = () => DropPostgresDatabaseAsync(name);
        }

        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        var db = new EofficeDbContext(options.Options);
        return (db, async () =>
        {
            await db.DisposeAsync();
            await cleanup();
        });
    }
}
