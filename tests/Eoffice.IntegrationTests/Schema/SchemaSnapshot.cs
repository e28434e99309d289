using System.Data.Common;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Schema;

/// <summary>
/// What a database really contains — tables, columns (type, nullability, identity), primary keys, indexes and
/// foreign keys — read back from the catalogue, so that two databases built differently can be compared.
/// </summary>
public sealed record SchemaSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> Tables)
{
    private static readonly string[] IgnoredTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    public static async Task<SchemaSnapshot> ReadAsync(EofficeDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var facts = db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        return new SchemaSnapshot(facts
            .Where(f => !IgnoredTables.Contains(f.Table, StringComparer.Ordinal))
            .GroupBy(f => f.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Fact).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal));
    }

    /// <summary>Human-readable differences; empty when the schemas agree.</summary>
    public IReadOnlyList<string> DifferencesFrom(SchemaSnapshot other, string thisName, string otherName)
    {
        var differences = new List<string>();
        foreach (var table in Tables.Keys.Union(other.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var mine = Tables.GetValueOrDefault(table) ?? [];
            var theirs = other.Tables.GetValueOrDefault(table) ?? [];
            differences.AddRange(mine.Except(theirs).Select(f => $"{table}: only in {thisName}: {f}"));
            differences.AddRange(theirs.Except(mine).Select(f => $"{table}: only in {otherName}: {f}"));
        }

        return differences;
    }

    private static async Task<List<(string Table, string Fact)>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new List<(string, string)>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            var createSql = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE name = '{table}'", r => r.GetString(0))).Single();
            facts.Add((table, "autoincrement: " + createSql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)));
            facts.AddRange((await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}')",
                r => $"column {r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))}"))
                .Select(f => (table, f)));
            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1), Origin: r.GetString(2)));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
                var name = index.Origin == "pk" ? "(primary key)" : index.Name;
                facts.Add((table, $"index {name} unique={index.Unique} origin={index.Origin} ({string.Join(", ", columns)})"));
            }

            facts.AddRange((await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"foreign key {r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}"))
                .Select(f => (table, f)));
        }

        return facts;
    }

    private static async Task<List<(string Table, string Fact)>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new List<(string, string)>();
        facts.AddRange(await QueryAsync(connection,
            """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, is_identity,
                   coalesce(identity_generation, ''), coalesce(column_default, ''), coalesce(generation_expression, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => (r.GetString(0), $"column {r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} identity={r.GetString(5)} {r.GetString(6)} default={r.GetString(7)} generated={r.GetString(8)}")));
        facts.AddRange(await QueryAsync(connection,
            "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => (r.GetString(0), "index " + r.GetString(1))));
        facts.AddRange(await QueryAsync(connection,
            """
            SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public'
            """,
            r => (r.GetString(0), $"constraint {r.GetString(1)} {r.GetString(2)}")));
        facts.AddRange(await QueryAsync(connection,
            "SELECT tablename, 'table' FROM pg_tables WHERE schemaname = 'public'",
            r => (r.GetString(0), "exists")));
        return facts;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(read(reader));
        }

        return result;
    }
}
