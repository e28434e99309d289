using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Kernel.Numbering;

/// <summary>
/// Gives the next number of a series in a numbering book and year: arrival numbers of registers today, outgoing numbers
/// and one-stop receipt numbers with the same guarantee. The counter row (<see cref="NumberCounter"/>) is created if
/// missing and incremented with one <c>UPDATE … RETURNING</c> inside the caller's transaction, so concurrent callers
/// queue on the row (PostgreSQL) or on the database write lock (SQLite): numbers are consecutive and never given twice,
/// and a rolled-back transaction gives its number back. The owner's unique index on the numbered rows stays the last
/// line of defence.
/// <para>
/// Call it as the first write of the transaction, with every read done before: on SQLite in WAL mode a transaction that
/// has read and then writes cannot wait for a concurrent writer and fails instead of queueing.
/// </para>
/// </summary>
public sealed class NumberAllocator(EofficeDbContext db)
{
    public async Task<int> NextAsync(Guid scopeId, int year, NumberSeries series, CancellationToken cancellationToken)
    {
        if (scopeId == Guid.Empty)
        {
            throw new ArgumentException("A number is taken in a numbering book; the book's id is empty.", nameof(scopeId));
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Numbers are allocated inside the transaction that uses them.");
        }

        var key = series.Key;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO kernel_number_counters (scope_id, year, series, last_number) VALUES ({scopeId}, {year}, {key}, 0) ON CONFLICT (scope_id, year, series) DO NOTHING",
            cancellationToken);
        var numbers = await db.Database.SqlQuery<int>(
                $"UPDATE kernel_number_counters SET last_number = last_number + 1 WHERE scope_id = {scopeId} AND year = {year} AND series = {key} RETURNING last_number AS \"Value\"")
            .ToListAsync(cancellationToken);
        return numbers.Single();
    }
}
