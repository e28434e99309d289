namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// Wakes a worker before its next poll (e.g. right after a commit that enqueued outbox messages, or after an
/// administrator asked to run a job now). Waking is only a hint: polling still finds everything.
/// </summary>
public sealed class WorkerSignal
{
    private TaskCompletionSource signal = NewSource();

    public void Set() => Volatile.Read(ref signal).TrySetResult();

    /// <summary>Waits until <see cref="Set"/> is called or <paramref name="timeout"/> passes, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref signal);
        try
        {
            await current.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The poll interval passed without a wake-up: look for work anyway.
        }

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref signal, NewSource(), current);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Signals for the two platform workers, one each, so that waking one does not wake the other.</summary>
public sealed class OutboxSignal
{
    public WorkerSignal Signal { get; } = new();
}

/// <inheritdoc cref="OutboxSignal"/>
public sealed class RecurringJobSignal
{
    public WorkerSignal Signal { get; } = new();
}
