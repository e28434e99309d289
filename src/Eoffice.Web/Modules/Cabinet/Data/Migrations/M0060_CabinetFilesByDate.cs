using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Cabinet.Data.Migrations;

/// <summary>
/// A folder's live files by date (issue 14 point 7): the folder page sorted by "updated" reads its first page from
/// (folder, deleted, updated) as the name sort does from (folder, deleted, name), instead of sorting every file.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202006000_CabinetFilesByDate")]
public sealed class M0060_CabinetFilesByDate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("ix_cabinet_files_folder_id_deleted_at_updated_at", "cabinet_files", ["folder_id", "deleted_at", "updated_at"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("ix_cabinet_files_folder_id_deleted_at_updated_at", "cabinet_files");
}
