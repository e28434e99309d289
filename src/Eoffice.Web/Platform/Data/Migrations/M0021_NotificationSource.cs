using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>
/// A notification sent by an event subscriber remembers the event it answers (its id), once per person: an event is
/// delivered at least once, and a repeat must not notify twice. Notifications sent directly have none.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121002100_NotificationSource")]
public sealed class M0021_NotificationSource : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("source_key", "platform_notifications", maxLength: 100, nullable: true);
        migrationBuilder.CreateIndex("ix_platform_notifications_user_id_source_key", "platform_notifications", ["user_id", "source_key"], unique: true,
            filter: "source_key IS NOT NULL");
    }
}
