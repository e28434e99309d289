using System.Text;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>Small helpers shared by the outbox dispatcher and the job runner.</summary>
internal static class WorkerLoop
{
    /// <summary>Calls <paramref name="tick"/> every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task KeepAliveAsync(TimeProvider time, TimeSpan interval, Func<Task> tick, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await tick();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The work finished: stop beating.
        }
    }

    /// <summary>The error as administrators see it: type and message of every nested exception, then the stack, at most 4000 characters.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" ---> ");
            }

            text.Append(current.GetType().FullName).Append(": ").Append(current.Message);
        }

        if (exception.StackTrace is { } stack)
        {
            text.Append('\n').Append(stack);
        }

        return text.Length <= 4000 ? text.ToString() : text.ToString(0, 4000);
    }
}
