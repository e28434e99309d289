using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// Brings the database to the schema this build expects, at start-up, on either provider. It only ever applies
/// forward migrations: it never drops or recreates a schema, and it refuses to run against a database written by a
/// newer build.
/// </summary>
public sealed class DatabaseMigrator(EofficeDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while one writer commits; the setting is stored in the database file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has schema versions this build does not know ({string.Join(", ", unknown)}). " +
                "It was written by a newer eOffice; start that version instead. Nothing was changed.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} schema migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>The SQLite connection string for a data folder: a file in WAL mode, with a busy timeout for concurrent writers.</summary>
    public static string SqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "eoffice.db"),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
