using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>
/// The PDF views of stored .docx files, made by LibreOffice in the background: one row per source file with its state,
/// its PDF, the last error, the attempts and the worker's lease.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121003200_PdfRenditions")]
public sealed class M0032_PdfRenditions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_pdf_renditions",
            columns: table => new
            {
                source_file_id = table.Column<Guid>(nullable: false),
                status = table.Column<int>(nullable: false),
                pdf_file_id = table.Column<Guid>(nullable: true),
                error = table.Column<string>(maxLength: 2000, nullable: true),
                attempts = table.Column<int>(nullable: false),
                requested_at = table.Column<DateTime>(nullable: false),
                available_at = table.Column<DateTime>(nullable: false),
                finished_at = table.Column<DateTime>(nullable: true),
                locked_by = table.Column<string>(maxLength: 100, nullable: true),
                locked_until = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_platform_pdf_renditions", x => x.source_file_id);
                table.ForeignKey("fk_platform_pdf_renditions_source_file_id", x => x.source_file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_platform_pdf_renditions_pdf_file_id", x => x.pdf_file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_platform_pdf_renditions_status_available_at", "platform_pdf_renditions", ["status", "available_at"]);
        migrationBuilder.CreateIndex("ix_platform_pdf_renditions_pdf_file_id", "platform_pdf_renditions", "pdf_file_id", unique: true);
    }
}
