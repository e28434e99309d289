using System.Diagnostics;
using System.Globalization;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Eoffice.Bench;

/// <summary>The options every data benchmark takes: <c>--documents N --staff S --runs R --postgres "…" --keep dir --reuse</c>.</summary>
internal sealed record BenchSettings(int Documents, int Staff, int Runs, string Postgres, string? Keep, bool Reuse)
{
    public static BenchSettings Parse(IReadOnlyList<string> arguments, int documents, int runs)
    {
        int Number(string name, int fallback) =>
            int.Parse(Option(arguments, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new BenchSettings(Number("--documents", documents), Number("--staff", 500), Number("--runs", runs), Option(arguments, "--postgres", string.Empty),
            Option(arguments, "--keep", string.Empty) is { Length: > 0 } keep ? keep : null, arguments.Contains("--reuse"));
    }

    /// <summary>The value after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static string Option(IReadOnlyList<string> arguments, string name, string fallback)
    {
        var index = arguments.ToList().IndexOf(name);
        return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : fallback;
    }
}

/// <summary>
/// A benchmark's database, made by the app's own migrations: a SQLite file in a folder, or a PostgreSQL database of its
/// own on the server given. <c>--keep</c> keeps it (the folder, or the database named after the folder) and
/// <c>--reuse</c> measures a kept one again without generating (migrations added since are applied first); otherwise it
/// is dropped at the end.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly BenchSettings settings;
    private readonly string folder;
    private readonly string database;

    private BenchDatabase(BenchSettings settings)
    {
        this.settings = settings;
        folder = settings.Keep ?? Path.Combine(Path.GetTempPath(), "eoffice-bench", Guid.NewGuid().ToString("N"));
        database = settings.Keep is null
            ? "eoffice_bench_" + Guid.NewGuid().ToString("N")[..12]
            : "eoffice_bench_" + VietnameseText.Fold(Path.GetFileName(settings.Keep)).Replace(' ', '_');
        var options = new DbContextOptionsBuilder<EofficeDbContext>();
        if (IsPostgres)
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = database, CommandTimeout = 0 }.ToString();
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            Directory.CreateDirectory(folder);
            ConnectionString = DatabaseMigrator.SqliteConnectionString(folder);
            options.UseSqlite(ConnectionString);
        }

        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        if (Environment.GetEnvironmentVariable("EOFFICE_BENCH_SQL") == "1")
        {
            // Prints each command as executed, to read its plan (EXPLAIN) by hand.
            options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging();
        }

        Options = options.Options;
    }

    public bool IsPostgres => settings.Postgres.Length > 0;

    /// <summary>The SQLite database's folder (the app's data folder when a benchmark hosts the app on it).</summary>
    public string Folder => folder;

    public string Provider => IsPostgres ? "PostgreSQL" : "SQLite";

    public string ConnectionString { get; }

    public DbContextOptions<EofficeDbContext> Options { get; }

    /// <summary>Whether the data must be generated (not <c>--reuse</c>).</summary>
    public bool IsNew => !settings.Reuse;

    /// <summary>Makes (or, with <c>--reuse</c>, opens) the database and applies the app's migrations to it.</summary>
    public static async Task<BenchDatabase> OpenAsync(BenchSettings settings)
    {
        var bench = new BenchDatabase(settings);
        if (bench.IsPostgres && bench.IsNew)
        {
            await ExecutePgAsync(settings.Postgres, $"DROP DATABASE IF EXISTS \"{bench.database}\" WITH (FORCE)");
            await ExecutePgAsync(settings.Postgres, $"CREATE DATABASE \"{bench.database}\"");
        }

        // A kept database gets the migrations added since it was made (new indexes, say) before it is measured again, and
        // then fresh statistics: SQLite without statistics for a new index takes it for more selective than it is.
        int pending;
        await using (var db = bench.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            await new DatabaseMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }

        if (!bench.IsNew && pending > 0)
        {
            Console.WriteLine($"applied {pending} new migration(s) to the kept database");
            await bench.AnalyzeAsync();
        }

        return bench;
    }

    /// <summary>A new context, as a request gets one.</summary>
    public EofficeDbContext NewContext() => new(Options);

    /// <summary>Starts loading <paramref name="tables"/> (their secondary indexes are dropped until <see cref="BulkLoad.CompleteAsync"/>).</summary>
    public async Task<BulkLoad> BeginLoadAsync(params string[] tables) =>
        IsPostgres ? await PostgresBulkLoad.StartAsync(ConnectionString, tables) : await SqliteBulkLoad.StartAsync(ConnectionString, tables);

    /// <summary>Refreshes the planner statistics after a load, and prints how long it took.</summary>
    public async Task AnalyzeAsync()
    {
        var watch = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync(IsPostgres ? "VACUUM ANALYZE" : "ANALYZE");
        }

        Console.WriteLine($"analyze: {watch.Elapsed.TotalSeconds:F0} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (settings.Keep is not null)
        {
            return;
        }

        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecutePgAsync(settings.Postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecutePgAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One table being loaded: its columns in row order and how many rows went in.</summary>
internal sealed class BulkTable(string name, IReadOnlyList<string> columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Columns { get; } = columns;

    public long Rows { get; internal set; }

    internal List<object?[]> Pending { get; } = [];

    internal object? Writer { get; set; }
}

/// <summary>
/// Rows written straight into the tables of a migrated database, bypassing EF Core: the tables are loaded without their
/// secondary indexes (their definitions, as the migrations made them, are read first) and the indexes are built
/// afterwards from the same definitions — one sorted build per index instead of millions of random inserts into each.
/// SQLite: one transaction of prepared inserts with <c>synchronous=OFF</c>; PostgreSQL: <c>COPY … (FORMAT BINARY)</c> per
/// table and batch, parents first. A value is a <see cref="Guid"/>, <see cref="DateTime"/> (UTC), <see cref="DateOnly"/>,
/// <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="string"/> or <c>null</c>.
/// </summary>
internal abstract class BulkLoad : IAsyncDisposable
{
    private readonly List<BulkTable> tables = [];
    private readonly List<(string Name, string Sql)> indexes;

    protected BulkLoad(List<(string Name, string Sql)> indexes) => this.indexes = indexes;

    public IReadOnlyList<BulkTable> Tables => tables;

    /// <summary>Declares a table to load; tables are written in the order declared (parents before children).</summary>
    public BulkTable Table(string name, IReadOnlyList<string> columns)
    {
        var table = new BulkTable(name, columns);
        Prepare(table);
        tables.Add(table);
        return table;
    }

    public void Add(BulkTable table, object?[] row)
    {
        if (row.Length != table.Columns.Count)
        {
            throw new ArgumentException($"{table.Name}: {row.Length} values for {table.Columns.Count} columns.", nameof(row));
        }

        Write(table, row);
        table.Rows++;
    }

    /// <summary>Writes out what is buffered (call it every few thousand documents).</summary>
    public abstract Task FlushAsync();

    /// <summary>Runs a statement on the loading connection (inside its transaction on SQLite).</summary>
    public abstract Task ExecuteAsync(string sql);

    /// <summary>Writes the rest, commits, and builds the indexes dropped at the start.</summary>
    public async Task CompleteAsync()
    {
        await FlushAsync();
        await CommitAsync();
        var watch = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes)
        {
            await ExecuteAsync(sql);
        }

        Console.WriteLine($"  {indexes.Count} indexes built in {watch.Elapsed.TotalSeconds:F0} s");
        await FinishAsync();
    }

    public abstract ValueTask DisposeAsync();

    protected abstract void Prepare(BulkTable table);

    protected abstract void Write(BulkTable table, object?[] row);

    protected abstract Task CommitAsync();

    protected virtual Task FinishAsync() => Task.CompletedTask;

    protected static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>The secondary indexes to drop and rebuild: (name, definition) rows of a catalogue query.</summary>
    protected static async Task<List<(string Name, string Sql)>> IndexesAsync(System.Data.Common.DbConnection connection, string sql)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }
}

internal sealed class SqliteBulkLoad : BulkLoad
{
    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;

    private SqliteBulkLoad(SqliteConnection connection, List<(string Name, string Sql)> indexes)
        : base(indexes) => this.connection = connection;

    public static async Task<SqliteBulkLoad> StartAsync(string connectionString, IReadOnlyList<string> tables)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var indexes = await IndexesAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({Quoted(tables)})");
        var load = new SqliteBulkLoad(connection, indexes);
        await load.ExecuteAsync("PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL; PRAGMA cache_size=-400000;");
        foreach (var (name, _) in indexes)
        {
            await load.ExecuteAsync($"DROP INDEX \"{name}\"");
        }

        load.transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        return load;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override async Task ExecuteAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var table in Tables)
        {
            (table.Writer as SqliteCommand)?.Dispose();
        }

        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    protected override void Prepare(BulkTable table)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < table.Columns.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Prepare();
        table.Writer = command;
    }

    protected override void Write(BulkTable table, object?[] row)
    {
        var command = (SqliteCommand)table.Writer!;
        for (var i = 0; i < row.Length; i++)
        {
            // As EF Core's SQLite provider stores them.
            command.Parameters[i].Value = row[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? 1 : 0,
                var v => v,
            };
        }

        command.ExecuteNonQuery();
    }

    protected override async Task CommitAsync()
    {
        await transaction!.CommitAsync();
        await transaction.DisposeAsync();
        transaction = null;
    }

    // Fold the write-ahead log (gigabytes after the load) into the database, as the app's checkpoints would.
    protected override Task FinishAsync() => ExecuteAsync("PRAGMA synchronous=NORMAL; PRAGMA wal_checkpoint(TRUNCATE);");
}

internal sealed class PostgresBulkLoad : BulkLoad
{
    private readonly NpgsqlConnection connection;

    private PostgresBulkLoad(NpgsqlConnection connection, List<(string Name, string Sql)> indexes)
        : base(indexes) => this.connection = connection;

    public static async Task<PostgresBulkLoad> StartAsync(string connectionString, IReadOnlyList<string> tables)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var indexes = await IndexesAsync(connection,
            $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({Quoted(tables)}) AND indexname NOT IN (SELECT conname FROM pg_constraint)");
        var load = new PostgresBulkLoad(connection, indexes);
        foreach (var (name, _) in indexes)
        {
            await load.ExecuteAsync($"DROP INDEX \"{name}\"");
        }

        await load.ExecuteAsync("SET maintenance_work_mem = '1GB'");
        return load;
    }

    /// <summary>One COPY per table with rows waiting, in the order the tables were declared (so foreign keys hold).</summary>
    public override async Task FlushAsync()
    {
        foreach (var table in Tables.Where(t => t.Pending.Count > 0))
        {
            await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in table.Pending)
                {
                    writer.StartRow();
                    foreach (var value in row)
                    {
                        WriteValue(writer, value);
                    }
                }

                await writer.CompleteAsync();
            }

            table.Pending.Clear();
        }
    }

    public override async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();

    protected override void Prepare(BulkTable table)
    {
    }

    protected override void Write(BulkTable table, object?[] row) => table.Pending.Add(row);

    protected override Task CommitAsync() => Task.CompletedTask;

    private static void WriteValue(NpgsqlBinaryImporter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNull(); break;
            case Guid g: writer.Write(g, NpgsqlDbType.Uuid); break;
            case DateTime d: writer.Write(d, NpgsqlDbType.TimestampTz); break;
            case DateOnly d: writer.Write(d, NpgsqlDbType.Date); break;
            case bool b: writer.Write(b, NpgsqlDbType.Boolean); break;
            case int n: writer.Write(n, NpgsqlDbType.Integer); break;
            case long n: writer.Write(n, NpgsqlDbType.Bigint); break;
            case string s: writer.Write(s, NpgsqlDbType.Varchar); break;
            default: throw new InvalidOperationException(value.GetType().Name);
        }
    }
}
