using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Indexes for the outgoing lists at 300,000 documents (docs/benchmarks.md, "Outgoing lists"):
/// <list type="bullet">
/// <item>"Chờ tôi xử lý" of a unit's leader also reads the requests for comments addressed to the unit: by recipient unit
/// and status, only the rows addressed to a unit (as the incoming by-unit indexes, M0017).</item>
/// <item>"Đã trình" and "Chờ tôi xử lý" start from the documents on their way (by agency and status): the id joins the
/// index so that they are read without their rows; "Đã trình" then looks, for each, for a step its viewer sent: the
/// steps (root hops) by document and sender, again without the rows.</item>
/// <item>"Đã phát hành" of a leader walks the agency's issued documents newest first and checks each for the leader's
/// access rows: by agency and issue time, with the id as tie-breaker; without it the list sorted every document the
/// leader ever saw issued (half the agency's). It holds only the rows with an issue time (issued and recalled
/// documents): SQLite without statistics for it took an index on (agency, status, …) for the drafts' list too.</item>
/// </list>
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003300_OutgoingListIndexes")]
public sealed class M0033_OutgoingListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string documents = "documents_outgoing";
        const string assignments = "documents_outgoing_assignments";
        migrationBuilder.CreateIndex("ix_documents_outgoing_assignments_by_unit", assignments,
            ["recipient_unit_id", "status", "urgency", "sent_at", "id"], filter: "recipient_unit_id IS NOT NULL");
        migrationBuilder.CreateIndex("ix_documents_outgoing_assignments_steps", assignments, ["document_id", "sender_id", "sent_at"], filter: "parent_id IS NULL");
        migrationBuilder.DropIndex("ix_documents_outgoing_agency_id_status_created_at", documents);
        migrationBuilder.CreateIndex("ix_documents_outgoing_agency_id_status_created_at_id", documents, ["agency_id", "status", "created_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_issued", documents, ["agency_id", "issued_at", "id"], filter: "issued_at IS NOT NULL");
    }
}
