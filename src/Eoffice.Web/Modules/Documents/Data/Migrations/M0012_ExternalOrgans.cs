using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>Each agency's directory of issuing organs (cơ quan ban hành: name and electronic identifier) for registering incoming documents.</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001200_ExternalOrgans")]
public sealed class M0012_ExternalOrgans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "documents_external_organs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 35, nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: false),
                search_text = table.Column<string>(maxLength: 236, nullable: false),
                use_count = table.Column<int>(nullable: false),
                last_used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_documents_external_organs", x => x.id));
        migrationBuilder.CreateIndex("ix_documents_external_organs_agency_id_use_count", "documents_external_organs", ["agency_id", "use_count"]);
    }
}
