using Eoffice.Web.Platform.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Eoffice.UnitTests.Platform.Jobs;

public sealed class WorkersHealthCheckTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
    private readonly WorkerHeartbeats heartbeats;
    private readonly WorkersHealthCheck check;

    public WorkersHealthCheckTests()
    {
        heartbeats = new WorkerHeartbeats(clock);
        check = new WorkersHealthCheck(heartbeats, Options.Create(new JobsOptions { PollInterval = TimeSpan.FromSeconds(2) }), clock);
    }

    private async Task<HealthStatus> StatusAsync() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

    [Fact]
    public async Task Workers_that_are_starting_count_as_healthy_for_a_grace_period_only()
    {
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());

        clock.Now += TimeSpan.FromSeconds(31);

        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync());
    }

    [Fact]
    public async Task Beating_workers_are_healthy_and_a_silent_one_is_not()
    {
        clock.Now += TimeSpan.FromSeconds(20);
        heartbeats.Alive(WorkerHeartbeats.OutboxDispatcher);
        heartbeats.Alive(WorkerHeartbeats.RecurringJobs);
        clock.Now += TimeSpan.FromSeconds(25);
        heartbeats.Alive(WorkerHeartbeats.RecurringJobs);
        Assert.Equal(HealthStatus.Healthy, await StatusAsync());

        clock.Now += TimeSpan.FromSeconds(6);

        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(WorkerHeartbeats.OutboxDispatcher, result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkerHeartbeats.RecurringJobs, result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_worker_makes_the_node_unready_at_once()
    {
        heartbeats.Alive(WorkerHeartbeats.OutboxDispatcher);
        heartbeats.Stopped(WorkerHeartbeats.RecurringJobs, new InvalidOperationException("Two recurring jobs are registered under the name 'x'."));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("registered under the name 'x'", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_staleness_limit_is_five_polls_but_never_under_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), WorkersHealthCheck.StaleAfter(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(TimeSpan.FromSeconds(50), WorkersHealthCheck.StaleAfter(TimeSpan.FromSeconds(10)));
    }
}
