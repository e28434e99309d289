using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Where an electronic arrival in "Chờ tiếp nhận" came from (ADR 0030, issue 13 slice 3): its channel (0 the JSON
/// gateway, as every earlier arrival), the check of the edXML package's signature (valid, signer, certificate
/// thumbprint), and the sender key (identifier, or name without one) that makes (agency, sender, external id) unique —
/// the de-duplication of <c>IElectronicArrivals</c>, kept under concurrent deliveries too.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202004500_PendingArrivalProvenance")]
public sealed class M0045_PendingArrivalProvenance : Migration
{
    private const string Table = "documents_pending_incoming";
    private const string UniqueIndex = "ix_documents_pending_incoming_agency_id_sender_key_external_id";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("channel", Table, nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<bool>("package_signature_valid", Table, nullable: true);
        migrationBuilder.AddColumn<string>("package_signer", Table, maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("package_thumbprint", Table, maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>("sender_key", Table, maxLength: 200, nullable: false, defaultValue: "");
        migrationBuilder.Sql($"UPDATE {Table} SET sender_key = COALESCE(issuing_organ_id, issuing_organ_name)");
        migrationBuilder.CreateIndex(UniqueIndex, Table, ["agency_id", "sender_key", "external_id"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(UniqueIndex, Table);
        foreach (var column in new[] { "channel", "package_signature_valid", "package_signer", "package_thumbprint", "sender_key" })
        {
            migrationBuilder.DropColumn(column, Table);
        }
    }
}
