using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Dossiers.Data.Migrations;

/// <summary>Work dossiers (hồ sơ công việc): the dossiers with the Phụ lục VI fields, their filed items and grants (ADR 0031).</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004600_Dossiers")]
public sealed class M0046_Dossiers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "dossiers_dossiers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                organ_id = table.Column<string>(maxLength: 35, nullable: false),
                year = table.Column<int>(nullable: false),
                notation = table.Column<string>(maxLength: 20, nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                retention_years = table.Column<int>(nullable: true),
                retention_confirmed = table.Column<bool>(nullable: false),
                rights = table.Column<string>(maxLength: 30, nullable: false),
                creator = table.Column<string>(maxLength: 30, nullable: false),
                language = table.Column<string>(maxLength: 50, nullable: false),
                start_date = table.Column<DateOnly>(nullable: false),
                end_date = table.Column<DateOnly>(nullable: true),
                page_total = table.Column<int>(nullable: true),
                description = table.Column<string>(maxLength: 500, nullable: true),
                keywords = table.Column<string>(maxLength: 500, nullable: true),
                physical_state = table.Column<string>(maxLength: 200, nullable: true),
                file_plan_entry_id = table.Column<Guid>(nullable: true),
                parent_id = table.Column<Guid>(nullable: true),
                owner_id = table.Column<Guid>(nullable: false),
                unit_id = table.Column<Guid>(nullable: false),
                status = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                closed_at = table.Column<DateTime>(nullable: true),
                closed_by_name = table.Column<string>(maxLength: 200, nullable: true),
                reopen_reason = table.Column<string>(maxLength: 1000, nullable: true),
                reopened_at = table.Column<DateTime>(nullable: true),
                reopened_by_name = table.Column<string>(maxLength: 200, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_dossiers_dossiers", x => x.id));
        migrationBuilder.CreateIndex("ix_dossiers_dossiers_agency_id_unit_id", "dossiers_dossiers", ["agency_id", "unit_id"]);
        migrationBuilder.CreateIndex("ix_dossiers_dossiers_owner_id", "dossiers_dossiers", "owner_id");
        migrationBuilder.CreateIndex("ix_dossiers_dossiers_file_plan_entry_id", "dossiers_dossiers", "file_plan_entry_id");
        migrationBuilder.CreateIndex("ix_dossiers_dossiers_parent_id", "dossiers_dossiers", "parent_id");

        migrationBuilder.CreateTable(
            name: "dossiers_dossier_items",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                dossier_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                code = table.Column<string>(maxLength: 60, nullable: true),
                date = table.Column<DateOnly>(nullable: false),
                ordinal = table.Column<int>(nullable: false),
                filed_at = table.Column<DateTime>(nullable: false),
                filed_by_id = table.Column<Guid>(nullable: false),
                filed_by_name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_dossier_items", x => x.id);
                table.ForeignKey("fk_dossiers_dossier_items_dossier_id", x => x.dossier_id, "dossiers_dossiers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_dossiers_dossier_items_dossier_id_kind_item_id", "dossiers_dossier_items", ["dossier_id", "kind", "item_id"], unique: true);
        migrationBuilder.CreateIndex("ix_dossiers_dossier_items_kind_item_id", "dossiers_dossier_items", ["kind", "item_id"]);

        migrationBuilder.CreateTable(
            name: "dossiers_dossier_grants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                dossier_id = table.Column<Guid>(nullable: false),
                kind = table.Column<int>(nullable: false),
                principal_id = table.Column<Guid>(nullable: false),
                granted_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_dossier_grants", x => x.id);
                table.ForeignKey("fk_dossiers_dossier_grants_dossier_id", x => x.dossier_id, "dossiers_dossiers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_dossiers_dossier_grants_dossier_id_kind_principal_id", "dossiers_dossier_grants", ["dossier_id", "kind", "principal_id"], unique: true);
        migrationBuilder.CreateIndex("ix_dossiers_dossier_grants_principal_id", "dossiers_dossier_grants", "principal_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("dossiers_dossier_grants");
        migrationBuilder.DropTable("dossiers_dossier_items");
        migrationBuilder.DropTable("dossiers_dossiers");
    }
}
