using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;

namespace Eoffice.IntegrationTests.Identity.Security;

public abstract class SignInLockoutTests(EofficeApp app, ManualClock clock)
{
    [DbFact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_sixth_attempt_with_the_right_password_is_refused()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Nguyễn Văn Khóa");
        var client = app.Client();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.SignInAsync(userName, "Sai@12345");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", await wrong.TitleAsync());
        }

        var fifth = await client.SignInAsync(userName, "Sai@12345");
        var sixth = await client.SignInAsync(userName, TestAccounts.Password);

        Assert.StartsWith("Tài khoản tạm khóa", await fifth.TitleAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        Assert.StartsWith("Tài khoản tạm khóa do nhập sai nhiều lần. Tài khoản tự mở khóa lúc", await sixth.TitleAsync());
        var user = await app.UserAsync(id);
        Assert.True(user.LockedUntil > clock.GetUtcNow().UtcDateTime.AddHours(11));
        var audit = await app.AuditOfAsync(id);
        Assert.Equal(5, audit.Count(e => e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Failure && e.Details == "wrong password"));
        Assert.Single(audit, e => e.Action == "auth.lockout");
        Assert.Contains(audit, e => e.Action == "auth.sign-in" && e.Details == "account locked");
    }

    [DbFact]
    public async Task Wrong_current_passwords_on_the_api_and_the_change_page_count_towards_the_lockout_and_the_fifth_locks_the_account()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Vũ Văn Đoán");
        var session = await app.SignedInAsAsync(userName);

        for (var i = 0; i < 3; i++)
        {
            var wrong = await session.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Sai@12345", newPassword = "Mat-khau-moi@2027" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Equal("Mật khẩu hiện tại không đúng.", await CurrentPasswordErrorAsync(wrong));
        }

        var page = await session.GetStringAsync("/doi-mat-khau");
        var onThePage = await session.PostAsync("/doi-mat-khau", Organization.OrganizationTestKit.Form(page,
            ("Input.CurrentPassword", "Sai@12345"), ("Input.NewPassword", "Mat-khau-moi@2027"), ("Input.ConfirmPassword", "Mat-khau-moi@2027")));
        Assert.Contains("Mật khẩu hiện tại không đúng.", await onThePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4, (await app.UserAsync(id)).FailedSignInCount);

        var fifth = await session.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Sai@12345", newPassword = "Mat-khau-moi@2027" });

        Assert.StartsWith("Tài khoản tạm khóa do nhập sai nhiều lần.", await CurrentPasswordErrorAsync(fifth), StringComparison.Ordinal);
        Assert.True((await app.UserAsync(id)).LockedUntil > clock.GetUtcNow().UtcDateTime.AddHours(11));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
        Assert.StartsWith("Tài khoản tạm khóa", await (await app.Client().SignInAsync(userName, TestAccounts.Password)).TitleAsync(), StringComparison.Ordinal);
        var audit = await app.AuditOfAsync(id);
        Assert.Equal(5, audit.Count(e => e.Action == "account.password.change" && e.Outcome == AuditOutcome.Failure && e.Details == "wrong current password"));
        Assert.Single(audit, e => e.Action == "auth.lockout");
    }

    private static async Task<string?> CurrentPasswordErrorAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").GetProperty("currentPassword")[0].GetString();
    }

    [DbFact]
    public async Task A_locked_account_unlocks_by_itself_when_the_lockout_period_is_over()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Trần Văn Tự");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(userName, "Sai@12345");
        }

        clock.Advance(TimeSpan.FromHours(11));
        var stillLocked = await client.SignInAsync(userName, TestAccounts.Password);
        clock.Advance(TimeSpan.FromHours(1.1));
        var unlocked = await client.SignInAsync(userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Null((await app.UserAsync(id)).LockedUntil);
        Assert.Contains(await app.AuditOfAsync(id), e => e.Action == "auth.unlock" && e.Details!.StartsWith("automatic", StringComparison.Ordinal));
    }

    [DbFact]
    public async Task An_administrator_unlocks_a_locked_account_at_once()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Lê Thị Mở");
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(userName, "Sai@12345");
        }

        var admin = await app.SignedInClientAsync();
        var page = await admin.GetStringAsync($"/quan-tri/tai-khoan/{id}");
        var unlock = await admin.PostAsync($"/api/v1/admin/accounts/{id}/unlock", null);
        var signIn = await client.SignInAsync(userName, TestAccounts.Password);

        Assert.Contains("Tạm khóa đến", page);
        Assert.Contains("id=\"unlock\"", page);
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(await app.AuditOfAsync(id), e => e.Action == "auth.unlock" && e.Details == "unlocked by an administrator");
    }

    [DbFact]
    public async Task A_disabled_account_is_told_so_only_after_the_right_password()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Phạm Văn Nghỉ");
        await app.UpdateUserAsync(id, u => u.Disable("administrator"));
        var client = app.Client();

        var wrong = await client.SignInAsync(userName, "Sai@12345");
        var right = await client.SignInAsync(userName, TestAccounts.Password);

        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", await wrong.TitleAsync());
        Assert.Equal("Tài khoản đã ngừng hoạt động. Vui lòng liên hệ quản trị hệ thống.", await right.TitleAsync());
    }

    [DbFact]
    public async Task The_per_account_page_of_an_unknown_or_foreign_account_answers_404_and_needs_the_right()
    {
        var (id, userName) = await app.CreateUserAsync("Hoàng Văn Lạ");
        await app.UpdateUserAsync(id, u => u.PlaceIn(Guid.CreateVersion7(), null, null));
        var admin = await app.SignedInClientAsync();
        var specialist = await app.SignedInAsAsync((await app.CreateUserAsync("Đỗ Thị Thường")).UserName);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/quan-tri/tai-khoan/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/accounts/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync($"/api/v1/admin/accounts/{id}/unlock", null)).StatusCode);
        Assert.NotNull(userName);
    }
}

public sealed class SignInLockoutTestsOnSqlite(ClockedSqliteApp app) : SignInLockoutTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class SignInLockoutTestsOnPostgres(ClockedPostgresApp app) : SignInLockoutTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;
