using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Organization.Data.Migrations;

/// <summary>Agencies, their unit trees and positions.</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000500_Organization")]
public sealed class M0005_Organization : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "organization_agencies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 35, nullable: false),
                full_name = table.Column<string>(maxLength: 300, nullable: false),
                short_name = table.Column<string>(maxLength: 50, nullable: false),
                address = table.Column<string>(maxLength: 300, nullable: true),
                phone = table.Column<string>(maxLength: 50, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                is_active = table.Column<bool>(nullable: false),
                rights_approver_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_organization_agencies", x => x.id));
        migrationBuilder.CreateIndex("ix_organization_agencies_code", "organization_agencies", "code", unique: true);

        migrationBuilder.CreateTable(
            name: "organization_units",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                parent_id = table.Column<Guid>(nullable: true),
                name = table.Column<string>(maxLength: 300, nullable: false),
                code = table.Column<string>(maxLength: 20, nullable: true),
                kind = table.Column<int>(nullable: false),
                has_own_clerk = table.Column<bool>(nullable: false),
                sort_order = table.Column<int>(nullable: false),
                phone = table.Column<string>(maxLength: 50, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_organization_units", x => x.id);
                table.ForeignKey("fk_organization_units_agency_id", x => x.agency_id, "organization_agencies", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_organization_units_parent_id", x => x.parent_id, "organization_units", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_organization_units_agency_id_parent_id", "organization_units", ["agency_id", "parent_id"]);
        migrationBuilder.CreateIndex("ix_organization_units_parent_id", "organization_units", "parent_id");

        migrationBuilder.CreateTable(
            name: "organization_positions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 150, nullable: false),
                is_leadership = table.Column<bool>(nullable: false),
                rank = table.Column<int>(nullable: false),
                is_active = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_organization_positions", x => x.id);
                table.ForeignKey("fk_organization_positions_agency_id", x => x.agency_id, "organization_agencies", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_organization_positions_agency_id_name", "organization_positions", ["agency_id", "name"], unique: true);
    }
}
