using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Signing.Data.Migrations;

/// <summary>
/// The CA certificates of a registered certificate's chain (PEM), given with it: a token holds only its own certificate,
/// and a signature without the issuing CA cannot be traced to the government root by anyone who verifies it.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003600_CertificateChains")]
public sealed class M0036_CertificateChains : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("chain_pem", "signing_certificates", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("chain_pem", "signing_certificates");
}
