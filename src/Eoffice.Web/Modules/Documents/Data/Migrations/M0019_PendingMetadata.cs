using System.Text;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// An electronic arrival waiting in "chờ tiếp nhận" holds the same document metadata as a registered document (one value
/// object, its columns named alike): the sender becomes the issuing organ (sender_id → issuing_organ_id, sender_name →
/// issuing_organ_name), the type becomes required with its name (a package without one is proposed as a công văn, which
/// the clerk checks on the page), and the language, note and paper-appendix columns join. SQLite cannot make a column
/// NOT NULL in place, so both tables are rebuilt the same way on both providers: copied aside, recreated, copied back
/// (files first out and last in, so that no foreign key ever points at a missing row).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001900_PendingMetadata")]
public sealed class M0019_PendingMetadata : Migration
{
    private const string Pending = "documents_pending_incoming";
    private const string Files = "documents_pending_incoming_files";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"CREATE TABLE m0019_pending AS SELECT * FROM {Pending}");
        migrationBuilder.Sql($"CREATE TABLE m0019_files AS SELECT * FROM {Files}");
        migrationBuilder.DropTable(Files);
        migrationBuilder.DropTable(Pending);

        migrationBuilder.CreateTable(
            name: Pending,
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                external_id = table.Column<string>(maxLength: 100, nullable: true),
                type_code = table.Column<string>(maxLength: 20, nullable: false),
                type_name = table.Column<string>(maxLength: 100, nullable: false),
                code_number = table.Column<string>(maxLength: 11, nullable: true),
                code_notation = table.Column<string>(maxLength: 30, nullable: true),
                issued_date = table.Column<DateOnly>(nullable: true),
                issuing_organ_id = table.Column<string>(maxLength: 35, nullable: true),
                issuing_organ_name = table.Column<string>(maxLength: 200, nullable: false),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                language = table.Column<string>(maxLength: 30, nullable: false),
                page_amount = table.Column<int>(nullable: true),
                description = table.Column<string>(maxLength: 500, nullable: true),
                signer_position = table.Column<string>(maxLength: 100, nullable: true),
                signer_full_name = table.Column<string>(maxLength: 50, nullable: true),
                urgency = table.Column<int>(nullable: false),
                due_date = table.Column<DateOnly>(nullable: true),
                requests_comments = table.Column<bool>(nullable: false),
                paper_appendix_note = table.Column<string>(maxLength: 500, nullable: true),
                paper_appendix_holder = table.Column<string>(maxLength: 200, nullable: true),
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
        migrationBuilder.CreateIndex("ix_documents_pending_incoming_agency_id_status_received_at", Pending, ["agency_id", "status", "received_at"]);
        migrationBuilder.CreateIndex("ix_documents_pending_incoming_agency_id_external_id", Pending, ["agency_id", "external_id"]);

        migrationBuilder.CreateTable(
            name: Files,
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
                table.ForeignKey("fk_documents_pending_incoming_files_pending_id", x => x.pending_id, Pending, "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_documents_pending_incoming_files_file_id", x => x.file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_documents_pending_incoming_files_file_id", Files, ["file_id"]);

        migrationBuilder.Sql($"""
            INSERT INTO {Pending} (id, agency_id, external_id, type_code, type_name, code_number, code_notation, issued_date, issuing_organ_id,
                issuing_organ_name, subject, language, page_amount, description, signer_position, signer_full_name, urgency, due_date,
                requests_comments, paper_appendix_note, paper_appendix_holder, confidentiality, received_at, status, decided_at, decided_by_id,
                decided_by_name, refusal_reason, document_id)
            SELECT id, agency_id, external_id, COALESCE(type_code, '{DocumentTypes.OfficialLetterCode}'), {TypeNameOf("COALESCE(type_code, '" + DocumentTypes.OfficialLetterCode + "')")},
                code_number, code_notation, issued_date, sender_id, sender_name, subject, 'Tiếng Việt', page_amount, NULL, signer_position,
                signer_full_name, urgency, due_date, requests_comments, NULL, NULL, confidentiality, received_at, status, decided_at, decided_by_id,
                decided_by_name, refusal_reason, document_id
            FROM m0019_pending
            """);
        migrationBuilder.Sql($"INSERT INTO {Files} (pending_id, file_id, sha256, file_name, is_main, sort_order) SELECT pending_id, file_id, sha256, file_name, is_main, sort_order FROM m0019_files");
        migrationBuilder.Sql("DROP TABLE m0019_files");
        migrationBuilder.Sql("DROP TABLE m0019_pending");
    }

    /// <summary>The type's name from the catalogue as it is today (a CASE over its codes; an unknown code keeps the code).</summary>
    private static string TypeNameOf(string code)
    {
        var sql = new StringBuilder("CASE ").Append(code);
        foreach (var type in DocumentTypes.All)
        {
            sql.Append(" WHEN '").Append(type.Code).Append("' THEN '").Append(type.Name).Append('\'');
        }

        return sql.Append(" ELSE ").Append(code).Append(" END").ToString();
    }
}
