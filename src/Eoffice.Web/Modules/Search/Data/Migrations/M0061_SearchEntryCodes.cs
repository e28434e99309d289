using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Search.Data.Migrations;

/// <summary>
/// The codes' b-tree (ADR 0029 §9): each entry's codes folded (<see cref="SearchText.CodeKey"/>), so that a number
/// look-up reads a few rows of a b-tree instead of intersecting full-text postings. The codes are computed in C#, so
/// every entry is marked for re-indexing (an empty hash), as M0041 did; the recurring job <c>search.reindex-marked</c>
/// writes them in batches, and until then a number is still found through the full text (the look-up falls back to it).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202006100_SearchEntryCodes")]
public sealed class M0061_SearchEntryCodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "search_entry_codes",
            columns: table => new
            {
                entry_id = table.Column<long>(nullable: false),
                code = table.Column<string>(maxLength: SearchEntryCode.CodeMaxLength, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_search_entry_codes", x => new { x.entry_id, x.code });
                table.ForeignKey("fk_search_entry_codes_entry_id", x => x.entry_id, "search_entries", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql(SearchIndexSchema.CodeIndex(migrationBuilder.IsSqlite()));
        migrationBuilder.Sql("UPDATE search_entries SET content_hash = ''");
    }
}
