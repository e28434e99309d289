using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Platform.Data.Migrations;

/// <summary>Accounts (minimal, extended by the organisation issue), the data-protection key ring and the audit log.</summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000100_Platform")]
public sealed class M0001_Platform : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "identity_users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_name = table.Column<string>(maxLength: 64, nullable: false),
                full_name = table.Column<string>(maxLength: 200, nullable: false),
                email = table.Column<string>(maxLength: 256, nullable: true),
                password_hash = table.Column<string>(maxLength: 512, nullable: false),
                security_stamp = table.Column<string>(maxLength: 64, nullable: false),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_sign_in_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_identity_users", x => x.id));

        migrationBuilder.CreateIndex("ix_identity_users_user_name", "identity_users", "user_name", unique: true);

        migrationBuilder.CreateTable(
            name: "identity_user_roles",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                role_code = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_user_roles", x => new { x.user_id, x.role_code });
                table.ForeignKey("fk_identity_user_roles_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "platform_data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Identity(),
                friendly_name = table.Column<string>(maxLength: 200, nullable: false),
                xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_platform_data_protection_keys", x => x.id));

        migrationBuilder.CreateTable(
            name: "platform_audit_entries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                sequence = table.Column<long>(nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                actor_id = table.Column<Guid>(nullable: true),
                actor_name = table.Column<string>(maxLength: 200, nullable: true),
                action = table.Column<string>(maxLength: 100, nullable: false),
                object_type = table.Column<string>(maxLength: 100, nullable: false),
                object_id = table.Column<string>(maxLength: 100, nullable: true),
                client_address = table.Column<string>(maxLength: 64, nullable: true),
                outcome = table.Column<int>(nullable: false),
                details = table.Column<string>(maxLength: 4000, nullable: true),
                previous_hash = table.Column<string>(maxLength: 64, nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_platform_audit_entries", x => x.id));

        migrationBuilder.CreateIndex("ix_platform_audit_entries_sequence", "platform_audit_entries", "sequence", unique: true);
        migrationBuilder.CreateIndex("ix_platform_audit_entries_occurred_at", "platform_audit_entries", "occurred_at");
        migrationBuilder.CreateIndex("ix_platform_audit_entries_object_type_object_id", "platform_audit_entries", ["object_type", "object_id"]);

        migrationBuilder.CreateTable(
            name: "platform_audit_head",
            columns: table => new
            {
                id = table.Column<int>(nullable: false),
                sequence = table.Column<long>(nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_platform_audit_head", x => x.id));
    }
}
