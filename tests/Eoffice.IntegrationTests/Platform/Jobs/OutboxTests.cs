using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Jobs;

public abstract class OutboxTests(EofficeApp app)
{
    private TestProbe Probe => app.Services.GetRequiredService<TestProbe>();

    [DbFact]
    public async Task Messages_enqueued_in_a_committed_transaction_are_handled_exactly_once_even_with_several_nodes_claiming()
    {
        var markers = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        using var stop = new CancellationTokenSource();
        // Three more "nodes" compete with the application's own dispatcher for the same rows.
        var rivals = Enumerable.Range(1, 3)
            .Select(i => ActivatorUtilities.CreateInstance<OutboxProcessor>(app.Services, new WorkerNode($"rival-{i}")))
            .Select(processor => Eventually.RepeatUntilCancelledAsync(
                async ct => await processor.ProcessDueAsync(ct) > 0, TimeSpan.FromMilliseconds(20), stop.Token))
            .ToList();

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var marker in markers)
            {
                outbox.Enqueue(new ProbeMessage(marker));
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await Eventually.WaitUntilAsync(() => Task.FromResult(markers.All(Probe.Handled.ContainsKey)), "all 30 messages handled");
        await Eventually.WaitUntilAsync(() => app.WithDbAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.Type == "tests.probe" && m.ProcessedAt == null).AnyAsync().ContinueWith(t => !t.Result, TaskScheduler.Default)),
            "every probe message marked processed");
        await stop.CancelAsync();
        await Task.WhenAll(rivals);

        Assert.All(markers, marker => Assert.Equal(1, Probe.Handled[marker]));
        var rows = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == "tests.probe").ToListAsync());
        Assert.All(rows.Where(r => markers.Any(m => r.Payload.Contains(m.ToString(), StringComparison.Ordinal))), row =>
        {
            Assert.NotNull(row.ProcessedAt);
            Assert.Equal(0, row.Attempts);
            Assert.Null(row.LockedBy);
        });
    }

    [DbFact]
    public async Task A_message_enqueued_in_a_rolled_back_transaction_is_never_stored_nor_handled()
    {
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            outbox.Enqueue(new ProbeMessage(rolledBack));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new ProbeMessage(committed));
            await db.SaveChangesAsync();
        }

        // Messages are handled in order, so once the later one is handled the earlier one would have been too.
        await Eventually.WaitUntilAsync(() => Task.FromResult(Probe.Handled.ContainsKey(committed)), "the committed message handled");
        Assert.False(Probe.Handled.ContainsKey(rolledBack));
        var stored = await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Payload.Contains(rolledBack.ToString())));
        Assert.False(stored);
    }

    [DbFact]
    public async Task A_failing_handler_is_retried_with_back_off_then_given_up_and_an_administrator_can_retry_it()
    {
        var marker = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new FlakyMessage(marker));
            await db.SaveChangesAsync();
        }

        var dead = await Eventually.WaitForAsync(
            () => app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Payload.Contains(marker.ToString()))),
            m => m?.FailedAt is not null, "the flaky message to be given up");

        Assert.Equal(3, dead!.Attempts);
        Assert.Contains(marker.ToString(), dead.LastError, StringComparison.Ordinal);
        Assert.Null(dead.ProcessedAt);
        // Attempts are spaced by the back-off: at least 75 % of 100 ms, then of 200 ms.
        var times = Probe.Attempts[marker].ToArray();
        Assert.Equal(3, times.Length);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(70), $"first retry after {(times[1] - times[0]).TotalMilliseconds} ms");
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(145), $"second retry after {(times[2] - times[1]).TotalMilliseconds} ms");

        var admin = await app.SignedInClientAsync();
        var failed = await admin.GetFromJsonAsync<OutboxOverviewDto>("/api/v1/admin/outbox?state=failed");
        var listed = Assert.Single(failed!.Messages, m => m.Id == dead.Id);
        Assert.Equal("tests.flaky", listed.Type);
        Assert.Equal(3, listed.Attempts);
        Assert.Contains(marker.ToString(), listed.LastError, StringComparison.Ordinal);
        Assert.True(failed.Failed >= 1);
        var page = await admin.GetStringAsync("/quan-tri/tac-vu-nen?state=failed");
        Assert.Contains(marker.ToString(), page, StringComparison.Ordinal);

        Probe.Healed[marker] = true;
        var retry = await admin.PostAsync($"/api/v1/admin/outbox/{dead.Id}/retry", null);

        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        await Eventually.WaitUntilAsync(() => Task.FromResult(Probe.Handled.ContainsKey(marker)), "the retried message handled");
        var done = await Eventually.WaitForAsync(
            () => app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().FirstAsync(m => m.Id == dead.Id)),
            m => m.ProcessedAt is not null, "the retried message marked processed");
        Assert.Null(done.FailedAt);
        Assert.Equal(1, Probe.Handled[marker]);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "jobs.outbox.retry" && e.ObjectId == dead.Id.ToString()));
        Assert.True(audited);

        var again = await admin.PostAsync($"/api/v1/admin/outbox/{dead.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    private sealed record OutboxOverviewDto(int Pending, int Failed, int Processed, string State, List<OutboxMessageDto> Messages);

    private sealed record OutboxMessageDto(long Id, string Type, int Attempts, DateTime? FailedAt, string? LastError);
}

public sealed class OutboxTestsOnSqlite(JobsSqliteApp app) : OutboxTests(app), IClassFixture<JobsSqliteApp>;

public sealed class OutboxTestsOnPostgres(JobsPostgresApp app) : OutboxTests(app), IClassFixture<JobsPostgresApp>, IPostgresSuite;
