using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// Recall of electronic arrivals (ADR 0030 §21): an item of "Chờ tiếp nhận" keeps the sender's recall request (state 0
/// none, as every earlier arrival; reason, time) and the clerk's answer (when, by whom, the reason of a refusal); an
/// incoming document withdrawn on an accepted recall keeps when and why.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202005200_IncomingRecall")]
public sealed class M0052_IncomingRecall : Migration
{
    private const string Pending = "documents_pending_incoming";
    private const string Incoming = "documents_incoming";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("recall", Pending, nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("recall_reason", Pending, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<DateTime>("recall_requested_at", Pending, nullable: true);
        migrationBuilder.AddColumn<DateTime>("recall_decided_at", Pending, nullable: true);
        migrationBuilder.AddColumn<string>("recall_decided_by_name", Pending, maxLength: 300, nullable: true);
        migrationBuilder.AddColumn<string>("recall_refusal_reason", Pending, maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<DateTime>("recalled_at", Incoming, nullable: true);
        migrationBuilder.AddColumn<string>("recall_reason", Incoming, maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "recall", "recall_reason", "recall_requested_at", "recall_decided_at", "recall_decided_by_name", "recall_refusal_reason" })
        {
            migrationBuilder.DropColumn(column, Pending);
        }

        migrationBuilder.DropColumn("recalled_at", Incoming);
        migrationBuilder.DropColumn("recall_reason", Incoming);
    }
}
