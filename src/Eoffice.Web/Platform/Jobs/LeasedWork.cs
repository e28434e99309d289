using System.Linq.Expressions;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>A row claimed by <see cref="LeasedWorkQueue{TRow, TState}"/>: its key and its attempts, this one included.</summary>
public sealed record LeasedWorkClaim(Guid Id, int Attempts);

/// <summary>
/// Work kept as one table row per item (a PDF view to make, a file's text to extract) that the workers of every node
/// claim with a lease, as the outbox claims its messages (ADR 0007): on PostgreSQL the oldest due row is chosen with
/// <c>FOR UPDATE SKIP LOCKED</c> and leased in the same transaction; on SQLite one conditional UPDATE leases it only
/// while its lease is free. The attempt is counted when claimed, so an item that brings the node down is given up all
/// the same. The row has a single <see cref="Guid"/> key and the properties <c>Attempts</c> (int), <c>LockedBy</c>
/// (string?) and <c>LockedUntil</c> (DateTime?), plus a state (an enum) and a due time named by the caller.
/// </summary>
public sealed class LeasedWorkQueue<TRow, TState>
    where TRow : class
    where TState : struct, Enum
{
    private const string Attempts = "Attempts";
    private const string LockedBy = "LockedBy";
    private const string LockedUntil = "LockedUntil";

    private readonly string stateProperty;
    private readonly TState waiting;
    private readonly string dueProperty;

    /// <param name="stateProperty">The row's state; a row is claimable while it is <paramref name="waiting"/>.</param>
    /// <param name="waiting">The state of rows waiting for a worker.</param>
    /// <param name="dueProperty">The earliest time of the next attempt (a <see cref="DateTime"/>).</param>
    public LeasedWorkQueue(string stateProperty, TState waiting, string dueProperty)
    {
        this.stateProperty = stateProperty;
        this.waiting = waiting;
        this.dueProperty = dueProperty;
    }

    /// <summary>Leases the oldest due, waiting row to <paramref name="node"/> until <paramref name="until"/>; <c>null</c> when none is free.</summary>
    public async Task<LeasedWorkClaim?> ClaimAsync(EofficeDbContext db, string node, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var key = entity.FindPrimaryKey()!.Properties.Single().Name;
        if (db.Database.IsNpgsql())
        {
            return await ClaimWithRowLockAsync(db, entity, key, node, now, until, cancellationToken);
        }

        var due = db.Set<TRow>().Where(Free(now));
        var next = due.OrderBy(Lambda<DateTime>(dueProperty)).Select(Lambda<Guid>(key)).Take(1);
        var keyLambda = Lambda<Guid>(key);
        var leased = await due.Where(In(next, key)).ExecuteUpdateAsync(s => s
            .SetProperty(Lambda<int>(Attempts), Increment())
            .SetProperty(Lambda<string?>(LockedBy), node)
            .SetProperty(Lambda<DateTime?>(LockedUntil), until), cancellationToken);
        if (leased == 0)
        {
            return null;
        }

        var mine = db.Set<TRow>().AsNoTracking().Where(Waiting()).Where(Equal(LockedBy, (string?)node)).Where(Equal(LockedUntil, (DateTime?)until));
        var ids = await mine.Select(keyLambda).Take(1).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var attempts = await mine.Where(Equal(key, ids[0])).Select(Lambda<int>(Attempts)).FirstAsync(cancellationToken);
        return new LeasedWorkClaim(ids[0], attempts);
    }

    /// <summary>The row <paramref name="id"/> while <paramref name="node"/> holds it (for updates that must not touch a row taken over).</summary>
    public IQueryable<TRow> Owned(EofficeDbContext db, Guid id, string node)
    {
        var key = db.Model.FindEntityType(typeof(TRow))!.FindPrimaryKey()!.Properties.Single().Name;
        return db.Set<TRow>().Where(Equal(key, id)).Where(Equal(LockedBy, (string?)node));
    }

    /// <summary>Gives back an interrupted attempt (the node is shutting down): not counted, the lease freed at once.</summary>
    public Task<int> ReleaseAsync(EofficeDbContext db, Guid id, string node) =>
        Owned(db, id, node).ExecuteUpdateAsync(s => s
            .SetProperty(Lambda<int>(Attempts), Decrement())
            .SetProperty(Lambda<string?>(LockedBy), (string?)null)
            .SetProperty(Lambda<DateTime?>(LockedUntil), (DateTime?)null));

    private async Task<LeasedWorkClaim?> ClaimWithRowLockAsync(EofficeDbContext db, IEntityType entity, string key, string node, DateTime now,
        DateTime until, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(table) + "\"";
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read as written (not composed into a subquery): the lock must apply to the one row chosen.
#pragma warning disable EF1002 // Only identifiers of the model are interpolated; the values are parameters.
        var rows = await db.Set<TRow>().FromSqlRaw($$"""
            SELECT * FROM {{name}}
            WHERE {{Column(stateProperty)}} = {0} AND {{Column(dueProperty)}} <= {1}
              AND ({{Column(LockedUntil)}} IS NULL OR {{Column(LockedUntil)}} <= {1})
            ORDER BY {{Column(dueProperty)}}
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, Convert.ToInt32(waiting, System.Globalization.CultureInfo.InvariantCulture), now).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        if (rows.FirstOrDefault() is not { } row)
        {
            return null;
        }

        var entry = db.Entry(row);
        var attempts = entry.Property<int>(Attempts);
        attempts.CurrentValue++;
        entry.Property<string?>(LockedBy).CurrentValue = node;
        entry.Property<DateTime?>(LockedUntil).CurrentValue = until;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        entry.State = EntityState.Detached;
        return new LeasedWorkClaim(entry.Property<Guid>(key).CurrentValue, attempts.CurrentValue);
    }

    private static ParameterExpression NewRow() => Expression.Parameter(typeof(TRow), "r");

    private static Expression Member(ParameterExpression row, string property) => Expression.Property(row, property);

    private static Expression<Func<TRow, TValue>> Lambda<TValue>(string property)
    {
        var row = NewRow();
        return Expression.Lambda<Func<TRow, TValue>>(Member(row, property), row);
    }

    private static Expression<Func<TRow, bool>> Equal<TValue>(string property, TValue value)
    {
        var row = NewRow();
        return Expression.Lambda<Func<TRow, bool>>(Expression.Equal(Member(row, property), Parameter(value)), row);
    }

    /// <summary>A value EF Core sends as a parameter (a captured variable), not as a literal in the SQL.</summary>
    private static Expression Parameter<TValue>(TValue value) => Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);

    private static Expression<Func<TRow, int>> Increment() => AddToAttempts(1);

    private static Expression<Func<TRow, int>> Decrement() => AddToAttempts(-1);

    private static Expression<Func<TRow, int>> AddToAttempts(int change)
    {
        var row = NewRow();
        return Expression.Lambda<Func<TRow, int>>(Expression.Add(Member(row, Attempts), Expression.Constant(change)), row);
    }

    private Expression<Func<TRow, bool>> Waiting() => Equal(stateProperty, waiting);

    /// <summary>Waiting, due, and not leased (or its lease ran out).</summary>
    private Expression<Func<TRow, bool>> Free(DateTime now)
    {
        var row = NewRow();
        var at = Parameter(now);
        var lockedUntil = Member(row, LockedUntil);
        var body = Expression.AndAlso(
            Expression.AndAlso(
                Expression.Equal(Member(row, stateProperty), Parameter(waiting)),
                Expression.LessThanOrEqual(Member(row, dueProperty), at)),
            Expression.OrElse(
                Expression.Equal(lockedUntil, Expression.Constant(null, typeof(DateTime?))),
                Expression.LessThanOrEqual(lockedUntil, Expression.Convert(at, typeof(DateTime?)))));
        return Expression.Lambda<Func<TRow, bool>>(body, row);
    }

    private static Expression<Func<TRow, bool>> In(IQueryable<Guid> ids, string key)
    {
        var row = NewRow();
        var contains = typeof(Queryable).GetMethods()
            .Single(m => m.Name == nameof(Queryable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(Guid));
        return Expression.Lambda<Func<TRow, bool>>(Expression.Call(contains, ids.Expression, Member(row, key)), row);
    }
}
