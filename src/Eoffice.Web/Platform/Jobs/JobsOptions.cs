namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// Section "Jobs": how often the background workers look for work, how long a claim (lease) holds, and how failed
/// work is retried. The same values must be used on every node of a cluster.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Time between two looks at the outbox and the job table when nothing woke the worker earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed attempts after which an outbox message is given up (dead) until an administrator retries it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Outbox messages claimed at once by one node.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a node holds claimed work before another node may take it over (a crashed node's work comes back after this).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before the first retry; each further failure doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay between two retries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long processed outbox messages are kept (for investigation) before the clean-up job deletes them.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Names of recurring jobs switched off on this installation (applied to the job table at start-up).</summary>
    public IList<string> DisabledJobs { get; set; } = [];

    internal IEnumerable<string> Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            yield return "Jobs:PollInterval must be positive.";
        }

        if (MaxAttempts < 1)
        {
            yield return "Jobs:MaxAttempts must be at least 1.";
        }

        if (BatchSize < 1)
        {
            yield return "Jobs:BatchSize must be at least 1.";
        }

        if (LeaseDuration <= PollInterval)
        {
            yield return "Jobs:LeaseDuration must be longer than Jobs:PollInterval.";
        }

        if (RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            yield return "Jobs:RetryBaseDelay must be positive and not longer than Jobs:RetryMaxDelay.";
        }
    }
}
