using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

public sealed class SigningInTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task SignInAsync(IPage page, string password = "Eoffice@2026")
    {
        await page.GotoAsync(app.BaseUrl + "/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await page.GetByLabel("Tên đăng nhập").FillAsync("quantri");
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    [BrowserFact]
    public async Task The_administrator_opens_the_site_signs_in_and_sees_the_home_page()
    {
        var (page, consoleErrors) = await app.NewPageAsync();

        await SignInAsync(page);

        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        Assert.Equal("Xin chào, Quản trị hệ thống", (await page.Locator("#welcome").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#demo-banner").IsVisibleAsync());
        Assert.Contains("Văn phòng điện tử", await page.TitleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "home-desktop.png"), FullPage = true });
        Assert.True(consoleErrors.Count == 0, "Console errors (CSP?): " + string.Join(" | ", consoleErrors));
    }

    [BrowserFact]
    public async Task A_wrong_password_shows_the_vietnamese_error_beside_the_form()
    {
        var (page, _) = await app.NewPageAsync();

        await SignInAsync(page, password: "khong-dung");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        Assert.Equal("quantri", await page.GetByLabel("Tên đăng nhập").InputValueAsync());
    }

    [BrowserFact]
    public async Task On_a_phone_the_menu_folds_behind_a_button_that_opens_it()
    {
        var (page, _) = await app.NewPageAsync(width: 390, height: 844);
        await SignInAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        var menuLink = page.Locator("#main-nav a.nav-link", new() { HasText = "Trang chủ" });
        Assert.False(await menuLink.IsVisibleAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Mở/đóng trình đơn" }).ClickAsync();

        await Assertions.Expect(menuLink).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#main-nav.collapse.show")).ToHaveCountAsync(1); // animation finished
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "home-phone.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task Signing_out_ends_the_session()
    {
        var (page, _) = await app.NewPageAsync();
        await SignInAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await page.GotoAsync(app.BaseUrl + "/");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        Assert.Contains("/dang-nhap", page.Url);
    }
}
