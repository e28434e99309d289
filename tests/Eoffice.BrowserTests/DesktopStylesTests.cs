using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// On a desktop screen the site's own styles apply, as the browser computes them: the drop zone is a dashed box, the
/// preview has its frame, urgent documents carry a red bar in the list and on their page, the list's filters are open,
/// and the processing tree is a tree of boxes, not a bullet list. (A block of site.css once left open made all of them
/// phone-only.)
/// </summary>
public sealed class DesktopStylesTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Red = "rgb(220, 53, 69)";

    [BrowserFact]
    public async Task On_a_desktop_the_drop_zone_preview_urgent_rows_and_processing_tree_have_their_styles()
    {
        var subject = "V/v bảo đảm giao thông dịp Tết Nguyên đán " + Guid.NewGuid().ToString("N")[..6];
        var (clerk, errors) = await app.SignedInAsync("dtmai", width: 1280);

        await clerk.FillRegistrationAsync(app, subject, urgency: "Thượng khẩn");
        Assert.Equal("dashed", await clerk.StyleAsync("#drop-zone", "border-top-style"));
        Assert.Equal("2px", await clerk.StyleAsync("#drop-zone", "border-top-width"));
        Assert.Equal("solid", await clerk.StyleAsync("#pdf-preview", "border-top-style"));
        Assert.Equal("1px", await clerk.StyleAsync("#pdf-preview", "border-top-width"));
        await clerk.SaveScreenshotAsync("desktop-register-form");
        var documentUrl = await clerk.SaveRegistrationAsync(subject);

        // The urgent document's page: a red bar beside its header.
        Assert.Equal("4px", await clerk.StyleAsync(".incoming-header", "border-left-width"));
        Assert.Equal(Red, await clerk.StyleAsync(".incoming-header", "border-left-color"));

        // In the register's list, the urgent row's first cell carries the red bar.
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-den?box=so-van-ban");
        var row = $"#incoming-list tr.incoming-urgent:has(a:text-is('{subject}')) > td:first-child";
        await Assertions.Expect(clerk.Locator(row)).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#incoming-filters")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#incoming-filters-toggle")).ToBeHiddenAsync();
        Assert.Equal("4px", await clerk.StyleAsync(row, "border-left-width"));
        Assert.Equal("solid", await clerk.StyleAsync(row, "border-left-style"));
        Assert.Equal(Red, await clerk.StyleAsync(row, "border-left-color"));
        await clerk.SaveScreenshotAsync("desktop-incoming-list");

        // Presented: the processing tree is boxes joined by a line, without bullets.
        await clerk.PresentToChiefAsync(documentUrl);
        Assert.Equal("none", await clerk.StyleAsync("#processing-tree", "list-style-type"));
        Assert.Equal("none", await clerk.StyleAsync("#processing-tree > li", "list-style-type"));
        Assert.Equal("solid", await clerk.StyleAsync("#processing-tree .incoming-node-body", "border-top-style"));
        Assert.Equal("1px", await clerk.StyleAsync("#processing-tree .incoming-node-body", "border-top-width"));
        await clerk.SaveScreenshotAsync("desktop-processing-tree");
        IncomingPages.NoConsoleErrors("dtmai", errors);
    }
}
