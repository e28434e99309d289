using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Identity.Data.Migrations;

/// <summary>
/// Central sign-on sources (LDAP directories of the official mail, OpenID Connect servers) configured by the
/// administrator. One row per source; the LDAP and OIDC settings are columns of their own, unused ones left empty.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000900_ExternalSignIn")]
public sealed class M0009_ExternalSignIn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "identity_external_providers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                kind = table.Column<int>(nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                is_enabled = table.Column<bool>(nullable: false),
                host = table.Column<string>(maxLength: 255, nullable: true),
                port = table.Column<int>(nullable: true),
                security = table.Column<int>(nullable: false),
                bind_dn_template = table.Column<string>(maxLength: 500, nullable: true),
                search_base = table.Column<string>(maxLength: 500, nullable: true),
                search_filter = table.Column<string>(maxLength: 500, nullable: true),
                service_dn = table.Column<string>(maxLength: 500, nullable: true),
                protected_secret = table.Column<string>(maxLength: 2000, nullable: true),
                authority = table.Column<string>(maxLength: 500, nullable: true),
                client_id = table.Column<string>(maxLength: 200, nullable: true),
                scopes = table.Column<string>(maxLength: 500, nullable: true),
                email_field = table.Column<string>(maxLength: 100, nullable: true),
                name_field = table.Column<string>(maxLength: 100, nullable: true),
                user_name_field = table.Column<string>(maxLength: 100, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_identity_external_providers", x => x.id));
        migrationBuilder.CreateIndex("ix_identity_external_providers_is_enabled", "identity_external_providers", "is_enabled");
    }
}
