using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Audit;

/// <summary>
/// What happened, to be written to the audit log. Actor and client address default to the current user. A module acting
/// under a delegation (ủy quyền) sets <paramref name="OnBehalfOfId"/> and <paramref name="OnBehalfOfName"/> to the
/// delegator, so that the entry names both the person who acted and the person whose right they used.
/// </summary>
public sealed record AuditEvent(
    string Action,
    string ObjectType,
    string? ObjectId = null,
    AuditOutcome Outcome = AuditOutcome.Success,
    string? Details = null,
    Guid? ActorId = null,
    string? ActorName = null,
    Guid? OnBehalfOfId = null,
    string? OnBehalfOfName = null);

public interface IAuditLog
{
    /// <summary>
    /// Appends an entry. When the request's unit of work has a transaction open, the entry joins it (and so commits
    /// or rolls back with the change it describes); otherwise it is written in a transaction of its own.
    /// Pending tracked changes of the same unit of work are saved with it.
    /// </summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

public sealed class AuditLog(EofficeDbContext db, ICurrentUser currentUser, TimeProvider time) : IAuditLog
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises appends to the chain across nodes.</summary>
    private const long ChainLockKey = 0x656f_6666_6175_64;

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // SQLite transactions from EF begin IMMEDIATE, which already holds the write lock; PostgreSQL needs a lock
            // so that two nodes never read the same chain tail.
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
            }

            var tail = await db.Set<AuditEntry>().AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);

            var entry = new AuditEntry(
                sequence: (tail?.Sequence ?? 0) + 1,
                occurredAt: time.GetUtcNow().UtcDateTime,
                actorId: auditEvent.ActorId ?? currentUser.Id,
                actorName: Truncate(auditEvent.ActorName ?? currentUser.UserName, 200),
                action: auditEvent.Action,
                objectType: auditEvent.ObjectType,
                objectId: auditEvent.ObjectId,
                clientAddress: currentUser.ClientAddress,
                outcome: auditEvent.Outcome,
                details: Truncate(auditEvent.Details, 4000),
                previousHash: tail?.Hash ?? AuditEntry.GenesisHash,
                onBehalfOfId: auditEvent.OnBehalfOfId,
                onBehalfOfName: Truncate(auditEvent.OnBehalfOfName, 200));
            db.Add(entry);

            var head = await db.Set<AuditChainHead>().FindAsync([AuditChainHead.SingletonId], cancellationToken);
            if (head is null)
            {
                db.Add(head = new AuditChainHead());
            }

            head.Sequence = entry.Sequence;
            head.Hash = entry.Hash;
            await db.SaveChangesAsync(cancellationToken);

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];
}
