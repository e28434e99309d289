using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// The commit path every change takes (docs/architecture.md §3): the request's tracked changes and their audit entry — and, through
/// the outbox interceptor, the events and notifications they raise — saved in one short transaction, begun late and
/// committed at once. A handler reads what it needs, changes its aggregate, then calls <see cref="CommitAsync"/> once.
/// </summary>
/// <remarks>
/// <para><b>Late and short.</b> SQLite in WAL mode has one writer at a time, and EF begins SQLite transactions
/// <c>IMMEDIATE</c>, taking the write lock at once: every read therefore happens before the transaction begins, and
/// whatever must be written first (a register number: <c>UPDATE … RETURNING</c> on its counter row, which queues
/// concurrent registrations on that row on PostgreSQL and on the write lock on SQLite) is the
/// <c>firstWrites</c> callback, run as the transaction's first statement. Other writers wait behind the busy timeout
/// instead of failing, and wait only for the few milliseconds of the writes themselves.</para>
/// <para><b>Conflicts.</b> Aggregates carry a concurrency token. When another person changed the same aggregate since it
/// was loaded, the save fails and the caller gets a <see cref="RuleKind.Conflict"/> with a message to reload — also when
/// the clash first shows as a duplicate child row (two people adding the same recipient) before the token is compared.
/// Nothing is saved in either case.</para>
/// </remarks>
public sealed class UnitOfWork(EofficeDbContext db, IAuditLog audit)
{
    public const string ConflictMessage = "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang để xem tình trạng mới nhất.";

    public EofficeDbContext Db => db;

    /// <summary>Saves the tracked changes with <paramref name="entry"/> (when given) in one transaction.</summary>
    public Task CommitAsync(AuditEvent? entry, CancellationToken cancellationToken, string conflictMessage = ConflictMessage) =>
        CommitAsync(_ => Task.FromResult(true), _ => entry, cancellationToken, conflictMessage);

    /// <summary>
    /// Runs <paramref name="firstWrites"/> as the first statements of the transaction (number allocation), then saves the
    /// tracked changes and the audit entry made from its result, and commits. Inside a transaction the caller opened,
    /// it joins it and leaves the commit to the caller.
    /// </summary>
    public Task<T> CommitAsync<T>(Func<CancellationToken, Task<T>> firstWrites, Func<T, AuditEvent?> auditOf, CancellationToken cancellationToken,
        string conflictMessage = ConflictMessage) =>
        CommitCoreAsync(firstWrites, result => auditOf(result) is { } entry ? [entry] : [], cancellationToken, conflictMessage);

    /// <summary>
    /// Saves the tracked changes with several audit entries, in this order, in one transaction: one change that is
    /// audited per object it touches (each file of an upload, each person of an import).
    /// </summary>
    public Task CommitWithEntriesAsync(IReadOnlyList<AuditEvent> entries, CancellationToken cancellationToken, string conflictMessage = ConflictMessage) =>
        CommitCoreAsync(_ => Task.FromResult(true), _ => entries, cancellationToken, conflictMessage);

    private async Task<T> CommitCoreAsync<T>(Func<CancellationToken, Task<T>> firstWrites, Func<T, IReadOnlyList<AuditEvent>> auditOf,
        CancellationToken cancellationToken, string conflictMessage)
    {
        var guarded = ConcurrencyTokens();
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var result = await firstWrites(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var entry in auditOf(result))
                {
                    await audit.RecordAsync(entry, cancellationToken);
                }

                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                return result;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw RuleException.Conflict(conflictMessage);
        }
        catch (DbUpdateException) when (guarded.Count > 0)
        {
            if (await MovedOnAsync(guarded, cancellationToken))
            {
                db.ChangeTracker.Clear();
                throw RuleException.Conflict(conflictMessage);
            }

            throw;
        }
    }

    private List<(EntityEntry Entry, IProperty Token, object? Loaded)> ConcurrencyTokens() =>
        db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .SelectMany(e => e.Properties.Where(p => p.Metadata.IsConcurrencyToken).Select(p => (e, p.Metadata, p.OriginalValue)))
            .ToList();

    /// <summary>Whether an aggregate this unit of work changed was changed by someone else since it was loaded.</summary>
    private static async Task<bool> MovedOnAsync(List<(EntityEntry Entry, IProperty Token, object? Loaded)> guarded, CancellationToken cancellationToken)
    {
        foreach (var (entry, token, loaded) in guarded)
        {
            var current = await entry.GetDatabaseValuesAsync(cancellationToken);
            if (current is null || !Equals(current[token], loaded))
            {
                return true;
            }
        }

        return false;
    }
}
