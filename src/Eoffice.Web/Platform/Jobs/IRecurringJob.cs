namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// Work the platform runs on a schedule (file garbage collection, deadline reminders, indexing…). Register with
/// <c>services.AddScoped&lt;IRecurringJob, MyJob&gt;()</c>. The job runner claims each run through the database so that,
/// with several nodes, exactly one runs it; it records state and the last error for administrators, and retries a
/// failed run with back-off. A run must be safe to repeat.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable name, e.g. "files.garbage-collection"; the key of the job's state row.</summary>
    string Name { get; }

    /// <summary>Vietnamese name shown to administrators.</summary>
    string DisplayName { get; }

    /// <summary>Time between the end of one successful run and the start of the next.</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
