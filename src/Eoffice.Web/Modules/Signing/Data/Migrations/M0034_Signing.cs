using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Signing.Data.Migrations;

/// <summary>
/// The signing module: certificates registered for signing (with where their key is and who may use them), the clerks
/// who hold the agency seal, and the visible images of signatures (a person's handwriting, the agency's seal).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003400_Signing")]
public sealed class M0034_Signing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "signing_certificates",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                use = table.Column<int>(nullable: false),
                location = table.Column<int>(nullable: false),
                certificate_der = table.Column<byte[]>(nullable: false),
                subject = table.Column<string>(maxLength: 500, nullable: false),
                subject_name = table.Column<string>(maxLength: 200, nullable: false),
                issuer = table.Column<string>(maxLength: 500, nullable: false),
                serial_number = table.Column<string>(maxLength: 100, nullable: false),
                thumbprint = table.Column<string>(maxLength: 64, nullable: false),
                not_before = table.Column<DateTime>(nullable: false),
                not_after = table.Column<DateTime>(nullable: false),
                owner_id = table.Column<Guid>(nullable: true),
                owner_name = table.Column<string>(maxLength: 200, nullable: true),
                capacities = table.Column<int>(nullable: false),
                protected_key_file = table.Column<string>(nullable: true),
                pkcs11_library = table.Column<string>(maxLength: 500, nullable: true),
                pkcs11_token_label = table.Column<string>(maxLength: 200, nullable: true),
                pkcs11_key_label = table.Column<string>(maxLength: 200, nullable: true),
                remote_user_id = table.Column<string>(maxLength: 200, nullable: true),
                is_active = table.Column<bool>(nullable: false),
                added_by = table.Column<Guid>(nullable: false),
                added_by_name = table.Column<string>(maxLength: 200, nullable: false),
                added_at = table.Column<DateTime>(nullable: false),
                deactivated_at = table.Column<DateTime>(nullable: true),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_signing_certificates", x => x.id));
        migrationBuilder.CreateIndex("ix_signing_certificates_agency_id_thumbprint", "signing_certificates", ["agency_id", "thumbprint"], unique: true);
        migrationBuilder.CreateIndex("ix_signing_certificates_owner_id", "signing_certificates", "owner_id");

        migrationBuilder.CreateTable(
            name: "signing_seal_holders",
            columns: table => new
            {
                certificate_id = table.Column<Guid>(nullable: false),
                account_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_signing_seal_holders", x => new { x.certificate_id, x.account_id });
                table.ForeignKey("fk_signing_seal_holders_certificate_id", x => x.certificate_id, "signing_certificates", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_signing_seal_holders_account_id", "signing_seal_holders", "account_id");

        migrationBuilder.CreateTable(
            name: "signing_images",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                agency_id = table.Column<Guid>(nullable: false),
                owner_id = table.Column<Guid>(nullable: true),
                file_id = table.Column<Guid>(nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                width = table.Column<int>(nullable: false),
                height = table.Column<int>(nullable: false),
                uploaded_by = table.Column<Guid>(nullable: false),
                uploaded_by_name = table.Column<string>(maxLength: 200, nullable: false),
                uploaded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_signing_images", x => x.id);
                table.ForeignKey("fk_signing_images_file_id", x => x.file_id, "platform_files", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_signing_images_agency_id_owner_id", "signing_images", ["agency_id", "owner_id"], unique: true);
        migrationBuilder.CreateIndex("ix_signing_images_file_id", "signing_images", "file_id");
    }
}
