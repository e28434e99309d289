using Npgsql;

namespace Eoffice.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Database": which provider to use. Connection strings come from "ConnectionStrings:Sqlite|Postgres".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// The PostgreSQL pool of one node when the connection string does not set <c>Maximum Pool Size</c>. Npgsql's own
    /// default (100) is more than a default server accepts (<c>max_connections</c> 100 less 3 reserved for superusers),
    /// so one busy node was refused connections (53300). 20 leaves room for four nodes and the administrators' tools on a
    /// default server; sizing is in README, "PostgreSQL".
    /// </summary>
    public const int DefaultPostgresMaxPoolSize = 20;

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How long a request waits for one of the node's PostgreSQL connections when all are in use before it is answered 503
    /// with Retry-After (ADR 0019): long enough for a saturated node's queue to drain (at 500 simulated users on 2 cores,
    /// p99 about 20 s), shorter than a reverse proxy's read timeout (nginx: 60 s). Npgsql's <c>Timeout</c> stays what it
    /// is: the time to establish a connection.
    /// </summary>
    public TimeSpan ConnectionWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The PostgreSQL connection string as configured, with <see cref="DefaultPostgresMaxPoolSize"/> unless it sets its own pool size.</summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        // The builder lists only the keys the string set, under their canonical names (MaxPoolSize → Maximum Pool Size).
        if (builder.Keys.Cast<string>().Contains("Maximum Pool Size", StringComparer.OrdinalIgnoreCase))
        {
            return configured;
        }

        builder.MaxPoolSize = DefaultPostgresMaxPoolSize;
        return builder.ConnectionString;
    }
}
