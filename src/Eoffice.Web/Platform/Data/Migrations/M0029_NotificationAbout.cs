using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>
/// A notification remembers the object it is about (a document, a task…), so that opening the object marks the person's
/// notifications about it read (issue 9, point 1). Notifications stored before stay without one: they are read from the
/// list or their own link, as before.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121002900_NotificationAbout")]
public sealed class M0029_NotificationAbout : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("about_id", "platform_notifications", nullable: true);
        migrationBuilder.CreateIndex("ix_platform_notifications_user_id_about_id", "platform_notifications", ["user_id", "about_id"]);
    }
}
