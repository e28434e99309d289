using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Exchange.Data.Migrations;

/// <summary>
/// Recall (ADR 0030 §20–§22): a delivery carries the sender's recall — its state (0 none, as every earlier delivery),
/// reason and time, the sending of the status 13 (attempts, latest error, when the partner took it) and the partner's
/// answer 15/16 with its reason.
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261202005100_ExchangeRecall")]
public sealed class M0051_ExchangeRecall : Migration
{
    private const string Table = "exchange_deliveries";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("recall_state", Table, nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("recall_reason", Table, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<DateTime>("recall_requested_at", Table, nullable: true);
        migrationBuilder.AddColumn<DateTime>("recall_sent_at", Table, nullable: true);
        migrationBuilder.AddColumn<int>("recall_attempts", Table, nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>("recall_error", Table, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>("recall_answer", Table, maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<DateTime>("recall_answered_at", Table, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[]
                 {
                     "recall_state", "recall_reason", "recall_requested_at", "recall_sent_at", "recall_attempts", "recall_error", "recall_answer",
                     "recall_answered_at",
                 })
        {
            migrationBuilder.DropColumn(column, Table);
        }
    }
}
