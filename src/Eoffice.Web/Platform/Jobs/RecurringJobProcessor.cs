using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// Runs due recurring jobs for one node. A run is claimed by leasing the job's row: on PostgreSQL the row is chosen
/// with <c>FOR UPDATE SKIP LOCKED</c> and leased in the same transaction; on SQLite a conditional UPDATE leases it
/// only if it is still due and its lease is free or expired. The lease is renewed while the job runs, so a job never
/// runs on two nodes at once; a crashed node's lease expires and the job runs again elsewhere.
/// </summary>
public sealed class RecurringJobProcessor(
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider time,
    WorkerNode node,
    WorkerHeartbeats heartbeats,
    ILogger<RecurringJobProcessor> logger)
{
    private sealed record Claim(string Name, int ConsecutiveFailures);

    private sealed record JobInfo(string Name, string DisplayName, TimeSpan Interval);

    private IReadOnlyDictionary<string, JobInfo>? jobs;

    /// <summary>
    /// The jobs registered on this node. Throws <see cref="InvalidOperationException"/> for a programming error
    /// (duplicate or over-long name, non-positive interval).
    /// </summary>
    private IReadOnlyDictionary<string, JobInfo> Jobs
    {
        get
        {
            if (jobs is not null)
            {
                return jobs;
            }

            using var scope = scopes.CreateScope();
            var found = new Dictionary<string, JobInfo>(StringComparer.Ordinal);
            foreach (var job in scope.ServiceProvider.GetServices<IRecurringJob>())
            {
                if (string.IsNullOrWhiteSpace(job.Name) || job.Name.Length > 100)
                {
                    throw new InvalidOperationException($"Recurring job {job.GetType().Name} needs a name of 1 to 100 characters.");
                }

                if (job.Interval <= TimeSpan.Zero)
                {
                    throw new InvalidOperationException($"Recurring job '{job.Name}' needs a positive interval.");
                }

                if (!found.TryAdd(job.Name, new JobInfo(job.Name, job.DisplayName, job.Interval)))
                {
                    throw new InvalidOperationException($"Two recurring jobs are registered under the name '{job.Name}'.");
                }
            }

            return jobs = found;
        }
    }

    /// <summary>Checks the registrations (throws on a programming error) without touching the database.</summary>
    public void Validate() => _ = Jobs;

    /// <summary>
    /// Adds the state rows of jobs the table does not know yet (first run: now) and refreshes display names and the
    /// enabled switch of known ones. Safe when several nodes start together.
    /// </summary>
    public async Task RegisterJobsAsync(CancellationToken cancellationToken)
    {
        var disabled = options.Value.DisabledJobs.ToHashSet(StringComparer.Ordinal);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var names = Jobs.Keys.ToList();
        var existing = await db.Set<JobState>().Where(j => names.Contains(j.Name)).ToDictionaryAsync(j => j.Name, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var job in Jobs.Values)
        {
            var enabled = !disabled.Contains(job.Name);
            if (existing.TryGetValue(job.Name, out var state))
            {
                state.Describe(job.DisplayName, enabled);
            }
            else
            {
                db.Add(new JobState(job.Name, job.DisplayName, now, enabled));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Claims one due job, runs it and records the outcome; false when no job was due (or all were taken).</summary>
    public async Task<bool> RunDueJobAsync(CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }

        await RunAsync(claim, cancellationToken);
        return true;
    }

    private async Task<Claim?> ClaimAsync(CancellationToken cancellationToken)
    {
        var names = Jobs.Keys.ToArray();
        if (names.Length == 0)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;

        if (db.Database.IsNpgsql())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await db.Set<JobState>().FromSqlInterpolated($"""
                SELECT * FROM platform_jobs
                WHERE name = ANY({names}) AND is_enabled AND next_run_at <= {now}
                  AND (locked_until IS NULL OR locked_until <= {now})
                ORDER BY next_run_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return null;
            }

            rows[0].Start(node.Id, now, until);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Claim(rows[0].Name, rows[0].ConsecutiveFailures);
        }

        var due = db.Set<JobState>().Where(j => names.Contains(j.Name) && j.IsEnabled && j.NextRunAt <= now
            && (j.LockedUntil == null || j.LockedUntil <= now));
        var candidates = await due.AsNoTracking().OrderBy(j => j.NextRunAt)
            .Select(j => new Claim(j.Name, j.ConsecutiveFailures)).Take(5).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            // Another node may have claimed (or even finished) it since we looked: the conditions are checked again.
            var claimed = await due.Where(j => j.Name == candidate.Name && j.ConsecutiveFailures == candidate.ConsecutiveFailures)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobRunState.Running)
                    .SetProperty(j => j.LastStartedAt, now)
                    .SetProperty(j => j.LockedBy, node.Id)
                    .SetProperty(j => j.LockedUntil, until), cancellationToken);
            if (claimed == 1)
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task RunAsync(Claim claim, CancellationToken stoppingToken)
    {
        var info = Jobs[claim.Name];
        var lease = options.Value.LeaseDuration;
        var lastRenewal = time.GetUtcNow();
        var leaseLost = false;
        using var busy = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keepAlive = WorkerLoop.KeepAliveAsync(time, options.Value.PollInterval, async () =>
        {
            heartbeats.Alive(WorkerHeartbeats.RecurringJobs);
            if (time.GetUtcNow() - lastRenewal < lease / 3)
            {
                return;
            }

            try
            {
                var until = time.GetUtcNow().UtcDateTime + lease;
                var renewed = await UpdateOwnedAsync(claim.Name, q => q.ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, until)));
                lastRenewal = time.GetUtcNow();
                if (renewed == 0 && !leaseLost)
                {
                    leaseLost = true;
                    logger.LogError("Recurring job '{Job}' lost its lease while running; another node may start it.", claim.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not renew the lease of recurring job '{Job}'.", claim.Name);
            }
        }, busy.Token);

        Exception? error = null;
        var cancelled = false;
        var started = time.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().First(j => j.Name == claim.Name);
            await job.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            await busy.CancelAsync();
            await keepAlive;
        }

        var now = time.GetUtcNow().UtcDateTime;
        int recorded;
        if (cancelled)
        {
            logger.LogInformation("Recurring job '{Job}' was interrupted by shutdown; it runs again on the next free node.", claim.Name);
            recorded = await UpdateOwnedAsync(claim.Name, q => q.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, claim.ConsecutiveFailures > 0 ? JobRunState.Failed : JobRunState.Idle)
                .SetProperty(j => j.NextRunAt, now)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null)));
        }
        else if (error is null)
        {
            logger.LogInformation("Recurring job '{Job}' succeeded in {Elapsed}.", claim.Name, time.GetElapsedTime(started));
            recorded = await UpdateOwnedAsync(claim.Name, q => q.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobRunState.Idle)
                .SetProperty(j => j.LastFinishedAt, now)
                .SetProperty(j => j.LastSucceededAt, now)
                .SetProperty(j => j.ConsecutiveFailures, 0)
                .SetProperty(j => j.NextRunAt, now + info.Interval)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null)));
        }
        else
        {
            var failures = claim.ConsecutiveFailures + 1;
            var o = options.Value;
            var delay = BackOff.Delay(failures, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble());
            var retryAt = now + (delay < info.Interval ? delay : info.Interval);
            var text = WorkerLoop.Describe(error);
            logger.LogError(error, "Recurring job '{Job}' failed ({Failures} time(s) in a row); next attempt at {Next:O}.",
                claim.Name, failures, retryAt);
            recorded = await UpdateOwnedAsync(claim.Name, q => q.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobRunState.Failed)
                .SetProperty(j => j.LastFinishedAt, now)
                .SetProperty(j => j.LastError, text)
                .SetProperty(j => j.ConsecutiveFailures, failures)
                .SetProperty(j => j.NextRunAt, retryAt)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null)));
        }

        if (recorded == 0)
        {
            logger.LogError("Recurring job '{Job}' finished, but this node no longer held its lease; the outcome was not recorded.", claim.Name);
        }
    }

    /// <summary>Updates the job's row only while this node holds it; runs to completion even during shutdown.</summary>
    private async Task<int> UpdateOwnedAsync(string name, Func<IQueryable<JobState>, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        return await update(db.Set<JobState>().Where(j => j.Name == name && j.LockedBy == node.Id));
    }
}

/// <summary>The recurring-job worker of this node: registers the jobs, then runs whatever is due, polling in between.</summary>
public sealed class RecurringJobRunner(
    RecurringJobProcessor processor,
    RecurringJobSignal signal,
    WorkerHeartbeats heartbeats,
    IOptions<JobsOptions> options,
    ILogger<RecurringJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        heartbeats.Alive(WorkerHeartbeats.RecurringJobs);
        Exception? fatal = null;
        try
        {
            // A mis-registered job is a programming error: stop the worker (readiness then says why) instead of looping on it.
            processor.Validate();
            var registered = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                var ran = false;
                try
                {
                    if (!registered)
                    {
                        await processor.RegisterJobsAsync(stoppingToken);
                        registered = true;
                    }

                    ran = await processor.RunDueJobAsync(stoppingToken);
                }
                catch (DbUpdateException ex) when (!registered && !stoppingToken.IsCancellationRequested)
                {
                    // Typically another node inserted the same new job rows at the same moment: read them again next time.
                    logger.LogWarning(ex, "Could not register the recurring jobs yet; trying again.");
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "The recurring job runner could not claim or record a job; it tries again in {Interval}.",
                        options.Value.PollInterval);
                }

                heartbeats.Alive(WorkerHeartbeats.RecurringJobs);
                if (!ran)
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
            logger.LogCritical(ex, "The recurring job runner stopped.");
        }
        finally
        {
            heartbeats.Stopped(WorkerHeartbeats.RecurringJobs, fatal);
        }
    }
}
