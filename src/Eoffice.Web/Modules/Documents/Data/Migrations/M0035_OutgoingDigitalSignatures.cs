using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Outgoing documents signed digitally (issue 11): whether the leader signed the PDF digitally and with which
/// certificate, where the signature image is (the agency seal goes over its left third), and the files as issued —
/// the electronic original with the number, the day and the agency's signature, and the annexes signed by the agency;
/// and the short code of the public verification page (unique).
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202003500_OutgoingDigitalSignatures")]
public sealed class M0035_OutgoingDigitalSignatures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        const string table = "documents_outgoing";
        migrationBuilder.AddColumn<bool>("signed_digitally", table, nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>("signer_certificate", table, maxLength: 700, nullable: true);
        migrationBuilder.AddColumn<string>("signature_placement", table, maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<Guid>("issued_file_id", table, nullable: true);
        migrationBuilder.AddColumn<string>("issued_file_name", table, maxLength: 255, nullable: true);
        migrationBuilder.AddColumn<string>("issued_annexes", table, maxLength: 20000, nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>("verification_code", table, maxLength: 10, nullable: true);
        migrationBuilder.CreateIndex("ix_documents_outgoing_verification_code", table, "verification_code", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        const string table = "documents_outgoing";
        migrationBuilder.DropIndex("ix_documents_outgoing_verification_code", table);
        foreach (var column in new[] { "verification_code", "signed_digitally", "signer_certificate", "signature_placement", "issued_file_id", "issued_file_name", "issued_annexes" })
        {
            migrationBuilder.DropColumn(column, table);
        }
    }
}
