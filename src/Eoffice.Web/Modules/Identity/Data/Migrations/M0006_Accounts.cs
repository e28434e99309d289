using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Identity.Data.Migrations;

/// <summary>
/// Accounts grow into people of an agency: placement, status, lockout, two-factor, sessions, tokens, delegation,
/// handover and rights changes. Roles become assignments with an optional unit scope; existing roles are kept as
/// agency-wide assignments and the old active flag becomes the status.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121000600_Accounts")]
public sealed class M0006_Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("agency_id", "identity_users", nullable: true);
        migrationBuilder.AddColumn<Guid>("unit_id", "identity_users", nullable: true);
        migrationBuilder.AddColumn<Guid>("position_id", "identity_users", nullable: true);
        migrationBuilder.AddColumn<string>("phone", "identity_users", maxLength: 50, nullable: true);
        migrationBuilder.AddColumn<int>("status", "identity_users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("disabled_reason", "identity_users", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<bool>("is_demo", "identity_users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("must_change_password", "identity_users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>("password_changed_at", "identity_users", nullable: true);
        migrationBuilder.AddColumn<int>("failed_sign_in_count", "identity_users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("locked_until", "identity_users", nullable: true);
        migrationBuilder.AddColumn<bool>("two_factor_enabled", "identity_users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>("two_factor_secret", "identity_users", maxLength: 1024, nullable: true);
        migrationBuilder.AddColumn<DateTime>("activated_at", "identity_users", nullable: true);
        migrationBuilder.AddColumn<DateTime>("departed_at", "identity_users", nullable: true);
        migrationBuilder.AddColumn<Guid>("successor_id", "identity_users", nullable: true);
        migrationBuilder.Sql("UPDATE identity_users SET status = CASE WHEN is_active THEN 0 ELSE 1 END, disabled_reason = CASE WHEN is_active THEN NULL ELSE 'administrator' END");
        if (migrationBuilder.IsSqlite())
        {
            // EF rebuilds the table for this on SQLite and needs a model snapshot to do it; SQLite ≥ 3.35 drops columns itself.
            migrationBuilder.Sql("ALTER TABLE identity_users DROP COLUMN is_active");
        }
        else
        {
            migrationBuilder.DropColumn("is_active", "identity_users");
        }

        migrationBuilder.CreateIndex("ix_identity_users_agency_id_unit_id", "identity_users", ["agency_id", "unit_id"]);

        migrationBuilder.CreateTable(
            name: "identity_role_assignments",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                role_code = table.Column<string>(maxLength: 64, nullable: false),
                scope_unit_id = table.Column<Guid>(nullable: true),
                granted_at = table.Column<DateTime>(nullable: false),
                granted_by = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_role_assignments", x => x.id);
                table.ForeignKey("fk_identity_role_assignments_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_role_assignments_user_id_role_code_scope_unit_id", "identity_role_assignments", ["user_id", "role_code", "scope_unit_id"]);

        // Existing roles become agency-wide assignments, each with a new id in the provider's own GUID format.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql(
                """
                INSERT INTO identity_role_assignments (id, user_id, role_code, scope_unit_id, granted_at, granted_by)
                SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
                       user_id, role_code, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'), NULL
                FROM (SELECT upper(hex(randomblob(16))) AS h, user_id, role_code FROM identity_user_roles)
                """);
        }
        else
        {
            migrationBuilder.Sql(
                """
                INSERT INTO identity_role_assignments (id, user_id, role_code, scope_unit_id, granted_at, granted_by)
                SELECT gen_random_uuid(), user_id, role_code, NULL, now(), NULL FROM identity_user_roles
                """);
        }

        migrationBuilder.DropTable("identity_user_roles");

        migrationBuilder.CreateTable(
            name: "identity_sessions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                auth_method = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_seen_at = table.Column<DateTime>(nullable: false),
                ended_at = table.Column<DateTime>(nullable: true),
                end_reason = table.Column<string>(maxLength: 50, nullable: true),
                client_address = table.Column<string>(maxLength: 64, nullable: true),
                user_agent = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_sessions", x => x.id);
                table.ForeignKey("fk_identity_sessions_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_sessions_user_id_ended_at", "identity_sessions", ["user_id", "ended_at"]);

        migrationBuilder.CreateTable(
            name: "identity_password_history",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                user_id = table.Column<Guid>(nullable: false),
                password_hash = table.Column<string>(maxLength: 512, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_password_history", x => x.id);
                table.ForeignKey("fk_identity_password_history_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_password_history_user_id_created_at", "identity_password_history", ["user_id", "created_at"]);

        migrationBuilder.CreateTable(
            name: "identity_recovery_codes",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                user_id = table.Column<Guid>(nullable: false),
                code_hash = table.Column<string>(maxLength: 128, nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_recovery_codes", x => x.id);
                table.ForeignKey("fk_identity_recovery_codes_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_recovery_codes_user_id", "identity_recovery_codes", "user_id");

        migrationBuilder.CreateTable(
            name: "identity_access_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                prefix = table.Column<string>(maxLength: 16, nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: true),
                last_used_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_access_tokens", x => x.id);
                table.ForeignKey("fk_identity_access_tokens_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_access_tokens_token_hash", "identity_access_tokens", "token_hash", unique: true);
        migrationBuilder.CreateIndex("ix_identity_access_tokens_user_id", "identity_access_tokens", "user_id");

        migrationBuilder.CreateTable(
            name: "identity_delegations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                delegator_id = table.Column<Guid>(nullable: false),
                delegate_id = table.Column<Guid>(nullable: false),
                rights = table.Column<int>(nullable: false),
                starts_on = table.Column<DateOnly>(nullable: false),
                ends_on = table.Column<DateOnly>(nullable: false),
                reason = table.Column<string>(maxLength: 500, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                created_by = table.Column<Guid>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
                revoked_by = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_delegations", x => x.id);
                table.ForeignKey("fk_identity_delegations_delegator_id", x => x.delegator_id, "identity_users", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_identity_delegations_delegate_id", x => x.delegate_id, "identity_users", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_identity_delegations_delegate_id_ends_on", "identity_delegations", ["delegate_id", "ends_on"]);
        migrationBuilder.CreateIndex("ix_identity_delegations_delegator_id_ends_on", "identity_delegations", ["delegator_id", "ends_on"]);

        migrationBuilder.CreateTable(
            name: "identity_handovers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                from_user_id = table.Column<Guid>(nullable: false),
                to_user_id = table.Column<Guid>(nullable: false),
                reason = table.Column<int>(nullable: false),
                note = table.Column<string>(maxLength: 500, nullable: true),
                at = table.Column<DateTime>(nullable: false),
                by = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_identity_handovers", x => x.id));
        migrationBuilder.CreateIndex("ix_identity_handovers_from_user_id", "identity_handovers", "from_user_id");
        migrationBuilder.CreateIndex("ix_identity_handovers_to_user_id", "identity_handovers", "to_user_id");

        migrationBuilder.CreateTable(
            name: "identity_handover_items",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                handover_id = table.Column<Guid>(nullable: false),
                module = table.Column<string>(maxLength: 50, nullable: false),
                item_type = table.Column<string>(maxLength: 50, nullable: false),
                item_id = table.Column<string>(maxLength: 100, nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_handover_items", x => x.id);
                table.ForeignKey("fk_identity_handover_items_handover_id", x => x.handover_id, "identity_handovers", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_handover_items_handover_id", "identity_handover_items", "handover_id");

        migrationBuilder.CreateTable(
            name: "identity_rights_changes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: true),
                subject_user_id = table.Column<Guid>(nullable: false),
                description = table.Column<string>(maxLength: 1000, nullable: false),
                changed_at = table.Column<DateTime>(nullable: false),
                changed_by = table.Column<Guid>(nullable: true),
                confirmed_at = table.Column<DateTime>(nullable: true),
                confirmed_by = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_identity_rights_changes", x => x.id));
        migrationBuilder.CreateIndex("ix_identity_rights_changes_agency_id_confirmed_at", "identity_rights_changes", ["agency_id", "confirmed_at"]);

        migrationBuilder.CreateTable(
            name: "identity_external_logins",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                provider = table.Column<string>(maxLength: 20, nullable: false),
                provider_key = table.Column<string>(maxLength: 300, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_external_logins", x => x.id);
                table.ForeignKey("fk_identity_external_logins_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_identity_external_logins_provider_provider_key", "identity_external_logins", ["provider", "provider_key"], unique: true);
        migrationBuilder.CreateIndex("ix_identity_external_logins_user_id", "identity_external_logins", "user_id");
    }
}
