using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// A node's worker for rows of a <see cref="LeasedWorkQueue{TRow, TState}"/>: <see cref="Loops"/> loops, each processing
/// due items one after another while <see cref="IsEnabled"/>, then waiting for the poll interval or its signal. A
/// worker of its own, not a recurring job or an outbox handler, because an item takes seconds to minutes and must hold
/// up neither the notifications nor the other jobs (ADR 0023). Keeps its heartbeat while an item runs.
/// </summary>
public abstract class LeasedWorkWorker(WorkerHeartbeats heartbeats, IOptions<JobsOptions> options, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract string Heartbeat { get; }

    protected abstract WorkerSignal Signal { get; }

    /// <summary>How many items this node works on at once (one loop each).</summary>
    protected virtual int Loops => 1;

    /// <summary>False while the tool the work needs is missing: requests then wait.</summary>
    protected virtual bool IsEnabled => true;

    /// <summary>Processes at most one due item; false when none was due.</summary>
    protected abstract Task<bool> ProcessNextAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        heartbeats.Alive(Heartbeat);
        Exception? fatal = null;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Loops)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            fatal = ex;
            logger.LogCritical(ex, "The {Worker} worker stopped.", Heartbeat);
        }
        finally
        {
            heartbeats.Stopped(Heartbeat, fatal);
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                if (IsEnabled)
                {
                    using var busy = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var beating = WorkerLoop.KeepAliveAsync(time, options.Value.PollInterval, () =>
                    {
                        heartbeats.Alive(Heartbeat);
                        return Task.CompletedTask;
                    }, busy.Token);
                    try
                    {
                        worked = await ProcessNextAsync(stoppingToken);
                    }
                    finally
                    {
                        await busy.CancelAsync();
                        await beating;
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The {Worker} worker could not claim or record an item; it tries again in {Interval}.", Heartbeat,
                    options.Value.PollInterval);
            }

            heartbeats.Alive(Heartbeat);
            if (!worked)
            {
                await Signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }
}
