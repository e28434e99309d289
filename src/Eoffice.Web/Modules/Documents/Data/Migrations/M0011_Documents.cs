using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Registers (sổ văn bản) with their keepers and yearly counters; incoming documents with their assignment tree,
/// attachments, processing history, access list and replies; the "chờ tiếp nhận" list of electronic arrivals; per-agency
/// handling settings and routing rules.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001100_Documents")]
public sealed class M0011_Documents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_registers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                unit_id = table.Column<Guid>(nullable: true),
                kind = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                code = table.Column<string>(maxLength: 20, nullable: true),
                is_active = table.Column<bool>(nullable: false),
                sort_order = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_documents_registers", x => x.id));
        migrationBuilder.CreateIndex("ix_documents_registers_agency_id_kind", "documents_registers", ["agency_id", "kind"]);

        migrationBuilder.CreateTable(
            name: "documents_register_keepers",
            columns: table => new
            {
                register_id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_register_keepers", x => new { x.register_id, x.user_id });
                table.ForeignKey("fk_documents_register_keepers_register_id", x => x.register_id, "documents_registers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_documents_register_keepers_user_id", "documents_register_keepers", "user_id");

        migrationBuilder.CreateTable(
            name: "documents_register_counters",
            columns: table => new
            {
                register_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                last_number = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_register_counters", x => new { x.register_id, x.year });
                table.ForeignKey("fk_documents_register_counters_register_id", x => x.register_id, "documents_registers", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "documents_incoming",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                register_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                arrival_number = table.Column<int>(nullable: false),
                arrival_at = table.Column<DateTime>(nullable: false),
                source = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                registered_at = table.Column<DateTime>(nullable: false),
                registered_by_id = table.Column<Guid>(nullable: false),
                registered_by_name = table.Column<string>(maxLength: 300, nullable: false),
                type_code = table.Column<string>(maxLength: 20, nullable: false),
                type_name = table.Column<string>(maxLength: 100, nullable: false),
                code_number = table.Column<string>(maxLength: 11, nullable: true),
                code_notation = table.Column<string>(maxLength: 30, nullable: true),
                issued_date = table.Column<DateOnly>(nullable: true),
                issuing_organ_id = table.Column<string>(maxLength: 35, nullable: true),
                issuing_organ_name = table.Column<string>(maxLength: 200, nullable: false),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                subject_folded = table.Column<string>(maxLength: 500, nullable: false),
                language = table.Column<string>(maxLength: 30, nullable: false),
                page_amount = table.Column<int>(nullable: true),
                description = table.Column<string>(maxLength: 500, nullable: true),
                signer_position = table.Column<string>(maxLength: 100, nullable: true),
                signer_full_name = table.Column<string>(maxLength: 50, nullable: true),
                urgency = table.Column<int>(nullable: false),
                to_places = table.Column<string>(maxLength: 1000, nullable: true),
                due_date = table.Column<DateOnly>(nullable: true),
                requests_comments = table.Column<bool>(nullable: false),
                paper_appendix_note = table.Column<string>(maxLength: 500, nullable: true),
                paper_appendix_holder = table.Column<string>(maxLength: 200, nullable: true),
                is_back_entered = table.Column<bool>(nullable: false),
                handled_on_paper_on = table.Column<DateOnly>(nullable: true),
                paper_handling_note = table.Column<string>(maxLength: 2000, nullable: true),
                external_id = table.Column<string>(maxLength: 100, nullable: true),
                finished_at = table.Column<DateTime>(nullable: true),
                returned_to_clerk = table.Column<bool>(nullable: false),
                cancelled_at = table.Column<DateTime>(nullable: true),
                cancel_reason = table.Column<string>(maxLength: 500, nullable: true),
                cancelled_by_name = table.Column<string>(maxLength: 300, nullable: true),
                dossier_title = table.Column<string>(maxLength: 300, nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming", x => x.id);
                table.ForeignKey("fk_documents_incoming_register_id", x => x.register_id, "documents_registers", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_register_id_year_arrival_number", "documents_incoming", ["register_id", "year", "arrival_number"], unique: true);
        migrationBuilder.CreateIndex("ix_documents_incoming_agency_id_arrival_at", "documents_incoming", ["agency_id", "arrival_at"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_agency_id_code_number_code_notation", "documents_incoming", ["agency_id", "code_number", "code_notation"]);

        migrationBuilder.CreateTable(
            name: "documents_incoming_assignments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                parent_id = table.Column<Guid>(nullable: true),
                depth = table.Column<int>(nullable: false),
                role = table.Column<int>(nullable: false),
                status = table.Column<int>(nullable: false),
                sender_id = table.Column<Guid>(nullable: false),
                sender_name = table.Column<string>(maxLength: 300, nullable: false),
                acting_sender_id = table.Column<Guid>(nullable: true),
                acting_sender_name = table.Column<string>(maxLength: 300, nullable: true),
                recipient_user_id = table.Column<Guid>(nullable: true),
                recipient_unit_id = table.Column<Guid>(nullable: true),
                recipient_name = table.Column<string>(maxLength: 300, nullable: false),
                instruction = table.Column<string>(maxLength: 2000, nullable: true),
                instruction_given = table.Column<string>(maxLength: 2000, nullable: true),
                due_date = table.Column<DateOnly>(nullable: true),
                urgency = table.Column<int>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: false),
                read_at = table.Column<DateTime>(nullable: true),
                read_by_id = table.Column<Guid>(nullable: true),
                forwarded_at = table.Column<DateTime>(nullable: true),
                finished_at = table.Column<DateTime>(nullable: true),
                acted_by_id = table.Column<Guid>(nullable: true),
                acted_by_name = table.Column<string>(maxLength: 300, nullable: true),
                result = table.Column<string>(maxLength: 2000, nullable: true),
                came_back = table.Column<bool>(nullable: false),
                due_soon_reminded_on = table.Column<DateOnly>(nullable: true),
                overdue_reminded_on = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming_assignments", x => x.id);
                table.ForeignKey("fk_documents_incoming_assignments_document_id", x => x.document_id, "documents_incoming", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_document_id", "documents_incoming_assignments", "document_id");
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_user_id_status_urgency_sent_at", "documents_incoming_assignments", ["recipient_user_id", "status", "urgency", "sent_at"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_recipient_unit_id_status_urgency_sent_at", "documents_incoming_assignments", ["recipient_unit_id", "status", "urgency", "sent_at"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_sender_id_status", "documents_incoming_assignments", ["sender_id", "status"]);
        migrationBuilder.CreateIndex("ix_documents_incoming_assignments_agency_id_status_due_date", "documents_incoming_assignments", ["agency_id", "status", "due_date"]);

        migrationBuilder.CreateTable(
            name: "documents_incoming_attachments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                file_id = table.Column<Guid>(nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                is_main = table.Column<bool>(nullable: false),
                added_by = table.Column<Guid>(nullable: false),
                added_at = table.Column<DateTime>(nullable: false),
                sort_order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming_attachments", x => x.id);
                table.ForeignKey("fk_documents_incoming_attachments_document_id", x => x.document_id, "documents_incoming", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_documents_incoming_attachments_file_id", x => x.file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_attachments_document_id", "documents_incoming_attachments", "document_id");
        migrationBuilder.CreateIndex("ix_documents_incoming_attachments_sha256", "documents_incoming_attachments", "sha256");
        migrationBuilder.CreateIndex("ix_documents_incoming_attachments_file_id", "documents_incoming_attachments", "file_id");

        migrationBuilder.CreateTable(
            name: "documents_incoming_events",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                document_id = table.Column<Guid>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                actor_id = table.Column<Guid>(nullable: false),
                actor_name = table.Column<string>(maxLength: 300, nullable: false),
                on_behalf_of_id = table.Column<Guid>(nullable: true),
                on_behalf_of_name = table.Column<string>(maxLength: 300, nullable: true),
                kind = table.Column<string>(maxLength: 30, nullable: false),
                assignment_id = table.Column<Guid>(nullable: true),
                text = table.Column<string>(maxLength: 4000, nullable: true),
                file_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming_events", x => x.id);
                table.ForeignKey("fk_documents_incoming_events_document_id", x => x.document_id, "documents_incoming", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_events_document_id", "documents_incoming_events", "document_id");

        migrationBuilder.CreateTable(
            name: "documents_incoming_access",
            columns: table => new
            {
                document_id = table.Column<Guid>(nullable: false),
                principal_id = table.Column<Guid>(nullable: false),
                reason = table.Column<int>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming_access", x => new { x.document_id, x.principal_id, x.reason });
                table.ForeignKey("fk_documents_incoming_access_document_id", x => x.document_id, "documents_incoming", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_access_principal_id_document_id", "documents_incoming_access", ["principal_id", "document_id"]);

        migrationBuilder.CreateTable(
            name: "documents_incoming_replies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                created_by_id = table.Column<Guid>(nullable: false),
                created_by_name = table.Column<string>(maxLength: 300, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                outgoing_id = table.Column<Guid>(nullable: true),
                outgoing_code = table.Column<string>(maxLength: 50, nullable: true),
                answered_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_incoming_replies", x => x.id);
                table.ForeignKey("fk_documents_incoming_replies_document_id", x => x.document_id, "documents_incoming", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_documents_incoming_replies_document_id", "documents_incoming_replies", "document_id");

        migrationBuilder.CreateTable(
            name: "documents_pending_incoming",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                external_id = table.Column<string>(maxLength: 100, nullable: true),
                sender_id = table.Column<string>(maxLength: 35, nullable: true),
                sender_name = table.Column<string>(maxLength: 200, nullable: false),
                type_code = table.Column<string>(maxLength: 20, nullable: true),
                code_number = table.Column<string>(maxLength: 11, nullable: true),
                code_notation = table.Column<string>(maxLength: 30, nullable: true),
                issued_date = table.Column<DateOnly>(nullable: true),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                signer_position = table.Column<string>(maxLength: 100, nullable: true),
                signer_full_name = table.Column<string>(maxLength: 50, nullable: true),
                urgency = table.Column<int>(nullable: false),
                due_date = table.Column<DateOnly>(nullable: true),
                page_amount = table.Column<int>(nullable: true),
                requests_comments = table.Column<bool>(nullable: false),
                confidentiality = table.Column<int>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                status = table.Column<int>(nullable: false),
                decided_at = table.Column<DateTime>(nullable: true),
                decided_by_id = table.Column<Guid>(nullable: true),
                decided_by_name = table.Column<string>(maxLength: 300, nullable: true),
                refusal_reason = table.Column<string>(maxLength: 500, nullable: true),
                document_id = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_documents_pending_incoming", x => x.id));
        migrationBuilder.CreateIndex("ix_documents_pending_incoming_agency_id_status_received_at", "documents_pending_incoming", ["agency_id", "status", "received_at"]);
        migrationBuilder.CreateIndex("ix_documents_pending_incoming_agency_id_external_id", "documents_pending_incoming", ["agency_id", "external_id"]);

        migrationBuilder.CreateTable(
            name: "documents_pending_incoming_files",
            columns: table => new
            {
                pending_id = table.Column<Guid>(nullable: false),
                file_id = table.Column<Guid>(nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                is_main = table.Column<bool>(nullable: false),
                sort_order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_pending_incoming_files", x => new { x.pending_id, x.file_id });
                table.ForeignKey("fk_documents_pending_incoming_files_pending_id", x => x.pending_id, "documents_pending_incoming", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_documents_pending_incoming_files_file_id", x => x.file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_documents_pending_incoming_files_file_id", "documents_pending_incoming_files", "file_id");

        migrationBuilder.CreateTable(
            name: "documents_incoming_settings",
            columns: table => new
            {
                agency_id = table.Column<Guid>(nullable: false),
                route = table.Column<int>(nullable: false),
                reminder_days_before = table.Column<int>(nullable: false),
                default_deadline_days = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_documents_incoming_settings", x => x.agency_id));

        migrationBuilder.CreateTable(
            name: "documents_routing_rules",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                sender_role = table.Column<string>(maxLength: 50, nullable: false),
                sender_unit_kind = table.Column<int>(nullable: true),
                target = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_documents_routing_rules", x => x.id));
        migrationBuilder.CreateIndex("ix_documents_routing_rules_agency_id", "documents_routing_rules", "agency_id");
    }
}
