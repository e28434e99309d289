using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Cabinet.Data.Migrations;

/// <summary>The shared document cabinet (tủ tài liệu): folders, files and their versions, grants, unit storage (ADR 0032).</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004800_Cabinet")]
public sealed class M0048_Cabinet : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "cabinet_folders",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                parent_id = table.Column<Guid>(nullable: true),
                kind = table.Column<int>(nullable: false),
                unit_id = table.Column<Guid>(nullable: true),
                root_key = table.Column<string>(maxLength: 60, nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: false),
                created_by_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                inherits_access = table.Column<bool>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_cabinet_folders", x => x.id));
        migrationBuilder.CreateIndex("ix_cabinet_folders_agency_id_root_key", "cabinet_folders", ["agency_id", "root_key"], unique: true);
        migrationBuilder.CreateIndex("ix_cabinet_folders_parent_id", "cabinet_folders", "parent_id");

        migrationBuilder.CreateTable(
            name: "cabinet_files",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                folder_id = table.Column<Guid>(nullable: false),
                charged_unit_id = table.Column<Guid>(nullable: true),
                name = table.Column<string>(maxLength: 255, nullable: false),
                author_id = table.Column<Guid>(nullable: false),
                author_name = table.Column<string>(maxLength: 200, nullable: false),
                stored_file_id = table.Column<Guid>(nullable: false),
                length = table.Column<long>(nullable: false),
                content_type = table.Column<string>(maxLength: 100, nullable: false),
                version_number = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                deleted_at = table.Column<DateTime>(nullable: true),
                deleted_by_id = table.Column<Guid>(nullable: true),
                inherits_access = table.Column<bool>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cabinet_files", x => x.id);
                table.ForeignKey("fk_cabinet_files_folder_id", x => x.folder_id, "cabinet_folders", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_cabinet_files_folder_id_deleted_at_name", "cabinet_files", ["folder_id", "deleted_at", "name"]);
        migrationBuilder.CreateIndex("ix_cabinet_files_agency_id_deleted_at", "cabinet_files", ["agency_id", "deleted_at"]);

        migrationBuilder.CreateTable(
            name: "cabinet_file_versions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                file_id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                stored_file_id = table.Column<Guid>(nullable: false),
                length = table.Column<long>(nullable: false),
                content_type = table.Column<string>(maxLength: 100, nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                created_by_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cabinet_file_versions", x => x.id);
                table.ForeignKey("fk_cabinet_file_versions_file_id", x => x.file_id, "cabinet_files", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_cabinet_file_versions_file_id_number", "cabinet_file_versions", ["file_id", "number"], unique: true);

        migrationBuilder.CreateTable(
            name: "cabinet_grants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                folder_id = table.Column<Guid>(nullable: true),
                file_id = table.Column<Guid>(nullable: true),
                principal_kind = table.Column<int>(nullable: false),
                principal_id = table.Column<Guid>(nullable: true),
                role = table.Column<string>(maxLength: 50, nullable: true),
                level = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_cabinet_grants", x => x.id));
        migrationBuilder.CreateIndex("ix_cabinet_grants_agency_id", "cabinet_grants", "agency_id");
        migrationBuilder.CreateIndex("ix_cabinet_grants_file_id", "cabinet_grants", "file_id");

        migrationBuilder.CreateTable(
            name: "cabinet_unit_storage",
            columns: table => new
            {
                unit_id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                quota_bytes = table.Column<long>(nullable: true),
                used_bytes = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_cabinet_unit_storage", x => x.unit_id));
        migrationBuilder.CreateIndex("ix_cabinet_unit_storage_agency_id", "cabinet_unit_storage", "agency_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("cabinet_unit_storage");
        migrationBuilder.DropTable("cabinet_grants");
        migrationBuilder.DropTable("cabinet_file_versions");
        migrationBuilder.DropTable("cabinet_files");
        migrationBuilder.DropTable("cabinet_folders");
    }
}
