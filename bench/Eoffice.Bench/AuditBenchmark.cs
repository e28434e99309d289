using System.Diagnostics;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Eoffice.Bench;

/// <summary>Appends audit entries through the real <see cref="AuditLog"/> and verifies the whole chain.</summary>
internal static class AuditBenchmark
{
    private sealed class BenchUser : ICurrentUser
    {
        public Guid? Id { get; } = Guid.CreateVersion7();

        public string? UserName => "bench";

        public string? FullName => "Đo hiệu năng";

        public string? ClientAddress => "127.0.0.1";

        public Guid? AgencyId => null;

        public bool HasPermission(string permission) => true;
    }

    public static async Task RunAsync(int entries, int runs, string postgres)
    {
        var options = new DbContextOptionsBuilder<EofficeDbContext>();
        var folder = Path.Combine(Path.GetTempPath(), "eoffice-bench", Guid.NewGuid().ToString("N"));
        var database = "eoffice_bench_" + Guid.NewGuid().ToString("N")[..12];
        if (string.IsNullOrEmpty(postgres))
        {
            Directory.CreateDirectory(folder);
            options.UseSqlite(DatabaseMigrator.SqliteConnectionString(folder));
        }
        else
        {
            await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
            options.UseNpgsql(new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString());
        }

        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        try
        {
            await using (var db = new EofficeDbContext(options.Options))
            {
                await new DatabaseMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            }

            var user = new BenchUser();
            var appends = new List<double>(entries);
            for (var i = 0; i < entries; i++)
            {
                await using var db = new EofficeDbContext(options.Options);
                var log = new AuditLog(db, user, TimeProvider.System);
                var watch = Stopwatch.StartNew();
                await log.RecordAsync(new AuditEvent("document.view", "incoming-document", Guid.CreateVersion7().ToString(), Details: $"Xem văn bản {i}"));
                appends.Add(Stats.Elapsed(watch));
            }

            Console.WriteLine($"audit append ({(string.IsNullOrEmpty(postgres) ? "SQLite" : "PostgreSQL")}): {Stats.Describe(appends)}");

            var verifications = new List<double>(runs);
            for (var run = 0; run < runs; run++)
            {
                await using var db = new EofficeDbContext(options.Options);
                var watch = Stopwatch.StartNew();
                var result = await new AuditChainVerifier(db).VerifyAsync();
                verifications.Add(Stats.Elapsed(watch));
                if (!result.IsIntact || result.EntriesChecked != entries)
                {
                    throw new InvalidOperationException($"Unexpected verification result: {result}");
                }
            }

            Console.WriteLine($"audit verify {entries} entries: {Stats.Describe(verifications)}");
        }
        finally
        {
            if (string.IsNullOrEmpty(postgres))
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
