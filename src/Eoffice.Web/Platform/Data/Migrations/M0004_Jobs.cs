using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>The outbox, the state of recurring jobs and per-user notifications.</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000400_Jobs")]
public sealed class M0004_Jobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_outbox_messages",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                type = table.Column<string>(maxLength: 200, nullable: false),
                payload = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                available_at = table.Column<DateTime>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                processed_at = table.Column<DateTime>(nullable: true),
                failed_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(maxLength: 4000, nullable: true),
                locked_by = table.Column<string>(maxLength: 100, nullable: true),
                locked_until = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_outbox_messages", x => x.id));

        migrationBuilder.CreateIndex("ix_platform_outbox_messages_processed_at_failed_at_available_at", "platform_outbox_messages",
            ["processed_at", "failed_at", "available_at"]);

        migrationBuilder.CreateTable(
            name: "platform_jobs",
            columns: table => new
            {
                name = table.Column<string>(maxLength: 100, nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                state = table.Column<int>(nullable: false),
                last_started_at = table.Column<DateTime>(nullable: true),
                last_finished_at = table.Column<DateTime>(nullable: true),
                last_succeeded_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(maxLength: 4000, nullable: true),
                consecutive_failures = table.Column<int>(nullable: false),
                next_run_at = table.Column<DateTime>(nullable: false),
                locked_by = table.Column<string>(maxLength: 100, nullable: true),
                locked_until = table.Column<DateTime>(nullable: true),
                is_enabled = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_platform_jobs", x => x.name));

        migrationBuilder.CreateTable(
            name: "platform_notifications",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 300, nullable: false),
                body = table.Column<string>(maxLength: 2000, nullable: true),
                link = table.Column<string>(maxLength: 500, nullable: true),
                category = table.Column<string>(maxLength: 50, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                read_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_notifications", x => x.id));

        migrationBuilder.CreateIndex("ix_platform_notifications_user_id_read_at_created_at", "platform_notifications",
            ["user_id", "read_at", "created_at"]);
    }
}
