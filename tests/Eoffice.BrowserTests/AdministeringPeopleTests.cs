using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// The administrator creates a unit and a person; that person signs in, is made to change the temporary password,
/// and then sees only the menu their role allows.
/// </summary>
public sealed class AdministeringPeopleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync(app.BaseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }

    [BrowserFact]
    public async Task An_administrator_creates_a_unit_and_a_person_who_changes_the_password_and_sees_only_their_menu()
    {
        var (admin, adminErrors) = await app.NewPageAsync();
        await SignInAsync(admin, "quantri", "Eoffice@2026");
        await Assertions.Expect(admin).ToHaveURLAsync(app.BaseUrl + "/");

        // A new unit.
        await admin.GotoAsync(app.BaseUrl + "/quan-tri/don-vi");
        await admin.Locator("#create-unit-form").GetByLabel("Tên đơn vị").FillAsync("Phòng Thanh tra giao thông");
        await admin.Locator("#create-unit-form").GetByLabel("Mã (ký hiệu)").FillAsync("TTGT");
        await admin.Locator("#create-unit-form").GetByRole(AriaRole.Button, new() { Name = "Thêm đơn vị" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#unit-tree")).ToContainTextAsync("Phòng Thanh tra giao thông");

        // A new person in it, as a specialist.
        await admin.GotoAsync(app.BaseUrl + "/quan-tri/can-bo/them");
        await admin.GetByLabel("Họ và tên").FillAsync("Phạm Minh Tuấn");
        await admin.GetByLabel("Đơn vị", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Phòng Thanh tra giao thông" });
        await admin.GetByLabel("Chức vụ").SelectOptionAsync(new SelectOptionValue { Label = "Chuyên viên" });
        await admin.Locator("#role-specialist").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm cán bộ" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#created-account")).ToBeVisibleAsync();
        var userName = (await admin.Locator("#created-user-name").InnerTextAsync()).Trim();
        var temporaryPassword = (await admin.Locator("#created-password").InnerTextAsync()).Trim();
        Assert.Equal("pmtuan", userName);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "person-created.png"), FullPage = true });
        Assert.True(adminErrors.Count == 0, "Console errors: " + string.Join(" | ", adminErrors));

        // The person signs in and must first change the temporary password.
        var (person, personErrors) = await app.NewPageAsync();
        await SignInAsync(person, userName, temporaryPassword);
        await Assertions.Expect(person).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/doi-mat-khau"));
        await Assertions.Expect(person.Locator("#must-change")).ToBeVisibleAsync();
        await person.GotoAsync(app.BaseUrl + "/danh-ba");
        await Assertions.Expect(person).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/doi-mat-khau"));

        await person.GetByLabel("Mật khẩu hiện tại").FillAsync(temporaryPassword);
        await person.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("ngan");
        await person.GetByLabel("Nhập lại mật khẩu mới").FillAsync("ngan");
        await person.Locator("#change-password-form button[type=submit]").ClickAsync();
        await Assertions.Expect(person.Locator("#new-password-errors")).ToContainTextAsync("ít nhất 8 ký tự");

        await person.GetByLabel("Mật khẩu hiện tại").FillAsync(temporaryPassword);
        await person.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("Tuan@Thanhtra2026");
        await person.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Tuan@Thanhtra2026");
        await person.Locator("#change-password-form button[type=submit]").ClickAsync();

        // Now the home page, with only the menu a specialist may use.
        await person.GotoAsync(app.BaseUrl + "/");
        Assert.Equal(app.BaseUrl + "/", person.Url);
        await Assertions.Expect(person.Locator("#welcome")).ToContainTextAsync("Phạm Minh Tuấn");
        await Assertions.Expect(person.Locator("#admin-menu")).ToHaveCountAsync(0);
        await Assertions.Expect(person.Locator("#main-nav")).ToContainTextAsync("Danh bạ");
        await Assertions.Expect(person.Locator("a[href='/quan-tri/can-bo']")).ToHaveCountAsync(0);
        await Assertions.Expect(person.Locator("a[href='/quan-tri/nhat-ky']")).ToHaveCountAsync(0);
        await person.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "specialist-home.png"), FullPage = true });
        Assert.True(personErrors.Count == 0, "Console errors: " + string.Join(" | ", personErrors));

        // An administration page answers with the access-denied page (status 403).
        await person.GotoAsync(app.BaseUrl + "/quan-tri/can-bo");
        await Assertions.Expect(person).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/khong-co-quyen"));
        await Assertions.Expect(person.Locator("#status-title")).ToContainTextAsync("không có quyền");
    }
}
