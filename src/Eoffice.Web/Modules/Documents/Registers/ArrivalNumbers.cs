using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// Gives the next arrival number (số đến) of a register in a year. The counter row is incremented with one
/// <c>UPDATE … RETURNING</c> inside the caller's transaction, so concurrent registrations queue on the row (PostgreSQL)
/// or on the database write lock (SQLite): numbers are consecutive and never given twice, and a rolled-back registration
/// gives its number back. The unique index (register, year, number) on documents is the last line of defence.
/// Call it as the first write of the transaction.
/// </summary>
public sealed class ArrivalNumbers(EofficeDbContext db)
{
    public async Task<int> NextAsync(Guid registerId, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Arrival numbers are allocated inside the registering transaction.");
        }

        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO documents_register_counters (register_id, year, last_number) VALUES ({registerId}, {year}, 0) ON CONFLICT (register_id, year) DO NOTHING",
            cancellationToken);
        var numbers = await db.Database.SqlQuery<int>(
                $"UPDATE documents_register_counters SET last_number = last_number + 1 WHERE register_id = {registerId} AND year = {year} RETURNING last_number AS \"Value\"")
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
