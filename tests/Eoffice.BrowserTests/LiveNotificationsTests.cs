using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// The page's own script joins the notification hub as a cookie session must since ADR 0017 (its negotiate POST carries
/// the antiforgery token of the page), and the bell counts a notification that arrives after the page loaded.
/// </summary>
public sealed class LiveNotificationsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_bell_counts_a_notification_that_arrives_after_the_page_loaded()
    {
        var (page, consoleErrors) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("quantri");
        await page.GetByLabel("Mật khẩu").FillAsync("Eoffice@2026");

        // The handshake's answer is the first frame the hub sends: from then on the page is listening.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RunAndWaitForWebSocketAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync(),
            new()
            {
                Predicate = ws =>
                {
                    if (!ws.Url.Contains("/hubs/notifications", StringComparison.Ordinal))
                    {
                        return false;
                    }

                    ws.FrameReceived += (_, _) => listening.TrySetResult();
                    return true;
                },
                Timeout = 30_000,
            });
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await NotifyAsync("quantri", "Văn bản số 12/SGTVT-VP cần xử lý");

        await Assertions.Expect(page.Locator("#notification-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#notification-toasts")).ToContainTextAsync("Văn bản số 12/SGTVT-VP cần xử lý");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "live-notification.png") });
        Assert.True(consoleErrors.Count == 0, "Console errors: " + string.Join(" | ", consoleErrors));
    }

    private async Task NotifyAsync(string userName, string title)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var userId = await db.Set<User>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(userId, title, null, "/thong-bao", "documents");
        await db.SaveChangesAsync();
    }
}
