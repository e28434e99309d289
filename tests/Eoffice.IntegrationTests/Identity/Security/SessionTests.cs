using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Identity.Security;

public abstract class SessionTests(EofficeApp app, ManualClock clock)
{
    [DbFact]
    public async Task A_session_unused_for_more_than_fifteen_minutes_ends_and_is_recorded_as_idle()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Nguyễn Văn Rảnh");
        var client = await app.SignedInAsAsync(userName);
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(16));
        var api = await client.GetAsync("/api/v1/me");
        var session = await app.WithDbAsync(db => db.Set<UserSession>().SingleAsync(s => s.UserId == id));

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("idle", session.EndReason);
    }

    [DbFact]
    public async Task An_idle_page_request_goes_back_to_the_sign_in_page()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (_, userName) = await app.CreateUserAsync("Trần Thị Nghỉ");
        var client = await app.SignedInAsAsync(userName);

        clock.Advance(TimeSpan.FromMinutes(16));
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dang-nhap", page.Headers.Location!.PathAndQuery);
    }

    [DbFact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_replayed_cookie_is_refused()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Lê Văn Thoát");
        var client = await app.SignedInAsAsync(userName);
        var cookie = await CookieOfAsync(userName);
        var replay = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var (cookies, token) = await replay.AntiforgeryForCookieAsync(cookie);
        replay.DefaultRequestHeaders.Add("Cookie", cookies);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/api/v1/me")).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out");
        signOut.Headers.Add(RequestForgeryGuard.HeaderName, token);
        await replay.SendAsync(signOut);
        var replayed = await replay.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.Set<UserSession>().Where(s => s.UserId == id).Select(s => s.EndReason).ToListAsync()), r => r == "sign-out");
        Assert.Contains(await app.AuditOfAsync(id), e => e.Action == "auth.sign-out");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task A_person_lists_their_sessions_and_ends_another_one_and_an_administrator_ends_all()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (id, userName) = await app.CreateUserAsync("Phạm Thị Phiên");
        var office = await app.SignedInAsAsync(userName);
        var home = await app.SignedInAsAsync(userName);

        var list = await office.GetFromJsonAsync<List<SessionView>>("/api/v1/me/sessions");
        var page = await office.GetStringAsync("/bao-mat/phien-dang-nhap");
        Assert.Equal(2, list!.Count);
        Assert.Contains("Phiên hiện tại", page);
        var other = Assert.Single(list, s => !s.IsCurrent);

        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/v1/me/sessions/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await home.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/v1/me")).StatusCode);

        var admin = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/accounts/{id}/sessions/end-all", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await office.GetAsync("/api/v1/me")).StatusCode);
        var audit = await app.AuditOfAsync(id);
        Assert.Contains(audit, e => e.Action == "session.end");
        Assert.Contains(audit, e => e.Action == "session.end-all");
    }

    private async Task<string> CookieOfAsync(string userName)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password = TestAccounts.Password });
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("eoffice.session=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }
}

public sealed class SessionTestsOnSqlite(ClockedSqliteApp app) : SessionTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class SessionTestsOnPostgres(ClockedPostgresApp app) : SessionTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;

public abstract class InactiveAccountTests(EofficeApp app, ManualClock clock)
{
    [DbFact]
    public async Task Accounts_unused_for_45_days_are_disabled_demo_accounts_are_kept_and_re_enabling_starts_a_fresh_period()
    {
        clock.Set(DateTimeOffset.UtcNow);
        var (idleId, idleName) = await app.CreateUserAsync("Nguyễn Văn Vắng");
        var (activeId, activeName) = await app.CreateUserAsync("Trần Thị Đều");
        var session = await app.SignedInAsAsync(idleName);

        clock.Advance(TimeSpan.FromDays(40));
        await app.SignedInAsAsync(activeName);
        clock.Advance(TimeSpan.FromDays(6));
        await RunJobAsync();

        var idle = await app.UserAsync(idleId);
        Assert.Equal(AccountStatus.Disabled, idle.Status);
        Assert.Equal("inactivity", idle.DisabledReason);
        Assert.Equal(AccountStatus.Active, (await app.UserAsync(activeId)).Status);
        Assert.Equal(AccountStatus.Active, await app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == "quantri").Select(u => u.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == idleId && s.EndedAt == null)));
        Assert.Contains(await app.AuditOfAsync(idleId), e => e.Action == "account.disable" && e.Details!.StartsWith("inactivity", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);

        await app.UpdateUserAsync(idleId, u => u.Enable(clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromDays(44));
        await RunJobAsync();
        Assert.Equal(AccountStatus.Active, (await app.UserAsync(idleId)).Status);
        clock.Advance(TimeSpan.FromDays(2));
        await RunJobAsync();
        Assert.Equal(AccountStatus.Disabled, (await app.UserAsync(idleId)).Status);
    }

    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetServices<Eoffice.Web.Platform.Jobs.IRecurringJob>().Single(j => j.Name == DisableInactiveAccountsJob.JobName);
        await job.RunAsync(CancellationToken.None);
    }
}

public sealed class InactiveAccountTestsOnSqlite(ClockedSqliteApp app) : InactiveAccountTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class InactiveAccountTestsOnPostgres(ClockedPostgresApp app) : InactiveAccountTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;
