using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Exchange.Data.Migrations;

/// <summary>
/// Received edXML packages (ADR 0030 §7): unique per agency by sender and DocumentId, with the pending item they became
/// and the signed receipt answered, so the same package again answers the same receipt and creates nothing.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004300_ExchangeReceivedPackages")]
public sealed class M0043_ExchangeReceivedPackages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "exchange_received_packages",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                sender_id = table.Column<string>(maxLength: 35, nullable: false),
                document_id = table.Column<string>(maxLength: 100, nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                pending_id = table.Column<Guid>(nullable: false),
                receipt_xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_exchange_received_packages", x => x.id));
        migrationBuilder.CreateIndex("ix_exchange_received_packages_agency_id_sender_id_document_id", "exchange_received_packages",
            ["agency_id", "sender_id", "document_id"], unique: true);
        migrationBuilder.CreateIndex("ix_exchange_received_packages_pending_id", "exchange_received_packages", "pending_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("exchange_received_packages");
}
