using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Exchange.Data.Migrations;

/// <summary>The exchange directory: partner agencies, their channel, address and certificate (ADR 0030).</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004200_ExchangePartners")]
public sealed class M0042_ExchangePartners : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "exchange_partners",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                organ_id = table.Column<string>(maxLength: 35, nullable: false),
                name = table.Column<string>(maxLength: 300, nullable: false),
                channel = table.Column<int>(nullable: false),
                endpoint = table.Column<string>(maxLength: 500, nullable: false),
                certificate_der = table.Column<byte[]>(nullable: true),
                certificate_subject = table.Column<string>(maxLength: 500, nullable: true),
                certificate_thumbprint = table.Column<string>(maxLength: 64, nullable: true),
                certificate_not_before = table.Column<DateTime>(nullable: true),
                certificate_not_after = table.Column<DateTime>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_exchange_partners", x => x.id));
        migrationBuilder.CreateIndex("ix_exchange_partners_agency_id_organ_id", "exchange_partners", ["agency_id", "organ_id"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("exchange_partners");
}
