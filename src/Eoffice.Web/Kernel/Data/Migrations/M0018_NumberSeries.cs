using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Kernel.Data.Migrations;

/// <summary>
/// Numbering moves to the kernel, so that outgoing series per document type, the normative series and one-stop receipts
/// share one allocator with the registers: <c>documents_register_counters (register_id, year)</c> becomes
/// <c>kernel_number_counters (scope_id, year, series)</c>. Every existing counter is copied into the main series
/// (<c>series = ''</c>) of its register, so arrival numbering goes on where it stopped; then the old table is dropped.
/// The foreign key to <c>documents_registers</c> is not carried over: the kernel knows no module, and a scope is any
/// numbering book (a register, a receipt book). A new table and a copy rather than a rename and a changed primary key:
/// SQLite can change a primary key only by rebuilding the table, and EF's SQLite migrations rebuild it only from a
/// migration's target model (a designer file we do not write); without one they refuse Drop/AddPrimaryKey.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001800_NumberSeries")]
public sealed class M0018_NumberSeries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "kernel_number_counters",
            columns: table => new
            {
                scope_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                series = table.Column<string>(maxLength: 50, nullable: false),
                last_number = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_kernel_number_counters", x => new { x.scope_id, x.year, x.series }));

        migrationBuilder.Sql(
            "INSERT INTO kernel_number_counters (scope_id, year, series, last_number) " +
            "SELECT register_id, year, '', last_number FROM documents_register_counters");
        migrationBuilder.DropTable("documents_register_counters");
    }
}
