using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Identity.Data.Migrations;

/// <summary>
/// Two-factor sign-in remembers the last accepted TOTP time step, so that a code read over someone's shoulder cannot
/// be used a second time within its 30-second window.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000800_AccountSecurity")]
public sealed class M0008_AccountSecurity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("two_factor_last_step", "identity_users", nullable: true);
    }
}
