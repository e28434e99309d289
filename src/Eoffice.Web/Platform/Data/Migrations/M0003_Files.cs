using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>The file store's catalogue: one row per uploaded file, pointing to its content by SHA-256.</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000300_Files")]
public sealed class M0003_Files : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_files",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                length = table.Column<long>(nullable: false),
                content_type = table.Column<string>(maxLength: 100, nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_files", x => x.id));

        migrationBuilder.CreateIndex("ix_platform_files_sha256", "platform_files", "sha256");
    }
}
