using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search.Data;

/// <summary>
/// The full-text index, outside the EF model (EF cannot describe an FTS5 virtual table or tsvector columns with their
/// GIN indexes), in the layout of ADR 0029: created by migration M0041 with these statements, and by the schema test on
/// a database built from the model, so both must still agree. Each row is keyed by <see cref="SearchKey"/> (newest
/// first) and holds the folded codes, the folded words and the reader principals, so that one full-text query decides
/// match, access and order. SQLite: a contentless FTS5 table whose rowid is the key (rows are deleted with DELETE
/// thanks to <c>contentless_delete</c>, SQLite ≥ 3.43; the bundled one is 3.50), readers as tokens
/// (<see cref="SearchFullText.ReaderToken"/>). PostgreSQL: stripped tsvectors ('simple' configuration: the folding is
/// done in C#) for the codes and the words, the readers as <c>uuid[]</c>, each with a GIN index, and the key's b-tree.
/// Entries marked for re-indexing (an empty hash, <see cref="SearchReindexMarkedJob"/>) have a partial index.
/// </summary>
public static class SearchIndexSchema
{
    public static IReadOnlyList<string> Sqlite { get; } =
    [
        "CREATE VIRTUAL TABLE search_fts USING fts5(codes, body, readers, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', " +
            "prefix='2 3 4 5 6', detail=column)",
        "CREATE INDEX ix_search_entries_marked ON search_entries (id) WHERE content_hash = ''",
    ];

    public static IReadOnlyList<string> Postgres { get; } =
    [
        """
        CREATE TABLE search_fts (
            entry_id bigint NOT NULL,
            key bigint NOT NULL,
            codes tsvector NOT NULL,
            vector tsvector NOT NULL,
            readers uuid[] NOT NULL,
            CONSTRAINT pk_search_fts PRIMARY KEY (entry_id),
            CONSTRAINT fk_search_fts_entry_id FOREIGN KEY (entry_id) REFERENCES search_entries (id) ON DELETE CASCADE)
        """,
        "CREATE UNIQUE INDEX ix_search_fts_key ON search_fts (key)",
        "CREATE INDEX ix_search_fts_vector ON search_fts USING gin (vector)",
        "CREATE INDEX ix_search_fts_codes ON search_fts USING gin (codes)",
        "CREATE INDEX ix_search_fts_readers ON search_fts USING gin (readers)",
        "CREATE INDEX ix_search_entries_marked ON search_entries (id) WHERE content_hash = ''",
    ];

    /// <summary>The full-text structures, as M0041 made them.</summary>
    public static IReadOnlyList<string> For(bool sqlite) => sqlite ? Sqlite : Postgres;

    /// <summary>
    /// The index of the codes' b-tree (<see cref="SearchEntryCode"/>, M0061), made by each provider's own statement: for
    /// PostgreSQL with <c>text_pattern_ops</c>, so that a LIKE prefix uses it whatever the database's collation; for
    /// SQLite a plain index, which a GLOB prefix uses (binary collation).
    /// </summary>
    public static string CodeIndex(bool sqlite) => sqlite
        ? "CREATE INDEX ix_search_entry_codes_code ON search_entry_codes (code)"
        : "CREATE INDEX ix_search_entry_codes_code ON search_entry_codes (code text_pattern_ops)";

    /// <summary>Creates the index in a database built from the model (<c>EnsureCreated</c>, in tests and benchmarks).</summary>
    public static async Task CreateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        foreach (var sql in For(db.Database.IsSqlite()).Append(CodeIndex(db.Database.IsSqlite())))
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }
}

/// <summary>The statements that write one full-text row, shared by the indexer and the benchmark's bulk load.</summary>
public static class SearchFullText
{
    /// <summary>Deletes the row of an entry: by its key (SQLite rowid) or its entry id (PostgreSQL). Parameter {0}.</summary>
    public static string DeleteSql(bool sqlite) => sqlite ? "DELETE FROM search_fts WHERE rowid = {0}" : "DELETE FROM search_fts WHERE entry_id = {0}";

    /// <summary>Inserts the row of an entry; parameters from <see cref="InsertValues"/>.</summary>
    public static string InsertSql(bool sqlite) => sqlite
        ? "INSERT INTO search_fts (rowid, codes, body, readers) VALUES ({0}, {1}, {2}, {3})"
        : "INSERT INTO search_fts (entry_id, key, codes, vector, readers) VALUES ({0}, {1}, strip(to_tsvector('simple', {2})), strip(to_tsvector('simple', {3})), {4})";

    public static object[] InsertValues(bool sqlite, long entryId, DateOnly? date, IndexedItem item)
    {
        var key = SearchKey.Of(date, entryId);
        var readers = item.Item.Readers.Distinct().Order().ToArray();
        return sqlite
            ? [key, item.Codes, item.Words, string.Join(' ', readers.Select(ReaderToken))]
            : [entryId, key, item.Codes, item.Words, readers];
    }

    /// <summary>A reader principal as an FTS5 token: "r" and the 32 hexadecimal digits (one word for the unicode61 tokenizer).</summary>
    public static string ReaderToken(Guid principal) => "r" + principal.ToString("N");
}
