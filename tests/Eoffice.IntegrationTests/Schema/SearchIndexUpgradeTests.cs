using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.IntegrationTests.Schema;

/// <summary>
/// The upgrade to the full-text layout of ADR 0029 (M0041): an index written in the layout of M0039 is replaced by the
/// new structures, every entry is marked, and the marked entries are written again in the new layout.
/// </summary>
public abstract class SearchIndexUpgradeTests(DatabaseProvider provider)
{
    private const string BeforeLayout = "20261202004000_SavedSearches";

    [DbFact]
    public async Task Upgrading_to_the_keyed_layout_marks_every_entry_and_the_new_rows_hold_key_codes_words_and_readers()
    {
        var (db, cleanup) = await TestDatabases.CreateBareAsync(provider);
        try
        {
            var sqlite = provider == DatabaseProvider.Sqlite;
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(BeforeLayout);
            var itemId = Guid.CreateVersion7();
            var agencyId = Guid.CreateVersion7();
            object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO search_entries (kind, item_id, agency_id, title, url, date, content_hash, indexed_at) VALUES ('incoming', {0}, {1}, 'V/v sửa chữa cầu', '/x', {2}, 'abc', {3})",
                Id(itemId), Id(agencyId), sqlite ? "2026-03-04" : new DateOnly(2026, 3, 4), DateTime.UtcNow);
            var entryId = await db.Set<SearchEntry>().Where(e => e.ItemId == itemId).Select(e => e.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync(sqlite
                ? "INSERT INTO search_fts (rowid, codes, body) VALUES ({0}, ' 12 qd 12qd ', 'v v sua chua cau')"
                : "INSERT INTO search_fts (entry_id, codes, vector) VALUES ({0}, ' 12 qd 12qd ', to_tsvector('simple', 'v v sua chua cau'))", entryId);

            await migrator.MigrateAsync();

            Assert.Equal("", await db.Set<SearchEntry>().Where(e => e.Id == entryId).Select(e => e.ContentHash).SingleAsync());
            Assert.Equal(0, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM search_fts"));

            // The indexer writes the new row: under its key, with its readers.
            var reader = Guid.CreateVersion7();
            var item = SearchIndexer.Prepare("incoming", new SearchItem(itemId, agencyId, "V/v sửa chữa cầu", "12/QĐ-UBND", "/x", new DateOnly(2026, 3, 4),
                new SearchFacetValues(), [new SearchField("Số, ký hiệu", "12/QĐ-UBND", true)], [], [reader]), new Dictionary<Guid, string>());
            await db.Database.ExecuteSqlRawAsync(SearchFullText.InsertSql(sqlite), SearchFullText.InsertValues(sqlite, entryId, new DateOnly(2026, 3, 4), item));
            var key = SearchKey.Of(new DateOnly(2026, 3, 4), entryId);
            Assert.Equal(1, await CountAsync(db, sqlite
                ? $"SELECT count(*) AS \"Value\" FROM search_fts WHERE search_fts MATCH 'codes : \"12qdubnd\" AND readers : \"{SearchFullText.ReaderToken(reader)}\"' AND rowid = {key}"
                : $"SELECT count(*)::int AS \"Value\" FROM search_fts WHERE codes @@ to_tsquery('simple', '12qdubnd') AND readers && ARRAY['{reader}']::uuid[] AND key = {key}"));
        }
        finally
        {
            await cleanup();
        }
    }

    private static Task<int> CountAsync(DbContext db, string sql) => db.Database.SqlQueryRaw<int>(sql).SingleAsync();
}

public sealed class SearchIndexUpgradeTestsOnSqlite() : SearchIndexUpgradeTests(DatabaseProvider.Sqlite);

public sealed class SearchIndexUpgradeTestsOnPostgres() : SearchIndexUpgradeTests(DatabaseProvider.Postgres), IPostgresSuite;
