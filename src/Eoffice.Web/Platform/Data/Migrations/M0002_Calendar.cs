using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>The administrator's overrides of the working-day calendar (extra days off, make-up working days).</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000200_Calendar")]
public sealed class M0002_Calendar : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_calendar_overrides",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                date = table.Column<DateOnly>(nullable: false),
                kind = table.Column<int>(nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_calendar_overrides", x => x.id));

        migrationBuilder.CreateIndex("ix_platform_calendar_overrides_date", "platform_calendar_overrides", "date", unique: true);
    }
}
