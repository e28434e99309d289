using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// The incoming lists read each inbox with one query ordered by (urgency desc, time desc, id desc): the list indexes get
/// the id as tie-breaker so that order (and the keyset cursor after it) comes straight from the index without a sort;
/// "Quá hạn" reads by (recipient, status, due date).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001600_IncomingListIndexes")]
public sealed class M0016_IncomingListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string assignments = "documents_incoming_assignments";
        migrationBuilder.DropIndex("ix_documents_incoming_assignments_recipient_user_id_status_urgency_sent_at", assignments);
        migrationBuilder.DropIndex("ix_documents_incoming_assignments_recipient_unit_id_status_urgency_sent_at", assignments);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_user_id_status_urgency_sent_at_id", assignments, ["recipient_user_id", "status", "urgency", "sent_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_unit_id_status_urgency_sent_at_id", assignments, ["recipient_unit_id", "status", "urgency", "sent_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_user_id_status_due_date", assignments, ["recipient_user_id", "status", "due_date"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_unit_id_status_due_date", assignments, ["recipient_unit_id", "status", "due_date"]);

        const string documents = "documents_incoming";
        migrationBuilder.DropIndex("ix_documents_incoming_agency_id_status_urgency_arrival_at", documents);
        migrationBuilder.DropIndex("ix_documents_incoming_register_id_urgency_arrival_at", documents);
        migrationBuilder.CreateIndex("ix_documents_incoming_agency_id_status_urgency_arrival_at_id", documents, ["agency_id", "status", "urgency", "arrival_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_register_id_urgency_arrival_at_id", documents, ["register_id", "urgency", "arrival_at", "id"]);
    }
}
