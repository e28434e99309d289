using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// Leaders on a phone (390 × 844 CSS pixels): the inbox is a list of cards whose subject reads across the screen, the
/// filters are folded away behind "Bộ lọc", the notification bell and its count stay in sight with the menu closed,
/// and a document is forwarded with the searchable recipient picker — all without sideways scrolling.
/// </summary>
public sealed class PhoneUseTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Infrastructure = DemoAgency.Units.Infrastructure;
    private const string Planning = DemoAgency.Units.PlanningFinance;

    [BrowserFact]
    public async Task On_a_phone_the_chief_reads_her_inbox_as_cards_sees_the_bell_and_both_leaders_forward_with_the_picker()
    {
        var subject = "V/v khẩn trương khắc phục sự cố sạt lở taluy dương Quốc lộ 12B đoạn qua xã Kỳ Phú " + Guid.NewGuid().ToString("N")[..6];
        var (clerk, clerkErrors) = await app.SignedInAsync("dtmai");
        var documentUrl = await clerk.RegisterAndPresentAsync(app, subject, urgency: "Hỏa tốc");
        IncomingPages.NoConsoleErrors("dtmai", clerkErrors);

        // The chief's first screen: the menu is closed, the bell and its count show; the filters are folded away.
        var (chief, chiefErrors) = await app.SignedInAsync("lttha", IncomingPages.PhoneWidth, IncomingPages.PhoneHeight);
        await chief.GotoAsync(app.BaseUrl + "/van-ban-den");
        await Assertions.Expect(chief.Locator("#main-nav")).ToBeHiddenAsync();
        await Assertions.Expect(chief.Locator("#notification-bell")).ToBeVisibleAsync();
        await Assertions.Expect(chief.Locator("#notification-count")).ToBeVisibleAsync();
        await Assertions.Expect(chief.Locator("#incoming-filters")).ToBeHiddenAsync();
        await Assertions.Expect(chief.Locator("#incoming-filters-toggle")).ToBeVisibleAsync();

        // The document is a card: its subject spans the card and reads in a few lines, not a word a line.
        var card = chief.Locator("#incoming-list tbody tr", new() { HasTextString = subject });
        await Assertions.Expect(card).ToBeVisibleAsync();
        var cell = await card.Locator("td.incoming-cell-subject").BoundingBoxAsync();
        Assert.True(cell!.Width >= 300, $"The subject is {cell.Width} px wide on a {IncomingPages.PhoneWidth} px screen.");
        var lines = await card.Locator("a.incoming-subject").EvaluateAsync<int>("a => a.getClientRects().length");
        Assert.InRange(lines, 1, 3);
        await Assertions.Expect(card.GetByRole(AriaRole.Cell, new() { Name = "Người gửi: Đinh Thị Mai" })).ToBeVisibleAsync();
        await chief.NoHorizontalScrollAsync();
        await chief.SaveScreenshotAsync("phone-inbox");

        // "Bộ lọc" unfolds the filters and folds them again.
        var filters = chief.Locator("#incoming-filters");
        await chief.Locator("#incoming-filters-toggle").ClickAsync();
        await Assertions.Expect(filters).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcollapse show\b"));
        await Assertions.Expect(chief.GetByLabel("Trích yếu")).ToBeVisibleAsync();
        await chief.NoHorizontalScrollAsync();
        await chief.SaveScreenshotAsync("phone-inbox-filters");
        await chief.Locator("#incoming-filters-toggle").ClickAsync();
        await Assertions.Expect(filters).ToBeHiddenAsync();

        // She opens it from the card and passes it up to the director with the picker, by keyboard: typing his name
        // without marks, Enter goes to the role of the one found. Passing up proposes no deadline.
        await card.Locator("a.incoming-subject").ClickAsync();
        await Assertions.Expect(chief).ToHaveURLAsync(documentUrl);
        await chief.NoHorizontalScrollAsync();
        await chief.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        await chief.NoHorizontalScrollAsync();
        await chief.Locator("#recipient-filter").FillAsync("nguyen van an");
        var directorRole = chief.GetByLabel("Vai trò của Nguyễn Văn An", new() { Exact = true });
        await Assertions.Expect(directorRole).ToBeVisibleAsync();
        await Assertions.Expect(chief.GetByLabel("Vai trò của Trần Thị Bích Hạnh", new() { Exact = true })).ToBeHiddenAsync();
        await chief.Locator("#recipient-filter").PressAsync("Enter");
        await Assertions.Expect(directorRole).ToBeFocusedAsync();
        await directorRole.SelectOptionAsync("direct");
        await Assertions.Expect(chief.GetByLabel("Số ngày làm việc của Nguyễn Văn An")).ToHaveValueAsync("");
        await Assertions.Expect(chief.Locator("#recipient-chosen")).ToContainTextAsync("Nguyễn Văn An — Chuyển xử lý, chỉ đạo");
        await chief.NoHorizontalScrollAsync();
        await chief.SaveScreenshotAsync("phone-forward-picker-chief");
        await chief.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(chief).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(chief.Locator("#processing-tree")).ToContainTextAsync("Nguyễn Văn An");
        IncomingPages.NoConsoleErrors("lttha", chiefErrors);

        // The director, on his phone too, gives the lead and a support: the support is due with the lead.
        var (director, directorErrors) = await app.SignedInAsync("nvan", IncomingPages.PhoneWidth, IncomingPages.PhoneHeight);
        await director.GotoAsync(documentUrl);
        await director.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        await director.GetByLabel("Ý kiến chỉ đạo (bút phê)").FillAsync("Giao Phòng QLKCHTGT chủ trì, khắc phục ngay trong tuần.");
        await director.ChooseAsync("ket cau ha tang", Infrastructure, "lead");
        await director.GetByLabel("Số ngày làm việc của " + Infrastructure).FillAsync("3");
        await director.ChooseAsync("tai chinh", Planning, "support");
        await Assertions.Expect(director.GetByLabel("Số ngày làm việc của " + Planning)).ToHaveValueAsync("3");
        await director.Locator("#recipient-filter").FillAsync("");
        await director.NoHorizontalScrollAsync();
        await director.SaveScreenshotAsync("phone-forward-picker-director");
        await director.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(director.Locator("#processing-tree")).ToContainTextAsync(Infrastructure);
        await Assertions.Expect(director.Locator("#processing-tree")).ToContainTextAsync(Planning);
        await director.NoHorizontalScrollAsync();
        await director.SaveScreenshotAsync("phone-document-forwarded");
        IncomingPages.NoConsoleErrors("nvan", directorErrors);
    }
}
