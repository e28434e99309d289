using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Each agency's own layout templates of outgoing documents (mẫu trình bày văn bản đi), per document type or for all
/// types ("*"), in place of the built-in ones; the .docx is a file of the store.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121003100_OutgoingTemplates")]
public sealed class M0031_OutgoingTemplates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_outgoing_templates",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                type_code = table.Column<string>(maxLength: 20, nullable: false),
                file_id = table.Column<Guid>(nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                uploaded_by = table.Column<Guid>(nullable: false),
                uploaded_by_name = table.Column<string>(maxLength: 200, nullable: false),
                uploaded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_documents_outgoing_templates", x => x.id);
                table.ForeignKey("fk_documents_outgoing_templates_file_id", x => x.file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_documents_outgoing_templates_agency_id_type_code", "documents_outgoing_templates", ["agency_id", "type_code"], unique: true);
        migrationBuilder.CreateIndex("ix_documents_outgoing_templates_file_id", "documents_outgoing_templates", "file_id");
    }
}
