using System.Text.Json;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// What needs the person's attention, in a real browser (issue 9, points 1, 7 and 9): the inbox gains a document the
/// moment another session forwards it, opening it clears its notification from the bell, returned and consultation
/// documents carry their marks, and the home page shows what waits. Documents are registered and moved through the
/// JSON API by the other people's sessions (their own browser contexts), so that only what is under test goes through
/// the pages.
/// </summary>
public sealed class WhatNeedsMeTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Eoffice@2026";

    private async Task<IPage> SignedInAsync(string userName, int width = 1280)
    {
        var (page, _) = await app.NewPageAsync(width);
        await page.GotoAsync(app.BaseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        return page;
    }

    /// <summary>A JSON POST from the page's session, with the antiforgery token a cookie session sends.</summary>
    private async Task<JsonElement> PostAsync(IPage session, string path, object body)
    {
        var token = await session.APIRequest.GetAsync(app.BaseUrl + "/api/v1/files/antiforgery-token");
        using var tokenJson = JsonDocument.Parse(await token.TextAsync());
        var response = await session.APIRequest.PostAsync(app.BaseUrl + path, new()
        {
            DataObject = body,
            Headers = new Dictionary<string, string>
            {
                [tokenJson.RootElement.GetProperty("headerName").GetString()!] = tokenJson.RootElement.GetProperty("token").GetString()!,
            },
        });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"POST {path}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<T> WithDbAsync<T>(Func<EofficeDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<EofficeDbContext>());
    }

    private Task<Guid> UserIdAsync(string userName) => WithDbAsync(db => db.Set<User>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The clerk registers a paper document (as urgent as asked) in the agency's register and presents it to the chief of office.</summary>
    private async Task<Guid> RegisteredAndPresentedAsync(IPage clerk, string subject, string urgency = "normal", bool requestsComments = false)
    {
        var registerId = await WithDbAsync(db => db.Set<Register>().Where(r => r.Name == SeedDemoIncoming.AgencyRegisterName).Select(r => r.Id).SingleAsync());
        var registered = await PostAsync(clerk, "/api/v1/documents/incoming", new
        {
            registerId,
            source = "paper",
            confidentiality = "none",
            confirmWarnings = true,
            document = new
            {
                typeCode = "CV",
                codeNumber = Random.Shared.Next(1000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                codeNotation = "UBND-KT",
                issuedDate = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                issuingOrganName = "Ủy ban nhân dân tỉnh Ninh Bình",
                subject,
                signerPosition = "Chủ tịch",
                signerFullName = "Nguyễn Văn Hòa",
                urgency,
                requestsComments,
            },
        });
        var id = registered.GetProperty("id").GetGuid();
        await PostAsync(clerk, $"/api/v1/documents/incoming/{id}/present", new { userId = await UserIdAsync("lttha") });
        return id;
    }

    private static async Task<int> BellCountAsync(IPage page)
    {
        var badge = page.Locator("#notification-count");
        return await badge.IsHiddenAsync() ? 0 : int.Parse(await badge.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name), FullPage = true });

    [BrowserFact]
    public async Task A_document_forwarded_by_another_session_appears_in_the_open_inbox_and_opening_it_clears_its_notification()
    {
        var subject = "V/v phối hợp kiểm tra tải trọng xe trên quốc lộ 1A " + Guid.NewGuid().ToString("N")[..6];
        var clerk = await SignedInAsync("dtmai");
        var chief = await SignedInAsync("lttha");
        var id = await RegisteredAndPresentedAsync(clerk, subject, "urgent");

        // The director has his inbox open, connected for live notifications.
        var director = await SignedInAsync("nvan");
        await director.GotoAsync(app.BaseUrl + "/van-ban-den");
        await Assertions.Expect(director.Locator("#notification-bell[data-live]")).ToHaveCountAsync(1);
        await Assertions.Expect(director.Locator("#incoming-results")).Not.ToContainTextAsync(subject);
        var before = await BellCountAsync(director);
        await ShotAsync(director, "attention-inbox-before-forward.png");

        // The chief of office, in her own session, passes the document to him.
        await PostAsync(chief, $"/api/v1/documents/incoming/{id}/forward",
            new { targets = new[] { new { userId = await UserIdAsync("nvan"), role = "direct" } } });

        // Without a reload: the row arrives, the tab count and the bell go up.
        await Assertions.Expect(director.Locator($"#incoming-list tr[data-document='{id}']")).ToContainTextAsync(subject);
        await Assertions.Expect(director.Locator("#tab-cho-xu-ly [data-count]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(director.Locator("#notification-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ShotAsync(director, "attention-inbox-after-forward.png");

        // Opening the document marks its notification read: the bell drops back.
        await director.Locator($"#incoming-list tr[data-document='{id}'] a.incoming-subject").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync($"{app.BaseUrl}/van-ban-den/{id}");
        await Assertions.Expect(director.Locator("#notification-count")).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before, await BellCountAsync(director));
        await ShotAsync(director, "attention-document-opened-bell-cleared.png");
    }

    [BrowserFact]
    public async Task The_home_page_shows_each_person_what_waits_for_them_and_its_counts_lead_to_the_inbox()
    {
        var subject = "V/v xin ý kiến dự thảo phương án phân luồng giao thông dịp Tết " + Guid.NewGuid().ToString("N")[..6];
        var clerk = await SignedInAsync("dtmai");
        var chief = await SignedInAsync("lttha");
        var id = await RegisteredAndPresentedAsync(clerk, subject, "urgent", requestsComments: true);
        await PostAsync(chief, $"/api/v1/documents/incoming/{id}/forward",
            new { targets = new[] { new { userId = await UserIdAsync("nvan"), role = "direct" } } });

        // The director's home: his counts, and the urgent document asking for comments, marked, at the top.
        var director = await SignedInAsync("nvan");
        var row = director.Locator($"#home-urgent [data-document='{id}']");
        await Assertions.Expect(row.Locator("a.incoming-subject-comments")).ToHaveTextAsync(subject);
        await Assertions.Expect(row.Locator(".incoming-mark-comments")).ToHaveTextAsync("Xin ý kiến");
        await Assertions.Expect(director.Locator("#home-pending .h3")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(director.Locator("#home-receipt")).ToHaveCountAsync(0);
        await ShotAsync(director, "attention-home-director.png");

        await director.Locator("#home-pending").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(app.BaseUrl + "/van-ban-den?box=cho-xu-ly");
        await Assertions.Expect(director.Locator($"#incoming-list tr[data-document='{id}']")).ToContainTextAsync(subject);

        // The clerk's home has the register's "chờ trình" count and the "chờ tiếp nhận" section.
        await clerk.GotoAsync(app.BaseUrl + "/");
        await Assertions.Expect(clerk.Locator("#home-awaiting")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#home-receipt")).ToBeVisibleAsync();
        await ShotAsync(clerk, "attention-home-clerk.png");
    }
}
