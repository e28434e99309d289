using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// Proof of life of this node's background workers. Each worker beats after every look for work and while it is busy;
/// the readiness check fails when a worker stopped or has not beaten for a while, so that a load balancer stops
/// sending traffic to a node whose side effects would never run.
/// </summary>
public sealed class WorkerHeartbeats
{
    public const string OutboxDispatcher = "outbox-dispatcher";
    public const string RecurringJobs = "recurring-jobs";

    private readonly ConcurrentDictionary<string, Beat> beats = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public WorkerHeartbeats(TimeProvider time)
    {
        this.time = time;
        var now = time.GetUtcNow();
        // Both workers are expected from the moment the host exists; until their first beat they count as starting.
        beats[OutboxDispatcher] = new Beat(WorkerStatus.Starting, now, null);
        beats[RecurringJobs] = new Beat(WorkerStatus.Starting, now, null);
    }

    public void Alive(string worker) => beats[worker] = new Beat(WorkerStatus.Running, time.GetUtcNow(), null);

    public void Stopped(string worker, Exception? error) =>
        beats[worker] = new Beat(WorkerStatus.Stopped, time.GetUtcNow(), error?.Message);

    public IReadOnlyDictionary<string, Beat> Snapshot() => new Dictionary<string, Beat>(beats, StringComparer.Ordinal);

    public sealed record Beat(WorkerStatus Status, DateTimeOffset At, string? Error);
}

public enum WorkerStatus
{
    Starting,
    Running,
    Stopped,
}

/// <summary>
/// Ready only while both background loops are alive: a beat within five poll intervals (at least 30 seconds). A worker
/// that has not beaten yet is given the same time to start, so readiness does not flap while the node boots.
/// </summary>
public sealed class WorkersHealthCheck(WorkerHeartbeats heartbeats, IOptions<JobsOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var limit = StaleAfter(options.Value.PollInterval);
        var problems = new List<string>();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (worker, beat) in heartbeats.Snapshot())
        {
            data[worker] = $"{beat.Status} {beat.At:O}";
            if (beat.Status == WorkerStatus.Stopped)
            {
                problems.Add($"{worker} stopped{(beat.Error is null ? string.Empty : ": " + beat.Error)}");
            }
            else if (now - beat.At > limit)
            {
                problems.Add(beat.Status == WorkerStatus.Starting
                    ? $"{worker} did not start within {limit.TotalSeconds:0} s"
                    : $"{worker} has not beaten for {(now - beat.At).TotalSeconds:0} s");
            }
        }

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("Background workers are running.", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data));
    }

    public static TimeSpan StaleAfter(TimeSpan pollInterval)
    {
        var fivePolls = pollInterval * 5;
        return fivePolls > TimeSpan.FromSeconds(30) ? fivePolls : TimeSpan.FromSeconds(30);
    }
}
