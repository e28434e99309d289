using System.Collections.Concurrent;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Jobs;

/// <summary>What the test handlers and jobs did, per application instance.</summary>
public sealed class TestProbe
{
    public ConcurrentDictionary<Guid, int> Handled { get; } = new();

    /// <summary>Markers whose <see cref="FlakyMessage"/> now succeeds.</summary>
    public ConcurrentDictionary<Guid, bool> Healed { get; } = new();

    public ConcurrentDictionary<Guid, ConcurrentQueue<DateTime>> Attempts { get; } = new();

    private int racingRuns;
    private int racingConcurrent;
    private int racingMaxConcurrent;

    public int RacingRuns => Volatile.Read(ref racingRuns);

    public int RacingMaxConcurrent => Volatile.Read(ref racingMaxConcurrent);

    public void RacingStarted()
    {
        Interlocked.Increment(ref racingRuns);
        var now = Interlocked.Increment(ref racingConcurrent);
        int max;
        while (now > (max = Volatile.Read(ref racingMaxConcurrent)) && Interlocked.CompareExchange(ref racingMaxConcurrent, now, max) != max)
        {
        }
    }

    public void RacingFinished() => Interlocked.Decrement(ref racingConcurrent);
}

public sealed record ProbeMessage(Guid Marker);

public sealed record FlakyMessage(Guid Marker);

public sealed class ProbeHandler(TestProbe probe) : IOutboxHandler<ProbeMessage>
{
    public Task HandleAsync(ProbeMessage message, CancellationToken cancellationToken)
    {
        probe.Handled.AddOrUpdate(message.Marker, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Fails until the test heals its marker.</summary>
public sealed class FlakyHandler(TestProbe probe) : IOutboxHandler<FlakyMessage>
{
    public Task HandleAsync(FlakyMessage message, CancellationToken cancellationToken)
    {
        probe.Attempts.GetOrAdd(message.Marker, _ => new ConcurrentQueue<DateTime>()).Enqueue(DateTime.UtcNow);
        if (!probe.Healed.ContainsKey(message.Marker))
        {
            throw new InvalidOperationException($"Dịch vụ nhận thử nghiệm từ chối {message.Marker}");
        }

        probe.Handled.AddOrUpdate(message.Marker, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}

/// <summary>A job that counts its runs and how many ran at the same time; each run takes a little while.</summary>
public sealed class RacingJob(TestProbe probe) : IRecurringJob
{
    public const string JobName = "tests.racing";

    public string Name => JobName;

    public string DisplayName => "Tác vụ thử tranh chấp";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        probe.RacingStarted();
        try
        {
            await Task.Delay(300, cancellationToken);
        }
        finally
        {
            probe.RacingFinished();
        }
    }
}

public sealed class FailingJob : IRecurringJob
{
    public const string JobName = "tests.failing";
    public const string ErrorText = "Máy chủ thư không phản hồi (thử nghiệm)";

    public string Name => JobName;

    public string DisplayName => "Tác vụ thử luôn lỗi";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(ErrorText);
}

internal static class JobsTestServices
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Jobs:MaxAttempts"] = "3",
        ["Jobs:RetryBaseDelay"] = "00:00:00.100",
        ["Jobs:RetryMaxDelay"] = "00:00:01",
    };

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<TestProbe>();
        services.AddOutboxHandler<ProbeMessage, ProbeHandler>("tests.probe");
        services.AddOutboxHandler<FlakyMessage, FlakyHandler>("tests.flaky");
        services.AddScoped<IRecurringJob, RacingJob>();
        services.AddScoped<IRecurringJob, FailingJob>();
    }
}

/// <summary>eOffice on SQLite with the test handlers and jobs, three attempts per message and short retry delays.</summary>
public sealed class JobsSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => JobsTestServices.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => JobsTestServices.Add(services);
}

/// <inheritdoc cref="JobsSqliteApp"/>
public sealed class JobsPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => JobsTestServices.Settings;

    protected override void ConfigureTestServices(IServiceCollection services) => JobsTestServices.Add(services);
}
