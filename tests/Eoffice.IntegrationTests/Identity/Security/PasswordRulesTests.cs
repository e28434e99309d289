using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.Security;

public abstract partial class PasswordRulesTests(EofficeApp app, ManualClock clock)
{
    [DbFact]
    public async Task A_new_account_must_change_its_password_first_pages_redirect_and_the_api_answers_403_until_it_does()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Nguyễn Thị Mới");
        await app.UpdateUserAsync(id, u => u.SetPasswordHash(u.PasswordHash, null, mustChange: true));
        var client = app.Client();
        (await client.SignInAsync(userName, TestAccounts.Password)).EnsureSuccessStatusCode();

        var home = await client.GetAsync("/");
        var me = await client.GetAsync("/api/v1/me");
        var tokens = await client.GetAsync("/api/v1/me/tokens");
        var form = await client.GetStringAsync("/doi-mat-khau");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/doi-mat-khau", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tokens.StatusCode);
        Assert.Equal("Bạn phải đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.", await tokens.TitleAsync());
        Assert.Contains("id=\"must-change\"", form);

        var change = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestAccounts.Password, newPassword = "Mat-khau@Moi1" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/tokens")).StatusCode);
        var user = await app.UserAsync(id);
        Assert.False(user.MustChangePassword);
        Assert.Contains(await app.AuditOfAsync(id), e => e.Action == "account.password.change" && e.Outcome == AuditOutcome.Success);
    }

    [DbFact]
    public async Task The_password_change_page_lists_every_broken_rule_in_vietnamese_beside_the_field()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (_, userName) = await app.CreateUserAsync("Trần Văn Quy");
        var client = await app.SignedInAsAsync(userName);
        var form = await client.GetStringAsync("/doi-mat-khau");

        var response = await client.PostAsync("/doi-mat-khau", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "abc",
            ["Input.ConfirmPassword"] = "abc",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự.", html);
        Assert.Contains("Mật khẩu phải có chữ in hoa.", html);
        Assert.Contains("Mật khẩu phải có chữ số.", html);
        Assert.Contains("Mật khẩu phải có ký tự đặc biệt (ví dụ @, #, !).", html);

        var wrongCurrent = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Sai@12345", newPassword = "Hop-le@2026" });
        using var problem = JsonDocument.Parse(await wrongCurrent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Equal("Mật khẩu hiện tại không đúng.", problem.RootElement.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
    }

    [DbFact]
    public async Task An_administrator_cannot_reuse_the_last_ten_passwords_and_a_specialist_can()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (_, adminName) = await app.CreateUserAsync("Quản Trị Viên", "administrator");
        var admin = await app.SignedInAsAsync(adminName);
        await admin.EnrolTwoFactorAsync(clock);

        var current = TestAccounts.Password;
        for (var i = 1; i <= 9; i++)
        {
            var next = $"Mat-khau@{i}A";
            (await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = next })).EnsureSuccessStatusCode();
            current = next;
        }

        var reuseOldest = await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = TestAccounts.Password });
        (await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = "Mat-khau@10A" })).EnsureSuccessStatusCode();
        var reuseEleventh = await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Mat-khau@10A", newPassword = TestAccounts.Password });

        using var problem = JsonDocument.Parse(await reuseOldest.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, reuseOldest.StatusCode);
        Assert.Equal("Tài khoản quản trị không được dùng lại 10 mật khẩu gần nhất.",
            problem.RootElement.GetProperty("errors").GetProperty("newPassword")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, reuseEleventh.StatusCode);

        var (_, specialistName) = await app.CreateUserAsync("Chuyên Viên");
        var specialist = await app.SignedInAsAsync(specialistName);
        (await specialist.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestAccounts.Password, newPassword = "Mat-khau@1A" })).EnsureSuccessStatusCode();
        var back = await specialist.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Mat-khau@1A", newPassword = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
    }

    [DbFact]
    public async Task An_administrator_password_older_than_two_months_must_be_changed()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, adminName) = await app.CreateUserAsync("Quản Trị Hạn", "administrator");
        var (secret, _) = await (await app.SignedInAsAsync(adminName)).EnrolTwoFactorAsync(clock);
        await app.UpdateUserAsync(id, u => u.SetPasswordHash(u.PasswordHash, clock.GetUtcNow().UtcDateTime));

        // Signed in now and then, so that the account does not fall inactive (45 days) meanwhile.
        clock.Advance(TimeSpan.FromDays(30));
        (await app.Client().SignInAsync(adminName, TestAccounts.Password, SecurityTestKit.CodeAt(secret, clock))).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromDays(31));
        var client = app.Client();
        (await client.SignInAsync(adminName, TestAccounts.Password, SecurityTestKit.CodeAt(secret, clock))).EnsureSuccessStatusCode();
        var held = await client.GetAsync("/api/v1/me/tokens");
        var change = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestAccounts.Password, newPassword = "Mat-khau@Moi2" });

        Assert.Equal(HttpStatusCode.Forbidden, held.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/tokens")).StatusCode);
        Assert.Contains(await app.AuditOfAsync(id), e => e.Action == "account.password.change" && e.Details == "expired password replaced");
    }

    [DbFact]
    public async Task An_administrator_reset_gives_a_temporary_password_that_must_be_changed_and_ends_every_session()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Vũ Văn Quên");
        var victim = await app.SignedInAsAsync(userName);
        var admin = await app.SignedInClientAsync();

        var reset = await admin.PostAsync($"/api/v1/admin/accounts/{id}/password-reset", null);
        var temporary = (await reset.Content.ReadFromJsonAsync<TemporaryDto>())!.TemporaryPassword;

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Empty(PasswordPolicy.Check(temporary));
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().SignInAsync(userName, TestAccounts.Password)).StatusCode);
        var fresh = app.Client();
        (await fresh.SignInAsync(userName, temporary)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/")).StatusCode);
        var sessions = await app.WithDbAsync(db => db.Set<UserSession>().Where(s => s.UserId == id && s.EndReason == "administrator").CountAsync());
        Assert.Equal(1, sessions);
        Assert.Contains(await app.AuditOfAsync(id), e => e.Action == "account.password.reset");
    }

    private sealed record TemporaryDto(string TemporaryPassword);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class PasswordRulesTestsOnSqlite(ClockedSqliteApp app) : PasswordRulesTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class PasswordRulesTestsOnPostgres(ClockedPostgresApp app) : PasswordRulesTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;
