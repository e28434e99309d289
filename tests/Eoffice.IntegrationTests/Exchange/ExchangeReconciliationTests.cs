using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// Reconciliation per partner and day and re-sending what is outstanding (ADR 0030 §23), deliveries stopped when the
/// document is withdrawn before it arrived (§24), the clerk's alert when a partner has not acknowledged by the next
/// working day (§19) and the recall page's form (§20), between two real instances.
/// </summary>
public abstract class ExchangeReconciliationTests<TInstances>(TInstances two) : IClassFixture<TInstances>
    where TInstances : TwoInstances
{
    [DbFact]
    public async Task Reconciliation_shows_an_unacknowledged_delivery_as_outstanding_and_re_sending_it_twice_queues_it_once_and_never_again_once_acknowledged()
    {
        two.Router.Down[TwoInstances.HostB] = true;
        JsonElement queued;
        Guid id;
        try
        {
            (id, _) = await two.IssueToBAsync("Báo cáo đối soát số liệu");
            queued = await two.DeliveryAsync(id, d => d.GetProperty("attempts").GetInt32() >= 1);
            Assert.Equal("queued", queued.GetProperty("state").GetString());

            // The outbox gave up on it (its attempts ran out): nothing would send it again without "Gửi lại".
            var deliveryId = queued.GetProperty("id").GetGuid();
            await GiveUpAsync(deliveryId);

            var admin = await two.A.SignedInClientAsync();
            var day = await DayOfAsync(admin, deliveryId);
            var row = day.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == deliveryId);
            Assert.True(row.GetProperty("isOutstanding").GetBoolean());
            Assert.Equal(day.GetProperty("sent").GetInt32(),
                day.GetProperty("acknowledged").GetInt32() + day.GetProperty("outstanding").GetInt32() + day.GetProperty("stopped").GetInt32());
            Assert.True(day.GetProperty("outstanding").GetInt32() >= 1);
            var date = day.GetProperty("day").GetString();

            // Re-sent once; asked again while that sending still waits, it queues nothing more.
            var first = await ResendAsync(admin, date);
            Assert.Equal((1, 0), (first.GetProperty("queued").GetInt32(), first.GetProperty("alreadyQueued").GetInt32()));
            var second = await ResendAsync(admin, date);
            Assert.Equal((0, 1), (second.GetProperty("queued").GetInt32(), second.GetProperty("alreadyQueued").GetInt32()));
            Assert.Equal(2, await two.A.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == ResendOutstanding.ResendAction && e.ObjectType == "exchange-partner")));
            Assert.Equal(1, await two.A.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == ResendOutstanding.ResendAction && e.ObjectId == deliveryId.ToString())));
        }
        finally
        {
            two.Router.Down.TryRemove(TwoInstances.HostB, out _);
        }

        // The partner is back: the re-sent package arrives, once.
        var arrived = await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");
        var packageId = arrived.GetProperty("packageDocumentId").GetString();
        Assert.Equal(1, await two.B.WithDbAsync(db => db.Set<ExchangeReceivedPackage>().CountAsync(p => p.DocumentId == packageId)));
        var again = await two.A.SignedInClientAsync();
        var after = await DayOfAsync(again, arrived.GetProperty("id").GetGuid());
        Assert.False(after.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == arrived.GetProperty("id").GetGuid())
            .GetProperty("isOutstanding").GetBoolean());

        // Acknowledged: never re-sent. Two delivery commands in all: the first (given up) and the one re-send.
        var third = await ResendAsync(again, after.GetProperty("day").GetString());
        Assert.Equal(0, third.GetProperty("queued").GetInt32());
        var payload = $"\"{arrived.GetProperty("id").GetGuid()}\"";
        Assert.Equal(2, await two.A.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Type == ExchangeDeliveryDue.TypeName && m.Payload.Contains(payload))));

        // The page under the exchange administration shows the day and the document; its form answers through the same handler.
        var html = await again.GetStringAsync($"{ReconciliationModel()}?co-quan={TwoInstances.CodeB}&tu={after.GetProperty("day").GetString()}&den={after.GetProperty("day").GetString()}");
        Assert.Contains("Đối soát liên thông", html, StringComparison.Ordinal);
        Assert.Contains(packageId!, html, StringComparison.Ordinal);
        var posted = await again.PostAsync($"{ReconciliationModel()}?handler=Resend", OrganizationTestKit.Form(html,
            [("Resend.OrganId", TwoInstances.CodeB), ("Resend.Day", after.GetProperty("day").GetString()!)]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("/quan-tri/lien-thong/doi-soat", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Đối soát liên thông", await again.GetStringAsync(PartnersLink), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Reconciliation_is_for_the_keepers_of_the_exchange_directory_and_another_agencys_partner_is_not_found()
    {
        var clerk = await two.A.SignedInDemoAsync("dtmai");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/exchange/reconciliation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/exchange/reconciliation/resend",
            new { organId = TwoInstances.CodeB, day = "2026-12-01" })).StatusCode);

        var admin = await two.A.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/exchange/reconciliation/resend",
            new { organId = "000.00.00.H99", day = "2026-12-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/exchange/reconciliation/resend", new { organId = TwoInstances.CodeB })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/exchange/reconciliation?from=2026-12-05&to=2026-12-01")).StatusCode);

        // B's administrator: B's directory has no partner B; A's deliveries are not B's.
        var adminB = await two.B.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await adminB.PostAsJsonAsync("/api/v1/exchange/reconciliation/resend",
            new { organId = TwoInstances.CodeB, day = "2026-12-01" })).StatusCode);
        var atB = await adminB.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/reconciliation?partner={TwoInstances.CodeB}");
        Assert.Equal(0, atB.GetProperty("days").GetArrayLength());
    }

    [DbFact]
    public async Task A_document_withdrawn_while_its_delivery_is_still_queued_stops_it_and_nothing_is_delivered_when_the_partner_is_back()
    {
        two.Router.Down[TwoInstances.HostB] = true;
        Guid id;
        string subject;
        try
        {
            (id, subject) = await two.IssueToBAsync("Thông báo tạm dừng thi công");
            await two.DeliveryAsync(id, d => d.GetProperty("attempts").GetInt32() >= 1);
            var withdrawn = await (await two.A.SignedInDemoAsync("dtmai")).PostAsJsonAsync($"/api/v1/documents/outgoing/{id}/withdraw",
                new { reason = "Văn bản ban hành nhầm, không gửi." });
            Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());
            var stopped = await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "stopped");
            Assert.Equal("Đã dừng gửi (văn bản đã thu hồi)", stopped.GetProperty("stateName").GetString());
            Assert.False(stopped.GetProperty("canRecall").GetBoolean());
        }
        finally
        {
            two.Router.Down.TryRemove(TwoInstances.HostB, out _);
        }

        // The partner is back: the pending command finds the delivery stopped; nothing reaches B, no recall is asked.
        await two.A.OutboxDrainedAsync();
        var after = await two.DeliveryAsync(id, _ => true);
        Assert.Equal(("stopped", JsonValueKind.Null), (after.GetProperty("state").GetString(), after.GetProperty("recall").ValueKind));
        Assert.False(await two.B.WithDbAsync(db => db.Set<Eoffice.Web.Modules.Documents.Domain.PendingIncoming>().AnyAsync(p => p.Metadata.Subject == subject)));
        Assert.False(await two.B.WithDbAsync(db => db.Set<ExchangeReceivedPackage>().AnyAsync(p => p.DocumentId == after.GetProperty("packageDocumentId").GetString())));
        Assert.True(await two.A.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == DeliverPackage.StoppedAction && e.ObjectId == after.GetProperty("id").GetString())));
    }

    [DbFact]
    public async Task A_partner_that_has_not_acknowledged_by_the_end_of_the_next_working_day_alerts_the_issuing_clerk_once()
    {
        two.Router.Down[TwoInstances.HostB] = true;
        try
        {
            var (id, _) = await two.IssueToBAsync("Đề nghị cung cấp hồ sơ dự án");
            var queued = await two.DeliveryAsync(id, d => d.GetProperty("attempts").GetInt32() >= 1);
            var deliveryId = queued.GetProperty("id").GetGuid();
            var queuedAt = await two.A.WithDbAsync(db => db.Set<ExchangeDelivery>().Where(d => d.Id == deliveryId).Select(d => d.CreatedAt).SingleAsync());
            var clerk = await two.A.DemoUserIdAsync("dtmai");

            // The same day: not yet. A week later (past the next working day, weekends and holidays included): once, however often it runs.
            Assert.Equal(0, await RunAlertsAsync(new ManualClock(new DateTimeOffset(queuedAt, TimeSpan.Zero).AddHours(1)), id, clerk));
            var later = new ManualClock(new DateTimeOffset(queuedAt, TimeSpan.Zero).AddDays(7));
            Assert.Equal(1, await RunAlertsAsync(later, id, clerk));
            Assert.Equal(1, await RunAlertsAsync(later, id, clerk));
            var alert = await two.A.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.AboutId == id && n.Category == AcknowledgementAlerts.Category));
            Assert.Equal(clerk, alert.UserId);
            Assert.Contains(TwoInstances.NameB, alert.Body, StringComparison.Ordinal);
            Assert.Equal($"/van-ban-di/{id}", alert.Link);
        }
        finally
        {
            two.Router.Down.TryRemove(TwoInstances.HostB, out _);
        }

        // An acknowledged delivery never alerts.
        var (arrivedId, _) = await two.IssueToBAsync("Thông báo lịch tiếp công dân");
        var arrived = await two.DeliveryAsync(arrivedId, d => d.GetProperty("state").GetString() == "arrived");
        var arrivedAt = await two.A.WithDbAsync(db => db.Set<ExchangeDelivery>().Where(d => d.Id == arrived.GetProperty("id").GetGuid()).Select(d => d.CreatedAt).SingleAsync());
        Assert.Equal(0, await RunAlertsAsync(new ManualClock(new DateTimeOffset(arrivedAt, TimeSpan.Zero).AddDays(7)), arrivedId, await two.A.DemoUserIdAsync("dtmai")));
    }

    [DbFact]
    public async Task The_recall_pages_form_keeps_a_missing_reason_beside_the_field_and_a_valid_one_asks_the_partner_and_returns_to_the_document()
    {
        var (id, subject) = await two.IssueToBAsync("Kế hoạch sửa chữa cầu");
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");
        var clerk = await two.A.SignedInDemoAsync("dtmai");
        var url = $"/van-ban-di/{id}/thu-hoi-lien-thong";
        var page = await clerk.GetStringAsync(url);
        Assert.Contains("recall-form", page, StringComparison.Ordinal);

        // As a browser posts it: the form's own antiforgery token, no header; without the token it is refused, nothing asked.
        clerk.DefaultRequestHeaders.Remove(Eoffice.Web.Platform.Security.RequestForgeryGuard.HeaderName);
        var forged = await clerk.PostAsync(url, new FormUrlEncodedContent([KeyValuePair.Create("Input.Reason", "Sai số liệu.")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var empty = await clerk.PostAsync(url, OrganizationTestKit.Form(page, [("Input.OrganId", TwoInstances.CodeB), ("Input.Reason", "  ")]));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var redisplayed = await empty.Content.ReadAsStringAsync();
        Assert.Matches("(?s)name=\"Input.Reason\".*?field-validation-error\">Vui lòng nhập lý do thu hồi", redisplayed);
        Assert.Contains(TwoInstances.NameB, redisplayed, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await two.DeliveryAsync(id, _ => true)).GetProperty("recall").ValueKind);

        var asked = await clerk.PostAsync(url, OrganizationTestKit.Form(page, [("Input.OrganId", TwoInstances.CodeB), ("Input.Reason", "Văn bản có sai sót về số liệu.")]));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/van-ban-di/{id}", asked.Headers.Location!.OriginalString);
        await two.PendingAtBAsync(subject, p => p.Recall == Eoffice.Web.Modules.Documents.Domain.PendingRecall.Requested);
        Assert.Contains("Đã yêu cầu thu hồi", await clerk.GetStringAsync($"/van-ban-di/{id}"), StringComparison.Ordinal);
    }

    private const string PartnersLink = "/quan-tri/lien-thong";

    private static string ReconciliationModel() => "/quan-tri/lien-thong/doi-soat";

    /// <summary>
    /// Marks the delivery's outbox command failed for good, as after its last attempt — between two attempts (not held by
    /// the dispatcher, which would write its own outcome over it).
    /// </summary>
    private async Task GiveUpAsync(Guid deliveryId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await two.A.WithDbAsync(db => db.Set<OutboxMessage>()
                   .Where(m => m.Type == ExchangeDeliveryDue.TypeName && m.Payload.Contains(deliveryId.ToString()) && m.FailedAt == null && m.LockedBy == null)
                   .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, DateTime.UtcNow))) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The delivery's command stayed held by the dispatcher for 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>The reconciliation day (partner B) that holds the delivery.</summary>
    private static async Task<JsonElement> DayOfAsync(HttpClient admin, Guid deliveryId)
    {
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var result = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/v1/exchange/reconciliation?partner={TwoInstances.CodeB}&from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        return result.GetProperty("days").EnumerateArray()
            .Single(d => d.GetProperty("organId").GetString() == TwoInstances.CodeB && d.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == deliveryId));
    }

    private static async Task<JsonElement> ResendAsync(HttpClient admin, string? day)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/exchange/reconciliation/resend", new { organId = TwoInstances.CodeB, day });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Runs the alert job at <paramref name="clock"/>'s time; the clerk's alerts about the document so far.</summary>
    private async Task<int> RunAlertsAsync(ManualClock clock, Guid outgoingId, Guid clerk)
    {
        using (var scope = two.A.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            await new AcknowledgementAlerts(services.GetRequiredService<EofficeDbContext>(), services.GetRequiredService<INotifier>(),
                services.GetRequiredService<WorkingDayCalendar>(), clock).RunAsync(CancellationToken.None);
        }

        return await two.A.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == clerk && n.AboutId == outgoingId && n.Category == AcknowledgementAlerts.Category));
    }
}

public sealed class ExchangeReconciliationTestsOnSqlite(SqliteToSqlite two) : ExchangeReconciliationTests<SqliteToSqlite>(two);

public sealed class ExchangeReconciliationTestsFromPostgres(PostgresToSqlite two) : ExchangeReconciliationTests<PostgresToSqlite>(two), IPostgresSuite;

public sealed class ExchangeReconciliationTestsToPostgres(SqliteToPostgres two) : ExchangeReconciliationTests<SqliteToPostgres>(two), IPostgresSuite;
