using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>
/// The text of stored files, extracted in the background (text layer, Office XML, OCR): one row per file with its
/// state, method, progress through the pages, the searchable PDF OCR made, the message for the clerk, the text, the
/// attempts and the worker's lease.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003800_FileTexts")]
public sealed class M0038_FileTexts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_file_texts",
            columns: table => new
            {
                file_id = table.Column<Guid>(nullable: false),
                state = table.Column<int>(nullable: false),
                method = table.Column<string>(maxLength: 20, nullable: true),
                pages = table.Column<int>(nullable: true),
                pages_done = table.Column<int>(nullable: false),
                searchable_pdf_file_id = table.Column<Guid>(nullable: true),
                message = table.Column<string>(maxLength: 2000, nullable: true),
                text = table.Column<string>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                locked_by = table.Column<string>(maxLength: 100, nullable: true),
                locked_until = table.Column<DateTime>(nullable: true),
                due_at = table.Column<DateTime>(nullable: false),
                requested_at = table.Column<DateTime>(nullable: false),
                finished_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_platform_file_texts", x => x.file_id);
                table.ForeignKey("fk_platform_file_texts_file_id", x => x.file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_platform_file_texts_searchable_pdf_file_id", x => x.searchable_pdf_file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_platform_file_texts_state_due_at", "platform_file_texts", ["state", "due_at"]);
        migrationBuilder.CreateIndex("ix_platform_file_texts_searchable_pdf_file_id", "platform_file_texts", "searchable_pdf_file_id", unique: true);
    }
}
