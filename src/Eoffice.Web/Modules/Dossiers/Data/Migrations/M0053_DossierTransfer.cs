using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Dossiers.Data.Migrations;

/// <summary>
/// Retention and transfer (ADR 0031, decisions 17–22): a dossier's construction flag, keep-back, transfer and destruction
/// marks; the archive transfers with their dossiers; the destruction decisions with their lists; the handovers.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202005300_DossierTransfer")]
public sealed class M0053_DossierTransfer : Migration
{
    private const string Dossiers = "dossiers_dossiers";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("construction_records", Dossiers, nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateOnly>("keep_back_until", Dossiers, nullable: true);
        migrationBuilder.AddColumn<string>("keep_back_reason", Dossiers, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>("keep_back_approved_by_name", Dossiers, maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateTime>("keep_back_approved_at", Dossiers, nullable: true);
        migrationBuilder.AddColumn<DateOnly>("transfer_alerted_on", Dossiers, nullable: true);
        migrationBuilder.AddColumn<Guid>("archive_transfer_id", Dossiers, nullable: true);
        migrationBuilder.AddColumn<DateTime>("transferred_at", Dossiers, nullable: true);
        migrationBuilder.AddColumn<Guid>("destruction_id", Dossiers, nullable: true);
        migrationBuilder.AddColumn<DateTime>("destroyed_at", Dossiers, nullable: true);
        migrationBuilder.CreateIndex("ix_dossiers_dossiers_agency_id_status", Dossiers, ["agency_id", "status"]);
        migrationBuilder.CreateIndex("ix_dossiers_dossiers_archive_transfer_id", Dossiers, "archive_transfer_id");

        migrationBuilder.CreateTable(
            name: "dossiers_archive_transfers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                unit_id = table.Column<Guid>(nullable: false),
                delivered_by_name = table.Column<string>(maxLength: 200, nullable: false),
                note = table.Column<string>(maxLength: 1000, nullable: true),
                status = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by_id = table.Column<Guid>(nullable: false),
                created_by_name = table.Column<string>(maxLength: 200, nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                completed_by_name = table.Column<string>(maxLength: 200, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_dossiers_archive_transfers", x => x.id));
        migrationBuilder.CreateIndex("ix_dossiers_archive_transfers_agency_id_status", "dossiers_archive_transfers", ["agency_id", "status"]);

        migrationBuilder.CreateTable(
            name: "dossiers_archive_transfer_dossiers",
            columns: table => new
            {
                archive_transfer_id = table.Column<Guid>(nullable: false),
                dossier_id = table.Column<Guid>(nullable: false),
                ordinal = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_archive_transfer_dossiers", x => new { x.archive_transfer_id, x.dossier_id });
                table.ForeignKey("fk_dossiers_archive_transfer_dossiers_archive_transfer_id", x => x.archive_transfer_id, "dossiers_archive_transfers", "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_dossiers_archive_transfer_dossiers_dossier_id", "dossiers_archive_transfer_dossiers", "dossier_id");

        migrationBuilder.CreateTable(
            name: "dossiers_destructions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                decision_number = table.Column<string>(maxLength: 50, nullable: false),
                decision_date = table.Column<DateOnly>(nullable: false),
                decided_by_name = table.Column<string>(maxLength: 200, nullable: false),
                council = table.Column<string>(maxLength: 2000, nullable: false),
                recorded_by_id = table.Column<Guid>(nullable: false),
                recorded_by_name = table.Column<string>(maxLength: 200, nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_dossiers_destructions", x => x.id));
        migrationBuilder.CreateIndex("ix_dossiers_destructions_agency_id", "dossiers_destructions", "agency_id");

        migrationBuilder.CreateTable(
            name: "dossiers_destroyed_dossiers",
            columns: table => new
            {
                destruction_id = table.Column<Guid>(nullable: false),
                dossier_id = table.Column<Guid>(nullable: false),
                ordinal = table.Column<int>(nullable: false),
                file_code = table.Column<string>(maxLength: 80, nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                retention_text = table.Column<string>(maxLength: 30, nullable: false),
                document_count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_destroyed_dossiers", x => new { x.destruction_id, x.dossier_id });
                table.ForeignKey("fk_dossiers_destroyed_dossiers_destruction_id", x => x.destruction_id, "dossiers_destructions", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_dossiers_destroyed_dossiers_dossier_id", "dossiers_destroyed_dossiers", "dossier_id");

        migrationBuilder.CreateTable(
            name: "dossiers_handovers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                from_user_id = table.Column<Guid>(nullable: false),
                from_name = table.Column<string>(maxLength: 200, nullable: false),
                to_user_id = table.Column<Guid>(nullable: false),
                to_name = table.Column<string>(maxLength: 200, nullable: false),
                at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_dossiers_handovers", x => x.id));
        migrationBuilder.CreateIndex("ix_dossiers_handovers_agency_id", "dossiers_handovers", "agency_id");

        migrationBuilder.CreateTable(
            name: "dossiers_handover_dossiers",
            columns: table => new
            {
                handover_id = table.Column<Guid>(nullable: false),
                dossier_id = table.Column<Guid>(nullable: false),
                notation = table.Column<string>(maxLength: 20, nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_dossiers_handover_dossiers", x => new { x.handover_id, x.dossier_id });
                table.ForeignKey("fk_dossiers_handover_dossiers_handover_id", x => x.handover_id, "dossiers_handovers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_dossiers_handover_dossiers_dossier_id", "dossiers_handover_dossiers", "dossier_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("dossiers_handover_dossiers");
        migrationBuilder.DropTable("dossiers_handovers");
        migrationBuilder.DropTable("dossiers_destroyed_dossiers");
        migrationBuilder.DropTable("dossiers_destructions");
        migrationBuilder.DropTable("dossiers_archive_transfer_dossiers");
        migrationBuilder.DropTable("dossiers_archive_transfers");
        migrationBuilder.DropIndex("ix_dossiers_dossiers_archive_transfer_id", Dossiers);
        migrationBuilder.DropIndex("ix_dossiers_dossiers_agency_id_status", Dossiers);
        foreach (var column in new[] { "destroyed_at", "destruction_id", "transferred_at", "archive_transfer_id", "transfer_alerted_on", "keep_back_approved_at",
                     "keep_back_approved_by_name", "keep_back_reason", "keep_back_until", "construction_records" })
        {
            migrationBuilder.DropColumn(column, Dossiers);
        }
    }
}
