using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search.Data;

/// <summary>
/// The full-text index, outside the EF model (EF cannot describe an FTS5 virtual table or a tsvector column with its
/// GIN indexes): created by migration M0039 with these statements, and by the schema test on a database built from the
/// model, so both must still agree. SQLite: a contentless FTS5 table whose rowid is <c>search_entries.id</c> (rows are
/// deleted with DELETE thanks to <c>contentless_delete</c>, SQLite ≥ 3.43; the bundled one is 3.50). PostgreSQL: a
/// tsvector over the folded text ('simple' configuration: the folding is done in C#) and the codes with a trigram index.
/// </summary>
public static class SearchIndexSchema
{
    public static IReadOnlyList<string> Sqlite { get; } =
    [
        "CREATE VIRTUAL TABLE search_fts USING fts5(codes, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3', detail=column)",
    ];

    public static IReadOnlyList<string> Postgres { get; } =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        """
        CREATE TABLE search_fts (
            entry_id bigint NOT NULL,
            codes text NOT NULL,
            vector tsvector NOT NULL,
            CONSTRAINT pk_search_fts PRIMARY KEY (entry_id),
            CONSTRAINT fk_search_fts_entry_id FOREIGN KEY (entry_id) REFERENCES search_entries (id) ON DELETE CASCADE)
        """,
        "CREATE INDEX ix_search_fts_vector ON search_fts USING gin (vector)",
        "CREATE INDEX ix_search_fts_codes ON search_fts USING gin (codes gin_trgm_ops)",
    ];

    public static IReadOnlyList<string> For(bool sqlite) => sqlite ? Sqlite : Postgres;

    /// <summary>Creates the index in a database built from the model (<c>EnsureCreated</c>, in tests and benchmarks).</summary>
    public static async Task CreateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        foreach (var sql in For(db.Database.IsSqlite()))
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }
}
