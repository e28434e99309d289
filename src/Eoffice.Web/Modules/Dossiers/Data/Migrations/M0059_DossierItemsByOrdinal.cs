using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Dossiers.Data.Migrations;

/// <summary>
/// A dossier's documents in time order (issue 14 point 7): the dossier page reads one page of them by ordinal, so
/// (dossier, ordinal) is indexed rather than sorting thousands of items each time.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202005900_DossierItemsByOrdinal")]
public sealed class M0059_DossierItemsByOrdinal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("ix_dossiers_dossier_items_dossier_id_ordinal", "dossiers_dossier_items", ["dossier_id", "ordinal"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("ix_dossiers_dossier_items_dossier_id_ordinal", "dossiers_dossier_items");
}
