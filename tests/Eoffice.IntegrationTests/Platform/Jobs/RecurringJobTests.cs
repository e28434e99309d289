using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Jobs;

public abstract class RecurringJobTests(EofficeApp app)
{
    private TestProbe Probe => app.Services.GetRequiredService<TestProbe>();

    /// <summary>The job's state row (null until the runner registered the job, shortly after start-up).</summary>
    private Task<JobState?> JobAsync(string name) =>
        app.WithDbAsync(db => db.Set<JobState>().AsNoTracking().FirstOrDefaultAsync(j => j.Name == name));

    [DbFact]
    public async Task A_due_job_runs_exactly_once_when_several_nodes_race_for_it()
    {
        // The job ran once at start-up; wait for that run to be recorded.
        var first = await Eventually.WaitForAsync(() => JobAsync(RacingJob.JobName),
            j => j?.LastSucceededAt is not null && j.LockedBy is null, "the start-up run of the racing job");
        var runsBefore = Probe.RacingRuns;

        using var stop = new CancellationTokenSource();
        var rivals = Enumerable.Range(1, 4)
            .Select(i => ActivatorUtilities.CreateInstance<RecurringJobProcessor>(app.Services, new WorkerNode($"rival-{i}")))
            .Select(processor => Eventually.RepeatUntilCancelledAsync(processor.RunDueJobAsync, TimeSpan.FromMilliseconds(10), stop.Token))
            .ToList();

        var admin = await app.SignedInClientAsync();
        var response = await admin.PostAsync($"/api/v1/admin/jobs/{RacingJob.JobName}/run", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var second = await Eventually.WaitForAsync(() => JobAsync(RacingJob.JobName),
            j => j!.LastSucceededAt > first!.LastSucceededAt && j.LockedBy is null, "the requested run to finish");
        // Let the rivals keep trying for a while after the run: the job is no longer due, so nobody may start it.
        await Eventually.WaitUntilAsync(async () => (await JobAsync(RacingJob.JobName))!.NextRunAt > DateTime.UtcNow.AddMinutes(30), "the next run to be an hour away");
        await stop.CancelAsync();
        await Task.WhenAll(rivals);

        Assert.Equal(runsBefore + 1, Probe.RacingRuns);
        Assert.Equal(1, Probe.RacingMaxConcurrent);
        Assert.Equal(JobRunState.Idle, second!.State);
        Assert.Equal(0, second.ConsecutiveFailures);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "jobs.run-now" && e.ObjectId == RacingJob.JobName));
        Assert.True(audited);
    }

    [DbFact]
    public async Task A_failing_job_records_its_error_for_administrators_and_is_retried()
    {
        var failed = await Eventually.WaitForAsync(() => JobAsync(FailingJob.JobName),
            j => j is { ConsecutiveFailures: >= 2, State: JobRunState.Failed }, "the failing job to fail twice");

        Assert.Contains(FailingJob.ErrorText, failed!.LastError, StringComparison.Ordinal);
        Assert.Null(failed.LastSucceededAt);
        // Retried with back-off, never later than the job's own interval.
        Assert.True(failed.NextRunAt <= DateTime.UtcNow.AddHours(1));

        var admin = await app.SignedInClientAsync();
        // The job keeps being retried, so the list may catch it running again: read it between two attempts.
        var jobs = await Eventually.WaitForAsync(() => admin.GetFromJsonAsync<List<JobDto>>("/api/v1/admin/jobs"),
            list => list!.Any(j => j.Name == FailingJob.JobName && j.State == "Failed"), "the list to show the job as failed");
        var listed = Assert.Single(jobs!, j => j.Name == FailingJob.JobName);
        Assert.True(listed.ConsecutiveFailures >= 2);
        Assert.Contains(FailingJob.ErrorText, listed.LastError, StringComparison.Ordinal);
        Assert.Contains(jobs!, j => j.Name == "platform.outbox.cleanup");

        var page = await admin.GetStringAsync("/quan-tri/tac-vu-nen");
        Assert.Contains(FailingJob.ErrorText, page, StringComparison.Ordinal);
        Assert.Contains("Tác vụ thử luôn lỗi", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Running_an_unknown_job_answers_404_problem_details()
    {
        var admin = await app.SignedInClientAsync();

        var response = await admin.PostAsync("/api/v1/admin/jobs/khong-ton-tai/run", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [DbFact]
    public async Task Someone_without_the_jobs_permission_gets_403_from_every_administration_endpoint()
    {
        var (_, userName) = await app.CreateUserAsync("Nguyễn Văn Bình");
        var client = await app.SignedInAsAsync(userName);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/admin/jobs/{RacingJob.JobName}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/outbox?state=failed")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/admin/outbox/1/retry", null)).StatusCode);
        var page = await client.GetAsync("/quan-tri/tac-vu-nen");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/khong-co-quyen", page.Headers.Location?.PathAndQuery);
    }

    [DbFact]
    public async Task The_node_is_ready_while_its_workers_beat()
    {
        var response = await app.AnonymousClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private sealed record JobDto(string Name, string DisplayName, string State, bool IsEnabled, DateTime? LastSucceededAt, int ConsecutiveFailures, string? LastError);
}

public sealed class RecurringJobTestsOnSqlite(JobsSqliteApp app) : RecurringJobTests(app), IClassFixture<JobsSqliteApp>;

public sealed class RecurringJobTestsOnPostgres(JobsPostgresApp app) : RecurringJobTests(app), IClassFixture<JobsPostgresApp>, IPostgresSuite;
