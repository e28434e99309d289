using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>
/// Audit entries can name the person on whose behalf the actor acted (delegation, ủy quyền). Both columns stay empty on
/// existing rows, whose hashes do not cover them, so existing chains keep verifying.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121001000_AuditOnBehalfOf")]
public sealed class M0010_AuditOnBehalfOf : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("on_behalf_of_id", "platform_audit_entries", nullable: true);
        migrationBuilder.AddColumn<string>("on_behalf_of_name", "platform_audit_entries", maxLength: 200, nullable: true);
    }
}
