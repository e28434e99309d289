using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Identity.Data.Migrations;

/// <summary>
/// Delegated rights become the codes the modules declare (ADR 0013) instead of a closed set of flags: one row per
/// delegated right, with the name it was delegated under. Flag 1 becomes <c>documents.incoming.handle</c> and flag 2
/// <c>documents.outgoing.approve</c>, both declared by the documents module; flag 4 (ký văn bản) becomes
/// <c>signing.sign</c>, the code the signing module will declare. Until it does, delegations that hold it keep it and
/// show it, but nobody can delegate it anew.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121002000_DelegatedRightCodes")]
public sealed class M0020_DelegatedRightCodes : Migration
{
    private static readonly (int Flag, string Code, string Name)[] Flags =
    [
        (1, "documents.incoming.handle", "Xử lý văn bản đến (bút phê, phân công)"),
        (2, "documents.outgoing.approve", "Duyệt dự thảo văn bản đi"),
        (4, "signing.sign", "Ký văn bản"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "identity_delegation_rights",
            columns: table => new
            {
                delegation_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 100, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_identity_delegation_rights", x => new { x.delegation_id, x.code });
                table.ForeignKey("fk_identity_delegation_rights_delegation_id", x => x.delegation_id, "identity_delegations", "id",
                    onDelete: ReferentialAction.Cascade);
            });

        foreach (var (flag, code, name) in Flags)
        {
            migrationBuilder.Sql(
                $"INSERT INTO identity_delegation_rights (delegation_id, code, name) SELECT id, '{code}', '{name}' FROM identity_delegations WHERE (rights & {flag}) <> 0");
        }

        if (migrationBuilder.IsSqlite())
        {
            // EF rebuilds the table for this on SQLite and needs a model snapshot to do it; SQLite ≥ 3.35 drops columns itself.
            migrationBuilder.Sql("ALTER TABLE identity_delegations DROP COLUMN rights");
        }
        else
        {
            migrationBuilder.DropColumn("rights", "identity_delegations");
        }
    }
}
