using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Electronic copies (bản sao y, sao lục, trích sao): each numbered in the copies' series of an outgoing register for
/// the year, with what it was made from, its signed file and who made it.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003700_DocumentCopies")]
public sealed class M0037_DocumentCopies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_copies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                register_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                number = table.Column<int>(nullable: false),
                form = table.Column<int>(nullable: false),
                source_kind = table.Column<int>(nullable: false),
                source_id = table.Column<Guid>(nullable: false),
                source_document_id = table.Column<Guid>(nullable: true),
                source_code_text = table.Column<string>(maxLength: 500, nullable: false),
                source_subject = table.Column<string>(maxLength: 500, nullable: false),
                source_file_id = table.Column<Guid>(nullable: false),
                file_id = table.Column<Guid>(nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                certificate_text = table.Column<string>(maxLength: 500, nullable: false),
                made_by_id = table.Column<Guid>(nullable: false),
                made_by_name = table.Column<string>(maxLength: 300, nullable: false),
                note = table.Column<string>(maxLength: 500, nullable: true),
                made_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_documents_copies", x => x.id));
        migrationBuilder.CreateIndex("ix_documents_copies_register_id_year_number", "documents_copies", ["register_id", "year", "number"], unique: true);
        migrationBuilder.CreateIndex("ix_documents_copies_source_document_id_made_at", "documents_copies", ["source_document_id", "made_at"]);
        migrationBuilder.CreateIndex("ix_documents_copies_file_id", "documents_copies", "file_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("documents_copies");
}
