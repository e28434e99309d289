using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// One pass over the outbox for one node: claim a batch of due messages with a lease, run their handlers, record the
/// outcome. Claiming is safe with any number of nodes: on PostgreSQL the batch is chosen with
/// <c>FOR UPDATE SKIP LOCKED</c> and leased in the same transaction; on SQLite a single conditional UPDATE leases only
/// rows whose lease is free or expired (the statement holds the database's write lock from start to end).
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes,
    OutboxTypeRegistry registry,
    IOptions<JobsOptions> options,
    TimeProvider time,
    WorkerNode node,
    WorkerHeartbeats heartbeats,
    ILogger<OutboxProcessor> logger)
{
    private sealed record Claimed(long Id, string Type, string Payload, int Attempts);

    /// <summary>Handles at most one batch; returns how many messages were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var message in claimed)
        {
            await ProcessAsync(message, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task<IReadOnlyList<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;
        var batch = options.Value.BatchSize;

        if (db.Database.IsNpgsql())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await db.Set<OutboxMessage>().FromSqlInterpolated($"""
                SELECT * FROM platform_outbox_messages
                WHERE processed_at IS NULL AND failed_at IS NULL AND available_at <= {now}
                  AND (locked_until IS NULL OR locked_until <= {now})
                ORDER BY available_at, id
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                row.Lease(node.Id, until);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows.Select(r => new Claimed(r.Id, r.Type, r.Payload, r.Attempts)).ToList();
        }

        var due = db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null && m.FailedAt == null && m.AvailableAt <= now
            && (m.LockedUntil == null || m.LockedUntil <= now));
        var batchIds = due.OrderBy(m => m.AvailableAt).ThenBy(m => m.Id).Select(m => m.Id).Take(batch);
        var leased = await due.Where(m => batchIds.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockedBy, node.Id)
            .SetProperty(m => m.LockedUntil, until), cancellationToken);
        if (leased == 0)
        {
            return [];
        }

        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.LockedBy == node.Id && m.LockedUntil == until && m.ProcessedAt == null && m.FailedAt == null)
            .OrderBy(m => m.AvailableAt).ThenBy(m => m.Id)
            .Select(m => new Claimed(m.Id, m.Type, m.Payload, m.Attempts))
            .ToListAsync(cancellationToken);
    }

    private async Task ProcessAsync(Claimed message, CancellationToken stoppingToken)
    {
        Exception? error = null;
        using var busy = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keepAlive = WorkerLoop.KeepAliveAsync(time, options.Value.PollInterval,
            () =>
            {
                heartbeats.Alive(WorkerHeartbeats.OutboxDispatcher);
                return Task.CompletedTask;
            },
            busy.Token);
        try
        {
            if (!registry.TryGet(message.Type, out var type))
            {
                throw new InvalidOperationException($"Outbox message type '{message.Type}' is not registered on this node.");
            }

            // A handler may not outlive the lease: past it, another node could take the message over.
            using var handlerTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            handlerTimeout.CancelAfter(options.Value.LeaseDuration - options.Value.PollInterval);
            await using var scope = scopes.CreateAsyncScope();
            await type.DispatchAsync(scope.ServiceProvider, message.Payload, handlerTimeout.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await busy.CancelAsync();
            await keepAlive;
            await ReleaseAsync(message);
            return;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        await busy.CancelAsync();
        await keepAlive;
        if (error is null)
        {
            await RecordSuccessAsync(message);
        }
        else
        {
            await RecordFailureAsync(message, error);
        }
    }

    private async Task RecordSuccessAsync(Claimed message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await UpdateOwnedAsync(message.Id, q => q.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ProcessedAt, now)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)));
        if (updated == 0)
        {
            logger.LogWarning("Outbox message {Id} ({Type}) was handled, but this node's lease had been taken over; it may be handled again.",
                message.Id, message.Type);
        }
    }

    private async Task RecordFailureAsync(Claimed message, Exception error)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var dead = attempts >= o.MaxAttempts;
        var next = now + BackOff.Delay(attempts, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble());
        var text = WorkerLoop.Describe(error);
        if (dead)
        {
            logger.LogError(error, "Outbox message {Id} ({Type}) failed {Attempts} times and is given up until an administrator retries it.",
                message.Id, message.Type, attempts);
        }
        else
        {
            logger.LogWarning(error, "Outbox message {Id} ({Type}) failed (attempt {Attempts} of {MaxAttempts}); next attempt at {Next:O}.",
                message.Id, message.Type, attempts, o.MaxAttempts, next);
        }

        await UpdateOwnedAsync(message.Id, q => q.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.AvailableAt, next)
            .SetProperty(m => m.FailedAt, dead ? now : null)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)));
    }

    private Task<int> ReleaseAsync(Claimed message) =>
        UpdateOwnedAsync(message.Id, q => q.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)));

    /// <summary>Updates the message only while this node still holds it. Runs to completion even during shutdown.</summary>
    private async Task<int> UpdateOwnedAsync(long id, Func<IQueryable<OutboxMessage>, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        return await update(db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockedBy == node.Id));
    }
}

/// <summary>The outbox worker of this node: processes due messages, then waits for the poll interval or a wake-up.</summary>
public sealed class OutboxDispatcher(
    OutboxProcessor processor,
    OutboxSignal signal,
    WorkerHeartbeats heartbeats,
    IOptions<JobsOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        heartbeats.Alive(WorkerHeartbeats.OutboxDispatcher);
        Exception? fatal = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await processor.ProcessDueAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "The outbox dispatcher could not claim or record messages; it tries again in {Interval}.",
                        options.Value.PollInterval);
                }

                heartbeats.Alive(WorkerHeartbeats.OutboxDispatcher);
                if (claimed == 0)
                {
                    await signal.Signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            fatal = ex;
            logger.LogCritical(ex, "The outbox dispatcher stopped.");
        }
        finally
        {
            heartbeats.Stopped(WorkerHeartbeats.OutboxDispatcher, fatal);
        }
    }
}
