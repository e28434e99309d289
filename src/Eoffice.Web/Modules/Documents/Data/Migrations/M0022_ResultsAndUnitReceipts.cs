using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Finishing along the chain of responsibility and units with their own clerk (issue 9): an assignment remembers what it
/// came back to its holder for (<c>awaiting</c>: a result to confirm, feedback to read) and, for a unit with its own
/// register, the register its clerk receives it into; the agency chooses whether unit heads confirm results; a unit's
/// register records what its clerk received from the agency with the unit's own number.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121002200_ResultsAndUnitReceipts")]
public sealed class M0022_ResultsAndUnitReceipts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("awaiting", "documents_incoming_assignments", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<Guid>("receiving_register_id", "documents_incoming_assignments", nullable: true);
        migrationBuilder.AddColumn<bool>("unit_heads_confirm_results", "documents_incoming_settings", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "documents_incoming_unit_receipts",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                assignment_id = table.Column<Guid>(nullable: false),
                unit_id = table.Column<Guid>(nullable: false),
                register_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                number = table.Column<int>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                received_by_id = table.Column<Guid>(nullable: false),
                received_by_name = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming_unit_receipts", x => x.id);
                table.ForeignKey("fk_documents_incoming_unit_receipts_document_id", x => x.document_id, "documents_incoming", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_documents_incoming_unit_receipts_register_id", x => x.register_id, "documents_registers", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_unit_receipts_register_id_year_number", "documents_incoming_unit_receipts", ["register_id", "year", "number"],
            unique: true);
        migrationBuilder.CreateIndex("ix_documents_incoming_unit_receipts_register_id_received_at", "documents_incoming_unit_receipts", ["register_id", "received_at"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_unit_receipts_document_id", "documents_incoming_unit_receipts", "document_id");
    }
}
