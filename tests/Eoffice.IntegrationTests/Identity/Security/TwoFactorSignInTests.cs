using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.Security;

public abstract partial class TwoFactorSignInTests(EofficeApp app, ManualClock clock)
{
    [DbFact]
    public async Task The_enrolment_page_shows_a_qr_code_and_the_secret()
    {
        var (_, userName) = await app.CreateUserAsync("Ngô Văn Quét");
        var client = await app.SignedInAsAsync(userName);

        var html = await client.GetStringAsync("/bao-mat/xac-thuc-hai-lop");

        Assert.Contains("src=\"data:image/png;base64,", html);
        Assert.Matches("id=\"secret\">[A-Z2-7]{32}<", html);
    }

    [DbFact]
    public async Task After_enrolment_sign_in_needs_the_code_a_wrong_code_is_refused_and_a_recovery_code_works_once()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Đinh Thị Hai");
        var (secret, recovery) = await (await app.SignedInAsAsync(userName)).EnrolTwoFactorAsync(clock);
        Assert.Equal(10, recovery.Count);
        var user = await app.UserAsync(id);
        Assert.True(user.TwoFactorEnabled);
        Assert.DoesNotContain(secret, user.TwoFactorSecret!);

        var client = app.Client();
        var withoutCode = await client.SignInAsync(userName, TestAccounts.Password);
        var wrongCode = await client.SignInAsync(userName, TestAccounts.Password, "000000");
        var rightCode = await client.SignInAsync(userName, TestAccounts.Password, SecurityTestKit.CodeAt(secret, clock));
        var replayed = await app.Client().SignInAsync(userName, TestAccounts.Password, SecurityTestKit.CodeAt(secret, clock));
        var withRecovery = await app.Client().SignInAsync(userName, TestAccounts.Password, recovery[0].ToLowerInvariant());
        var recoveryAgain = await app.Client().SignInAsync(userName, TestAccounts.Password, recovery[0]);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        using (var body = JsonDocument.Parse(await withoutCode.Content.ReadAsStringAsync()))
        {
            Assert.True(body.RootElement.GetProperty("twoFactorRequired").GetBoolean());
        }

        Assert.Equal("Mã xác thực không đúng hoặc đã được dùng.", await wrongCode.TitleAsync());
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, recoveryAgain.StatusCode);
        var audit = await app.AuditOfAsync(id);
        Assert.Contains(audit, e => e.Action == "account.two-factor.enable");
        Assert.Contains(audit, e => e.Action == "auth.sign-in" && e.Details == "wrong two-factor code");
        Assert.Single(audit, e => e.Action == "auth.recovery-code.used");
    }

    [DbFact]
    public async Task The_sign_in_page_asks_for_the_code_in_a_second_step_without_opening_a_session_before()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Mai Văn Bước");
        var (secret, _) = await (await app.SignedInAsAsync(userName)).EnrolTwoFactorAsync(clock);
        var client = app.Client();
        var form = await client.GetStringAsync("/dang-nhap");
        var openBefore = await app.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == id && s.EndedAt == null));

        var step1 = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        var html = await step1.Content.ReadAsStringAsync();
        var openAfterPassword = await app.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == id && s.EndedAt == null));

        Assert.Equal(HttpStatusCode.OK, step1.StatusCode);
        Assert.Contains("id=\"two-factor-form\"", html);
        Assert.DoesNotContain(step1.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("eoffice.session=", StringComparison.Ordinal));
        Assert.Equal(openBefore, openAfterPassword);

        var step2 = await client.PostAsync("/dang-nhap?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["pendingToken"] = PendingToken().Match(html).Groups[1].Value,
            ["code"] = SecurityTestKit.CodeAt(secret, clock),
            ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task An_administrator_without_two_factor_is_sent_to_enrol_and_the_demo_administrator_is_not()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, adminName) = await app.CreateUserAsync("Quản Trị Mới", "administrator");
        var admin = await app.SignedInAsAsync(adminName);

        var home = await admin.GetAsync("/");
        var api = await admin.GetAsync("/api/v1/audit/verify");
        var disable = await admin.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { password = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/bao-mat/xac-thuc-hai-lop", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("Tài khoản quản trị phải bật xác thực hai lớp trước khi tiếp tục sử dụng hệ thống.", await api.TitleAsync());
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);

        await admin.EnrolTwoFactorAsync(clock);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { password = TestAccounts.Password })).StatusCode);
        Assert.True((await app.UserAsync(id)).TwoFactorEnabled);

        var demo = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("/")).StatusCode);
    }

    [DbFact]
    public async Task A_specialist_turns_two_factor_off_with_the_password_and_an_administrator_can_reset_it()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Lý Văn Tắt");
        var client = await app.SignedInAsAsync(userName);
        await client.EnrolTwoFactorAsync(clock);

        var wrong = await client.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { password = "Sai@12345" });
        var right = await client.PostAsJsonAsync("/api/v1/me/two-factor/disable", new { password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.False((await app.UserAsync(id)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await client.EnrolTwoFactorAsync(clock);
        var admin = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/accounts/{id}/two-factor/reset", null)).StatusCode);
        Assert.False((await app.UserAsync(id)).TwoFactorEnabled);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RecoveryCode>().CountAsync(r => r.UserId == id)));
        var audit = await app.AuditOfAsync(id);
        Assert.Contains(audit, e => e.Action == "account.two-factor.disable" && e.Outcome == AuditOutcome.Success);
        Assert.Contains(audit, e => e.Action == "account.two-factor.reset");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"pendingToken\" value=\"([^\"]+)\"")]
    private static partial Regex PendingToken();
}

public sealed class TwoFactorSignInTestsOnSqlite(ClockedSqliteApp app) : TwoFactorSignInTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class TwoFactorSignInTestsOnPostgres(ClockedPostgresApp app) : TwoFactorSignInTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;
