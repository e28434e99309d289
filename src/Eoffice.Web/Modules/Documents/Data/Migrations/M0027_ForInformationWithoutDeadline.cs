using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.Web.Modules.Documents.Data.Migrations;

/// <summary>
/// A for-information copy (nhận để biết, role 3) has no deadline: the forward form used to fill one in for every
/// recipient, so such copies showed "Hạn … · Còn hạn", counted as overdue and were reminded. From now on a forward
/// refuses a deadline for them; this clears the ones already stored, so that lists, counts, reminders and printed
/// outputs read the same rule from the data. (The history keeps the forward's text as it was written.)
/// </summary>
[DbContext(typeof(EofficeDbContext))]
[Migration("20261121002700_ForInformationWithoutDeadline")]
public sealed class M0027_ForInformationWithoutDeadline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("UPDATE documents_incoming_assignments SET due_date = NULL WHERE role = 3 AND due_date IS NOT NULL");
}
