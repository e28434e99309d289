using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>
/// Issue 9, point 1: a notification about a document has done its job once its recipient opens the document — from the
/// page or through the API — or clicks the notification's own link; nobody else's notifications change, nor the
/// recipient's notifications about other documents.
/// </summary>
public abstract class NotificationsReadOnOpeningTests(EofficeApp app)
{
    private Task<List<(Guid UserId, bool Read)>> NotificationsAboutAsync(Guid documentId) =>
        app.WithDbAsync(async db => (await db.Set<Notification>().Where(n => n.Link == $"/van-ban-den/{documentId}")
            .Select(n => new { n.UserId, n.ReadAt }).ToListAsync()).Select(n => (n.UserId, n.ReadAt != null)).ToList());

    private static async Task<int> UnreadCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<UnreadCount>("/api/v1/notifications/unread-count"))!.Count;

    /// <summary>Two documents presented to the chief of office, who passes the first to the director and, for information, a deputy director.</summary>
    private async Task<(Guid First, Guid Second)> TwoNotifiedDocumentsAsync()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var lttha = await app.DemoUserIdAsync("lttha");
        var first = await app.RegisterDirectAsync("V/v báo cáo tình hình an toàn giao thông quý IV");
        var second = await app.RegisterDirectAsync("V/v kế hoạch kiểm tra tải trọng xe năm 2027");
        await clerk.ActAsync(first, "present", new { userId = lttha });
        await clerk.ActAsync(second, "present", new { userId = lttha });
        var chief = await app.SignedInDemoAsync("lttha");
        await chief.ActAsync(first, "forward", new
        {
            targets = new[]
            {
                HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct"),
                HandlingKit.Person(await app.DemoUserIdAsync("ttbhanh"), "forInformation"),
            },
        });
        await app.OutboxDrainedAsync();
        return (first, second);
    }

    [DbFact]
    public async Task Opening_a_document_through_the_api_marks_the_openers_notifications_about_it_read_and_nobody_elses()
    {
        var (first, _) = await TwoNotifiedDocumentsAsync();
        var (nvan, ttbhanh, lttha) = (await app.DemoUserIdAsync("nvan"), await app.DemoUserIdAsync("ttbhanh"), await app.DemoUserIdAsync("lttha"));
        var director = await app.SignedInDemoAsync("nvan");
        var before = await UnreadCountAsync(director);
        Assert.Contains((nvan, false), await NotificationsAboutAsync(first));

        await director.DetailAsync(first);

        var about = await NotificationsAboutAsync(first);
        Assert.Contains((nvan, true), about);
        Assert.DoesNotContain((nvan, false), about);
        Assert.Contains((ttbhanh, false), about);
        Assert.Contains((lttha, false), about);
        Assert.Equal(before - 1, await UnreadCountAsync(director));
    }

    [DbFact]
    public async Task Opening_a_document_page_marks_only_the_notifications_about_that_document_read_and_the_bell_shows_the_lower_count()
    {
        var (first, second) = await TwoNotifiedDocumentsAsync();
        var lttha = await app.DemoUserIdAsync("lttha");
        var chief = await app.SignedInDemoAsync("lttha");
        var before = await UnreadCountAsync(chief);

        var page = await chief.GetStringAsync($"/van-ban-den/{second}");

        Assert.Contains((lttha, true), await NotificationsAboutAsync(second));
        Assert.Contains((lttha, false), await NotificationsAboutAsync(first));
        Assert.Equal(before - 1, await UnreadCountAsync(chief));
        Assert.Contains($"id=\"notification-count\">{before - 1}<", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_notifications_own_link_marks_it_read_and_leads_to_its_document_and_someone_elses_answers_404()
    {
        var (first, _) = await TwoNotifiedDocumentsAsync();
        var nvan = await app.DemoUserIdAsync("nvan");
        var id = await app.WithDbAsync(db => db.Set<Notification>()
            .Where(n => n.UserId == nvan && n.Link == $"/van-ban-den/{first}").Select(n => n.Id).SingleAsync());
        var director = await app.SignedInDemoAsync("nvan");
        var list = await director.GetStringAsync("/thong-bao");
        Assert.Contains($"href=\"/thong-bao/{id}\"", list, StringComparison.Ordinal);

        var other = await app.SignedInDemoAsync("ttbhanh");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/thong-bao/{id}")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));

        var opened = await director.GetAsync($"/thong-bao/{id}");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/van-ban-den/{first}", opened.Headers.Location?.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
    }

    private sealed record UnreadCount(int Count);
}

public sealed class NotificationsReadOnOpeningTestsOnSqlite(SqliteApp app) : NotificationsReadOnOpeningTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationsReadOnOpeningTestsOnPostgres(PostgresApp app) : NotificationsReadOnOpeningTests(app), IClassFixture<PostgresApp>;
