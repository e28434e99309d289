using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Exchange.Data.Migrations;

/// <summary>
/// Sending (ADR 0030 §15–§19): a delivery row per issued document and partner with its state, the statuses partners
/// answered (unique per delivery and code, so a repeated status changes nothing), and the statuses this agency owes the
/// senders of the packages it received (unique per package and code).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202005000_ExchangeSending")]
public sealed class M0050_ExchangeSending : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "exchange_deliveries",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                outgoing_id = table.Column<Guid>(nullable: false),
                recipient_id = table.Column<Guid>(nullable: false),
                partner_id = table.Column<Guid>(nullable: false),
                organ_id = table.Column<string>(maxLength: 35, nullable: false),
                partner_name = table.Column<string>(maxLength: 300, nullable: false),
                channel = table.Column<int>(nullable: false),
                package_document_id = table.Column<string>(maxLength: 100, nullable: false),
                is_urgent = table.Column<bool>(nullable: false),
                clerk_id = table.Column<Guid>(nullable: true),
                state = table.Column<int>(nullable: false),
                state_at = table.Column<DateTime>(nullable: false),
                refusal_reason = table.Column<string>(maxLength: 1000, nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_attempt_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(maxLength: 1000, nullable: true),
                sent_at = table.Column<DateTime>(nullable: true),
                acknowledged_at = table.Column<DateTime>(nullable: true),
                alerted_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_exchange_deliveries", x => x.id));
        migrationBuilder.CreateIndex("ix_exchange_deliveries_outgoing_id_recipient_id", "exchange_deliveries", ["outgoing_id", "recipient_id"], unique: true);
        migrationBuilder.CreateIndex("ix_exchange_deliveries_agency_id_package_document_id_organ_id", "exchange_deliveries",
            ["agency_id", "package_document_id", "organ_id"], unique: true);
        migrationBuilder.CreateIndex("ix_exchange_deliveries_state_alerted_at", "exchange_deliveries", ["state", "alerted_at"]);

        migrationBuilder.CreateTable(
            name: "exchange_delivery_statuses",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                delivery_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 2, nullable: false),
                description = table.Column<string>(maxLength: 1000, nullable: true),
                sent_at = table.Column<DateTime>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_exchange_delivery_statuses", x => x.id));
        migrationBuilder.CreateIndex("ix_exchange_delivery_statuses_delivery_id_code", "exchange_delivery_statuses", ["delivery_id", "code"], unique: true);

        migrationBuilder.CreateTable(
            name: "exchange_status_reports",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                received_package_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 2, nullable: false),
                description = table.Column<string>(maxLength: 1000, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_exchange_status_reports", x => x.id));
        migrationBuilder.CreateIndex("ix_exchange_status_reports_received_package_id_code", "exchange_status_reports", ["received_package_id", "code"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("exchange_status_reports");
        migrationBuilder.DropTable("exchange_delivery_statuses");
        migrationBuilder.DropTable("exchange_deliveries");
    }
}
