using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>Where a recurring job stands, as administrators see it (by name in the JSON API).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunState>))]
public enum JobRunState
{
    /// <summary>Waiting for its next run; the last run (if any) succeeded.</summary>
    Idle = 0,

    /// <summary>A node is running it now.</summary>
    Running = 1,

    /// <summary>The last run failed; it is retried with back-off.</summary>
    Failed = 2,
}

/// <summary>
/// The state of one recurring job, shared by all nodes: when it runs next, who is running it now (a lease), how its
/// runs went. The row is also the lock that makes one run happen on exactly one node.
/// </summary>
public sealed class JobState
{
    private JobState()
    {
        Name = DisplayName = string.Empty;
    }

    internal JobState(string name, string displayName, DateTime nextRunAt, bool isEnabled)
    {
        Name = name;
        DisplayName = displayName;
        NextRunAt = nextRunAt;
        IsEnabled = isEnabled;
        State = JobRunState.Idle;
    }

    /// <summary>The job's stable name (<see cref="IRecurringJob.Name"/>).</summary>
    public string Name { get; private set; }

    /// <summary>Vietnamese name shown to administrators.</summary>
    public string DisplayName { get; private set; }

    public JobRunState State { get; private set; }

    public DateTime? LastStartedAt { get; private set; }

    public DateTime? LastFinishedAt { get; private set; }

    public DateTime? LastSucceededAt { get; private set; }

    /// <summary>The error of the latest failed run (kept after a later success, for investigation).</summary>
    public string? LastError { get; private set; }

    /// <summary>Failed runs since the last success; drives the retry back-off.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>When the job is due next; "run now" sets it to the present.</summary>
    public DateTime NextRunAt { get; private set; }

    /// <summary>The node running the job.</summary>
    public string? LockedBy { get; private set; }

    /// <summary>End of the running node's lease (renewed while the job runs); after it another node may run the job.</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>Switched off jobs are never started (configuration "Jobs:DisabledJobs").</summary>
    public bool IsEnabled { get; private set; }

    public bool IsRunningAt(DateTime now) => LockedUntil is { } until && until > now;

    internal void Describe(string displayName, bool isEnabled)
    {
        DisplayName = displayName;
        IsEnabled = isEnabled;
    }

    internal void Start(string node, DateTime now, DateTime leaseUntil)
    {
        State = JobRunState.Running;
        LastStartedAt = now;
        LockedBy = node;
        LockedUntil = leaseUntil;
    }

    /// <summary>An administrator asks for a run as soon as a node is free (the job must be enabled and not running).</summary>
    public void RunNow(DateTime now)
    {
        if (!IsEnabled)
        {
            throw new InvalidOperationException("A disabled job cannot be run.");
        }

        if (IsRunningAt(now))
        {
            throw new InvalidOperationException("The job is running.");
        }

        NextRunAt = now;
    }
}

internal sealed class JobStateConfiguration : IEntityTypeConfiguration<JobState>
{
    public void Configure(EntityTypeBuilder<JobState> builder)
    {
        builder.ToTable("platform_jobs");
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.DisplayName).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(4000);
        builder.Property(j => j.LockedBy).HasMaxLength(100);
    }
}
