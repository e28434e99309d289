using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Search.Data.Migrations;

/// <summary>
/// The full-text index keyed newest first with the readers inside the match (ADR 0029): the full-text structures of
/// M0039 are replaced by those of <see cref="SearchIndexSchema"/> (empty), and every entry is marked for re-indexing
/// (an empty hash); the recurring job <c>search.reindex-marked</c> writes them again in batches, so an upgraded
/// installation recovers by itself, and the index check reports the entries still waiting until it is done. PostgreSQL
/// keeps the pg_trgm extension, which the index no longer uses: it is left to the database administrator.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004100_SearchIndexByKeyAndReaders")]
public sealed class M0041_SearchIndexByKeyAndReaders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE search_fts");
        foreach (var sql in SearchIndexSchema.For(migrationBuilder.IsSqlite()))
        {
            migrationBuilder.Sql(sql);
        }

        migrationBuilder.Sql("UPDATE search_entries SET content_hash = ''");
    }
}
