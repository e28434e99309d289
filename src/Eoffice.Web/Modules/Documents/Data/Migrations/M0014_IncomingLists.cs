using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// The incoming lists: the issuing organ folded for the lists' filter; the "Theo dõi" list of agency-wide trackers reads
/// active documents by agency, status, urgency and arrival time, the register list by register, urgency and arrival time.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001400_IncomingLists")]
public sealed class M0014_IncomingLists : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("issuing_organ_folded", "documents_incoming", maxLength: 200, nullable: true);
        migrationBuilder.CreateIndex("ix_documents_incoming_agency_id_status_urgency_arrival_at", "documents_incoming", ["agency_id", "status", "urgency", "arrival_at"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_register_id_urgency_arrival_at", "documents_incoming", ["register_id", "urgency", "arrival_at"]);
    }
}
