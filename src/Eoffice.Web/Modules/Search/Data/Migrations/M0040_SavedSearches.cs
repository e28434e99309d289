using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Search.Data.Migrations;

/// <summary>Saved searches: a person's named search (the query string of /tim-kiem and the chosen columns).</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004000_SavedSearches")]
public sealed class M0040_SavedSearches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "search_saved",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                query = table.Column<string>(maxLength: 4000, nullable: false),
                columns = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_run_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_search_saved", x => x.id));
        migrationBuilder.CreateIndex("ix_search_saved_user_id_created_at", "search_saved", ["user_id", "created_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("search_saved");
}
