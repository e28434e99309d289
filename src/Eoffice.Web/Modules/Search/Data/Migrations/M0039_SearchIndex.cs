using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Search.Data.Migrations;

/// <summary>
/// The one search index: an entry per item of every kind (what a hit shows, the facets), its text for snippets, its
/// readers (access, filtered in SQL), its files (re-indexed when their text is extracted), and the full-text index per
/// provider. Existing documents are indexed by <c>search-rebuild</c> (or the admin page).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003900_SearchIndex")]
public sealed class M0039_SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "search_entries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                kind = table.Column<string>(maxLength: 40, nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 1000, nullable: false),
                code = table.Column<string>(maxLength: 200, nullable: true),
                url = table.Column<string>(maxLength: 300, nullable: false),
                date = table.Column<DateOnly>(nullable: true),
                type_code = table.Column<string>(maxLength: 40, nullable: true),
                type_name = table.Column<string>(maxLength: 300, nullable: true),
                organ = table.Column<string>(maxLength: 500, nullable: true),
                register_id = table.Column<Guid>(nullable: true),
                register_name = table.Column<string>(maxLength: 300, nullable: true),
                unit_id = table.Column<Guid>(nullable: true),
                unit_name = table.Column<string>(maxLength: 300, nullable: true),
                state = table.Column<string>(maxLength: 40, nullable: true),
                state_name = table.Column<string>(maxLength: 300, nullable: true),
                content_hash = table.Column<string>(maxLength: 64, nullable: false),
                indexed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_search_entries", x => x.id));
        migrationBuilder.CreateIndex("ix_search_entries_kind_item_id", "search_entries", ["kind", "item_id"], unique: true);
        migrationBuilder.CreateIndex("ix_search_entries_agency_id_date_id", "search_entries", ["agency_id", "date", "id"]);

        migrationBuilder.CreateTable(
            name: "search_entry_texts",
            columns: table => new
            {
                entry_id = table.Column<long>(nullable: false),
                body = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_search_entry_texts", x => x.entry_id);
                table.ForeignKey("fk_search_entry_texts_entry_id", x => x.entry_id, "search_entries", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "search_entry_readers",
            columns: table => new
            {
                entry_id = table.Column<long>(nullable: false),
                principal_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_search_entry_readers", x => new { x.entry_id, x.principal_id });
                table.ForeignKey("fk_search_entry_readers_entry_id", x => x.entry_id, "search_entries", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_search_entry_readers_principal_id_entry_id", "search_entry_readers", ["principal_id", "entry_id"]);

        migrationBuilder.CreateTable(
            name: "search_entry_files",
            columns: table => new
            {
                entry_id = table.Column<long>(nullable: false),
                file_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_search_entry_files", x => new { x.entry_id, x.file_id });
                table.ForeignKey("fk_search_entry_files_entry_id", x => x.entry_id, "search_entries", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_search_entry_files_file_id", "search_entry_files", "file_id");

        foreach (var sql in migrationBuilder.IsSqlite() ? Sqlite : Postgres)
        {
            migrationBuilder.Sql(sql);
        }
    }

    /// <summary>The full-text layout of this version (ADR 0025), kept as it was: M0041 replaces it (ADR 0029, <see cref="SearchIndexSchema"/>).</summary>
    private static readonly string[] Sqlite =
    [
        "CREATE VIRTUAL TABLE search_fts USING fts5(codes, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3', detail=column)",
    ];

    private static readonly string[] Postgres =
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
}
