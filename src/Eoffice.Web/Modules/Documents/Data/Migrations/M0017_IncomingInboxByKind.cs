using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// The inbox indexes split by kind of assignment, and every recipient index limited to the rows addressed that way.
/// "Nhận để biết" (role 3) piles up in a leader's inbox and is often left open; with one index over every role, an empty
/// "Nhận để biết" tab read all of the director's assignments and "Chờ xử lý" had to step over the open information rows.
/// Two partial indexes — work (role &lt;&gt; 3) and information (role = 3) — are together the size of the one they
/// replace. An assignment goes to a person or to a unit, never both: without the <c>IS NOT NULL</c> filters the
/// by-unit indexes were mostly NULLs, and SQLite's statistics then made a unit's range look like millions of rows.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001700_IncomingInboxByKind")]
public sealed class M0017_IncomingInboxByKind : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string assignments = "documents_incoming_assignments";
        string[] byUser = ["recipient_user_id", "status", "urgency", "sent_at", "id"];
        string[] byUnit = ["recipient_unit_id", "status", "urgency", "sent_at", "id"];
        migrationBuilder.DropIndex("ix_documents_incoming_assignments_recipient_user_id_status_urgency_sent_at_id", assignments);
        migrationBuilder.DropIndex("ix_documents_incoming_assignments_recipient_unit_id_status_urgency_sent_at_id", assignments);
        migrationBuilder.DropIndex("ix_documents_incoming_assignments_recipient_user_id_status_due_date", assignments);
        migrationBuilder.DropIndex("ix_documents_incoming_assignments_recipient_unit_id_status_due_date", assignments);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_work_by_user", assignments, byUser, filter: "recipient_user_id IS NOT NULL AND role <> 3");
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_work_by_unit", assignments, byUnit, filter: "recipient_unit_id IS NOT NULL AND role <> 3");
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_information_by_user", assignments, byUser, filter: "recipient_user_id IS NOT NULL AND role = 3");
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_information_by_unit", assignments, byUnit, filter: "recipient_unit_id IS NOT NULL AND role = 3");
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_user_id_status_due_date", assignments,
            ["recipient_user_id", "status", "due_date"], filter: "recipient_user_id IS NOT NULL");
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_unit_id_status_due_date", assignments,
            ["recipient_unit_id", "status", "due_date"], filter: "recipient_unit_id IS NOT NULL");
    }
}
