using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Exchange.Data.Migrations;

/// <summary>
/// Reconciliation per partner and day (ADR 0030 §23): the agency's deliveries are read by the time they were queued.
/// The state "stopped" (8, ADR 0030 §24) is a new value of the existing integer column; no column changes.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202005500_ExchangeReconciliation")]
public sealed class M0055_ExchangeReconciliation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("ix_exchange_deliveries_agency_id_created_at", "exchange_deliveries", ["agency_id", "created_at"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("ix_exchange_deliveries_agency_id_created_at", "exchange_deliveries");
}
