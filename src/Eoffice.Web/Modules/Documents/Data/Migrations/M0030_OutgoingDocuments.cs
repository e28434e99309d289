using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Outgoing documents (issue 10): the drafts and issued documents with their metadata, approval chain (a copy of the
/// process's steps), handling tree, history and access list; their versions and recipients; the approval processes an
/// agency defines; and the agency's outgoing settings.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003000_OutgoingDocuments")]
public sealed class M0030_OutgoingDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_outgoing_processes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 50, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                steps = table.Column<string>(maxLength: 20000, nullable: false),
                type_codes = table.Column<string>(maxLength: 500, nullable: false),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_processes", x => x.id);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing_settings",
            columns: table => new
            {
                agency_id = table.Column<Guid>(nullable: false),
                superior_name = table.Column<string>(maxLength: 200, nullable: true),
                issuer_name = table.Column<string>(maxLength: 200, nullable: true),
                place = table.Column<string>(maxLength: 100, nullable: false),
                abbreviation = table.Column<string>(maxLength: 20, nullable: false),
                number_per_type = table.Column<bool>(nullable: false),
                legal_unit_id = table.Column<Guid>(nullable: true),
                office_unit_id = table.Column<Guid>(nullable: true),
                deliver_internally_directly = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_settings", x => x.agency_id);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                register_id = table.Column<Guid>(nullable: false),
                drafting_unit_id = table.Column<Guid>(nullable: false),
                drafting_unit_name = table.Column<string>(maxLength: 300, nullable: false),
                drafting_unit_code = table.Column<string>(maxLength: 20, nullable: true),
                drafter_id = table.Column<Guid>(nullable: false),
                drafter_name = table.Column<string>(maxLength: 300, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                status = table.Column<int>(nullable: false),
                subject_folded = table.Column<string>(maxLength: 500, nullable: false),
                authority = table.Column<int>(nullable: false),
                signer_id = table.Column<Guid>(nullable: true),
                copies = table.Column<int>(nullable: false),
                is_normative = table.Column<bool>(nullable: false),
                recipient_lines = table.Column<string>(maxLength: 20000, nullable: false),
                addressees = table.Column<string>(maxLength: 20000, nullable: false),
                process_id = table.Column<Guid>(nullable: false),
                chain = table.Column<string>(maxLength: 20000, nullable: false),
                current_step = table.Column<int>(nullable: false),
                resume_at = table.Column<int>(nullable: true),
                version_number = table.Column<int>(nullable: false),
                content_approved_by_id = table.Column<Guid>(nullable: true),
                content_approved_by_name = table.Column<string>(maxLength: 300, nullable: true),
                content_approved_at = table.Column<DateTime>(nullable: true),
                format_approved_by_id = table.Column<Guid>(nullable: true),
                format_approved_by_name = table.Column<string>(maxLength: 300, nullable: true),
                format_approved_at = table.Column<DateTime>(nullable: true),
                signed_by_id = table.Column<Guid>(nullable: true),
                signed_by_name = table.Column<string>(maxLength: 300, nullable: true),
                signed_at = table.Column<DateTime>(nullable: true),
                signed_file_id = table.Column<Guid>(nullable: true),
                signed_file_name = table.Column<string>(maxLength: 255, nullable: true),
                year = table.Column<int>(nullable: true),
                number = table.Column<int>(nullable: true),
                series = table.Column<string>(maxLength: 50, nullable: true),
                issued_at = table.Column<DateTime>(nullable: true),
                issued_by_id = table.Column<Guid>(nullable: true),
                issued_by_name = table.Column<string>(maxLength: 300, nullable: true),
                paper_copies = table.Column<int>(nullable: true),
                paper_issued_on = table.Column<DateOnly>(nullable: true),
                paper_note = table.Column<string>(maxLength: 500, nullable: true),
                withdrawn_at = table.Column<DateTime>(nullable: true),
                withdraw_reason = table.Column<string>(maxLength: 500, nullable: true),
                replaces_id = table.Column<Guid>(nullable: true),
                corrects_id = table.Column<Guid>(nullable: true),
                replaced_by_id = table.Column<Guid>(nullable: true),
                cancelled_at = table.Column<DateTime>(nullable: true),
                cancel_reason = table.Column<string>(maxLength: 500, nullable: true),
                code_notation = table.Column<string>(maxLength: 30, nullable: true),
                code_number = table.Column<string>(maxLength: 11, nullable: true),
                description = table.Column<string>(maxLength: 500, nullable: true),
                due_date = table.Column<DateOnly>(nullable: true),
                issued_date = table.Column<DateOnly>(nullable: true),
                issuing_organ_id = table.Column<string>(maxLength: 35, nullable: true),
                issuing_organ_name = table.Column<string>(maxLength: 200, nullable: false),
                language = table.Column<string>(maxLength: 30, nullable: false),
                page_amount = table.Column<int>(nullable: true),
                paper_appendix_holder = table.Column<string>(maxLength: 200, nullable: true),
                paper_appendix_note = table.Column<string>(maxLength: 500, nullable: true),
                requests_comments = table.Column<bool>(nullable: false),
                signer_full_name = table.Column<string>(maxLength: 50, nullable: true),
                signer_position = table.Column<string>(maxLength: 100, nullable: true),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                type_code = table.Column<string>(maxLength: 20, nullable: false),
                type_name = table.Column<string>(maxLength: 100, nullable: false),
                urgency = table.Column<int>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing", x => x.id);
                table.ForeignKey("fk_documents_outgoing_process_id", x => x.process_id, "documents_outgoing_processes", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_documents_outgoing_register_id", x => x.register_id, "documents_registers", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing_access",
            columns: table => new
            {
                document_id = table.Column<Guid>(nullable: false),
                principal_id = table.Column<Guid>(nullable: false),
                reason = table.Column<int>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_access", x => new { x.document_id, x.principal_id, x.reason });
                table.ForeignKey("fk_documents_outgoing_access_document_id", x => x.document_id, "documents_outgoing", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing_assignments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                urgency = table.Column<int>(nullable: false),
                step_number = table.Column<int>(nullable: true),
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
                sent_at = table.Column<DateTime>(nullable: false),
                read_at = table.Column<DateTime>(nullable: true),
                read_by_id = table.Column<Guid>(nullable: true),
                forwarded_at = table.Column<DateTime>(nullable: true),
                finished_at = table.Column<DateTime>(nullable: true),
                acted_by_id = table.Column<Guid>(nullable: true),
                acted_by_name = table.Column<string>(maxLength: 300, nullable: true),
                result = table.Column<string>(maxLength: 2000, nullable: true),
                came_back = table.Column<bool>(nullable: false),
                awaiting = table.Column<int>(nullable: false),
                receiving_register_id = table.Column<Guid>(nullable: true),
                due_soon_reminded_on = table.Column<DateOnly>(nullable: true),
                overdue_reminded_on = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_assignments", x => x.id);
                table.ForeignKey("fk_documents_outgoing_assignments_document_id", x => x.document_id, "documents_outgoing", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing_events",
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
                table.PrimaryKey("pk_documents_outgoing_events", x => x.id);
                table.ForeignKey("fk_documents_outgoing_events_document_id", x => x.document_id, "documents_outgoing", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing_recipients",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                kind = table.Column<int>(nullable: false),
                unit_id = table.Column<Guid>(nullable: true),
                user_id = table.Column<Guid>(nullable: true),
                organ_code = table.Column<string>(maxLength: 35, nullable: true),
                name = table.Column<string>(maxLength: 300, nullable: false),
                channel = table.Column<int>(nullable: false),
                state = table.Column<int>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: true),
                delivered_as_id = table.Column<Guid>(nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
                sort_order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_recipients", x => x.id);
                table.ForeignKey("fk_documents_outgoing_recipients_document_id", x => x.document_id, "documents_outgoing", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "documents_outgoing_versions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                by_id = table.Column<Guid>(nullable: false),
                by_name = table.Column<string>(maxLength: 300, nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: true),
                content_json = table.Column<string>(nullable: false),
                main_file_id = table.Column<Guid>(nullable: true),
                main_file_name = table.Column<string>(maxLength: 255, nullable: true),
                annexes = table.Column<string>(nullable: false),
                layout_file_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_versions", x => x.id);
                table.ForeignKey("fk_documents_outgoing_versions_document_id", x => x.document_id, "documents_outgoing", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_documents_outgoing_agency_id_status_created_at", "documents_outgoing", ["agency_id", "status", "created_at"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_drafter_id_status_created_at_id", "documents_outgoing", ["drafter_id", "status", "created_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_process_id", "documents_outgoing", "process_id");
        migrationBuilder.CreateIndex("ix_documents_outgoing_register_id_status_issued_at_id", "documents_outgoing", ["register_id", "status", "issued_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_register_id_year_series_number", "documents_outgoing", ["register_id", "year", "series", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_documents_outgoing_access_principal_id_document_id", "documents_outgoing_access", ["principal_id", "document_id"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_assignments_document_id", "documents_outgoing_assignments", "document_id");
        migrationBuilder.CreateIndex("ix_documents_outgoing_assignments_recipient_user_id_status_urgency_sent_at_id", "documents_outgoing_assignments", ["recipient_user_id", "status", "urgency", "sent_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_assignments_sender_id_status_sent_at_id", "documents_outgoing_assignments", ["sender_id", "status", "sent_at", "id"]);
        migrationBuilder.CreateIndex("ix_documents_outgoing_events_document_id", "documents_outgoing_events", "document_id");
        migrationBuilder.CreateIndex("ix_documents_outgoing_processes_agency_id_code", "documents_outgoing_processes", ["agency_id", "code"], unique: true);
        migrationBuilder.CreateIndex("ix_documents_outgoing_recipients_document_id", "documents_outgoing_recipients", "document_id");
        migrationBuilder.CreateIndex("ix_documents_outgoing_versions_document_id_number", "documents_outgoing_versions", ["document_id", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_documents_outgoing_versions_layout_file_id", "documents_outgoing_versions", "layout_file_id");
        migrationBuilder.CreateIndex("ix_documents_outgoing_versions_main_file_id", "documents_outgoing_versions", "main_file_id");

    }
}
