using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Notifications;

public abstract class NotificationTests(EofficeApp app)
{
    private async Task<Guid> NotifyAsync(Guid userId, string title, string? link = "/thong-bao")
    {
        using var scope = app.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(userId, title, "Nội dung thử nghiệm", link, "tests");
        await scope.ServiceProvider.GetRequiredService<EofficeDbContext>().SaveChangesAsync();
        return id;
    }

    [DbFact]
    public async Task A_person_sees_only_their_own_notifications_and_can_mark_them_read()
    {
        var (binhId, binhName) = await app.CreateUserAsync("Trần Thị Bình");
        var binh = await app.SignedInAsAsync(binhName);
        var admin = await app.SignedInClientAsync();
        var adminId = await admin.MyIdAsync();
        var first = await NotifyAsync(binhId, "Văn bản đến số 12/UBND cần xử lý");
        var second = await NotifyAsync(binhId, "Hạn xử lý hồ sơ còn 1 ngày làm việc");
        var adminsOwn = await NotifyAsync(adminId, "Thông báo riêng của quản trị " + Guid.NewGuid());

        var list = await binh.GetFromJsonAsync<PageDto>("/api/v1/notifications");
        Assert.Equal([second, first], list!.Items.Select(i => i.Id));
        Assert.Equal(2, list.UnreadCount);
        Assert.Equal("Văn bản đến số 12/UBND cần xử lý", list.Items[1].Title);
        Assert.Equal(2, (await binh.GetFromJsonAsync<CountDto>("/api/v1/notifications/unread-count"))!.Count);
        var adminsList = await admin.GetFromJsonAsync<PageDto>("/api/v1/notifications?page=1");
        Assert.DoesNotContain(adminsList!.Items, i => i.Id == first || i.Id == second);
        Assert.Contains(adminsList.Items, i => i.Id == adminsOwn);

        var foreign = await admin.PostAsync($"/api/v1/notifications/{first}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);

        var read = await binh.PostAsync($"/api/v1/notifications/{first}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<CountDto>())!.Count);
        var unread = await binh.GetFromJsonAsync<PageDto>("/api/v1/notifications?unreadOnly=true");
        Assert.Equal([second], unread!.Items.Select(i => i.Id));

        var page = await binh.GetStringAsync("/thong-bao");
        Assert.Contains("Hạn xử lý hồ sơ còn 1 ngày làm việc", page, StringComparison.Ordinal);
        Assert.Contains("Đánh dấu đã đọc", page, StringComparison.Ordinal);
        Assert.Contains("id=\"notification-count\">1<", page, StringComparison.Ordinal);

        var all = await binh.PostAsync("/api/v1/notifications/read-all", null);
        var marked = await all.Content.ReadFromJsonAsync<MarkAllDto>();
        Assert.Equal(1, marked!.Marked);
        Assert.Equal(0, marked.UnreadCount);
        Assert.Equal(0, (await binh.GetFromJsonAsync<CountDto>("/api/v1/notifications/unread-count"))!.Count);
        var stillUnreadForAdmin = await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.Id == adminsOwn && n.ReadAt == null));
        Assert.True(stillUnreadForAdmin);
    }

    [DbFact]
    public async Task The_notifications_page_marks_one_read_with_its_button()
    {
        var (userId, userName) = await app.CreateUserAsync("Vũ Thị Giang");
        var client = await app.SignedInAsAsync(userName);
        var id = await NotifyAsync(userId, "Lịch họp giao ban tuần đã thay đổi");
        var page = await client.GetStringAsync("/thong-bao");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var response = await client.PostAsync("/thong-bao?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var readAt = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).FirstAsync());
        Assert.NotNull(readAt);
        var after = await client.GetStringAsync("/thong-bao");
        Assert.DoesNotContain("Đánh dấu đã đọc", after, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_notification_in_a_rolled_back_change_is_not_stored()
    {
        var (userId, _) = await app.CreateUserAsync("Lê Văn Cường");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(userId, "Không bao giờ gửi", null, null, null);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var stored = await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == userId));
        Assert.False(stored);
    }

    [DbFact]
    public async Task A_link_must_stay_inside_eoffice()
    {
        var (userId, _) = await app.CreateUserAsync("Phạm Thị Dung");
        using var scope = app.Services.CreateScope();
        var notifier = scope.ServiceProvider.GetRequiredService<INotifier>();

        await Assert.ThrowsAsync<ArgumentException>(() => notifier.NotifyAsync(userId, "Liên kết ngoài", null, "https://example.com/", null));
        await Assert.ThrowsAsync<ArgumentException>(() => notifier.NotifyAsync(userId, "Liên kết ngoài", null, "//example.com/", null));
        await Assert.ThrowsAsync<ArgumentException>(() => notifier.NotifyAsync(userId, "   ", null, null, null));
    }

    private sealed record ItemDto(Guid Id, string Title, string? Body, string? Link, string? Category, DateTime CreatedAt, DateTime? ReadAt);

    private sealed record PageDto(List<ItemDto> Items, int Page, int PageSize, int Total, int UnreadCount);

    private sealed record CountDto(int Count);

    private sealed record MarkAllDto(int Marked, int UnreadCount);
}

public sealed class NotificationTestsOnSqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTestsOnPostgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
