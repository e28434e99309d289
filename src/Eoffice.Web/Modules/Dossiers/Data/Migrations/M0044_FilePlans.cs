using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Dossiers.Data.Migrations;

/// <summary>The yearly file plan (danh mục hồ sơ): plans, their headings and entries (ADR 0031).</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004400_FilePlans")]
public sealed class M0044_FilePlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "dossiers_file_plans",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                numbering = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                revision = table.Column<int>(nullable: false),
                copied_from_id = table.Column<Guid>(nullable: true),
                created_by_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                submitted_at = table.Column<DateTime>(nullable: true),
                submitted_by_name = table.Column<string>(maxLength: 200, nullable: true),
                approved_at = table.Column<DateTime>(nullable: true),
                approved_by_id = table.Column<Guid>(nullable: true),
                approved_by_name = table.Column<string>(maxLength: 200, nullable: true),
                return_reason = table.Column<string>(maxLength: 1000, nullable: true),
                returned_at = table.Column<DateTime>(nullable: true),
                returned_by_name = table.Column<string>(maxLength: 200, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_dossiers_file_plans", x => x.id));
        migrationBuilder.CreateIndex("ix_dossiers_file_plans_agency_id_year", "dossiers_file_plans", ["agency_id", "year"], unique: true);

        migrationBuilder.CreateTable(
            name: "dossiers_file_plan_headings",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                file_plan_id = table.Column<Guid>(nullable: false),
                parent_id = table.Column<Guid>(nullable: true),
                title = table.Column<string>(maxLength: 500, nullable: false),
                abbreviation = table.Column<string>(maxLength: 20, nullable: true),
                sort_order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_file_plan_headings", x => x.id);
                table.ForeignKey("fk_dossiers_file_plan_headings_file_plan_id", x => x.file_plan_id, "dossiers_file_plans", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_dossiers_file_plan_headings_file_plan_id", "dossiers_file_plan_headings", "file_plan_id");

        migrationBuilder.CreateTable(
            name: "dossiers_file_plan_entries",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                file_plan_id = table.Column<Guid>(nullable: false),
                heading_id = table.Column<Guid>(nullable: false),
                sort_order = table.Column<int>(nullable: false),
                sequence = table.Column<int>(nullable: false),
                code = table.Column<string>(maxLength: 40, nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                retention_years = table.Column<int>(nullable: true),
                responsible_unit_id = table.Column<Guid>(nullable: false),
                responsible_person_id = table.Column<Guid>(nullable: true),
                notes = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_file_plan_entries", x => x.id);
                table.ForeignKey("fk_dossiers_file_plan_entries_file_plan_id", x => x.file_plan_id, "dossiers_file_plans", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_dossiers_file_plan_entries_heading_id", x => x.heading_id, "dossiers_file_plan_headings", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_dossiers_file_plan_entries_file_plan_id", "dossiers_file_plan_entries", "file_plan_id");
        migrationBuilder.CreateIndex("ix_dossiers_file_plan_entries_heading_id", "dossiers_file_plan_entries", "heading_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("dossiers_file_plan_entries");
        migrationBuilder.DropTable("dossiers_file_plan_headings");
        migrationBuilder.DropTable("dossiers_file_plans");
    }
}
