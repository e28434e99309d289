using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.Security;

public abstract class AccessTokenTests(EofficeApp app)
{
    [DbFact]
    public async Task A_token_is_created_used_by_a_script_and_refused_once_revoked()
    {
        var (id, userName) = await app.CreateUserAsync("Nguyễn Văn Kịch");
        var owner = await app.SignedInAsAsync(userName);

        var create = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Đồng bộ danh bạ" });
        var created = (await create.Content.ReadFromJsonAsync<CreatedDto>())!;
        var script = Script(created.Token);
        var me = await script.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.StartsWith("eot_", created.Token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(id, (await me.Content.ReadFromJsonAsync<MeDto>())!.Id);
        Assert.False(me.Headers.Contains("Set-Cookie"));
        var stored = await app.WithDbAsync(db => db.Set<PersonalAccessToken>().AsNoTracking().SingleAsync(t => t.Id == created.Id));
        Assert.NotEqual(created.Token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.NotNull(stored.LastUsedAt);
        var listed = await owner.GetFromJsonAsync<List<TokenDto>>("/api/v1/me/tokens");
        Assert.Equal(created.Token[..12], Assert.Single(listed!).Prefix);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/me/tokens/{created.Id}")).StatusCode);
        var revoked = await script.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.", await revoked.TitleAsync());
        var audit = await app.AuditOfAsync(id);
        Assert.Contains(audit, e => e.Action == "account.token.create" && e.ObjectId == created.Id.ToString());
        Assert.Contains(await app.WithDbAsync(db => db.Set<Eoffice.Web.Platform.Audit.AuditEntry>().AsNoTracking()
            .Where(e => e.ObjectId == created.Id.ToString()).Select(e => e.Action).ToListAsync()), a => a == "account.token.revoke");
    }

    [DbFact]
    public async Task A_token_cannot_manage_credentials_open_pages_or_outlive_its_owner_account()
    {
        var (id, userName) = await app.CreateUserAsync("Trần Văn Giới");
        var owner = await app.SignedInAsAsync(userName);
        var token = (await (await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Báo cáo" })).Content.ReadFromJsonAsync<CreatedDto>())!.Token;
        var script = Script(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Thêm" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestAccounts.Password, newPassword = "Mat-khau@X1" })).StatusCode);
        var page = await script.GetAsync("/");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Script("eot_" + new string('A', 43)).GetAsync("/api/v1/me")).StatusCode);

        await app.UpdateUserAsync(id, u => u.Disable("administrator"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task Administrators_list_the_tokens_of_their_agency_and_may_revoke_them()
    {
        var (_, userName) = await app.CreateUserAsync("Lê Thị Danh");
        var owner = await app.SignedInAsAsync(userName);
        var created = (await (await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Tích hợp", expiresAt = DateTime.UtcNow.AddDays(30) })).Content.ReadFromJsonAsync<CreatedDto>())!;
        var admin = await app.SignedInClientAsync();
        var specialist = await app.SignedInAsAsync((await app.CreateUserAsync("Võ Văn Thường")).UserName);

        var all = await admin.GetFromJsonAsync<List<TokenDto>>("/api/v1/admin/tokens");
        var accountPage = await admin.GetStringAsync($"/quan-tri/tai-khoan/{await owner.MyIdAsync()}");

        Assert.Contains(all!, t => t.Id == created.Id && t.UserName == userName);
        Assert.Contains("Tích hợp", accountPage);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync("/api/v1/admin/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/tokens/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Script(created.Token).GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task The_token_page_shows_a_new_token_once()
    {
        var (_, userName) = await app.CreateUserAsync("Đặng Văn Trang");
        var owner = await app.SignedInAsAsync(userName);
        var form = await owner.GetStringAsync("/bao-mat/ma-truy-cap");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var created = await owner.PostAsync("/bao-mat/ma-truy-cap?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Kịch bản sao lưu",
            ["__RequestVerificationToken"] = token,
        }));
        var html = await created.Content.ReadAsStringAsync();
        var again = await owner.GetStringAsync("/bao-mat/ma-truy-cap");

        Assert.Matches("id=\"token-value\">eot_[A-Za-z0-9_-]{43}<", html);
        Assert.Contains("Kịch bản sao lưu", again);
        Assert.DoesNotContain("id=\"token-value\"", again);
    }

    private HttpClient Script(string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record CreatedDto(Guid Id, string Name, string Token, string Prefix, DateTime? ExpiresAt);

    private sealed record TokenDto(Guid Id, Guid UserId, string UserName, string Name, string Prefix);

    private sealed record MeDto(Guid Id);
}

public sealed class AccessTokenTestsOnSqlite(SqliteApp app) : AccessTokenTests(app), IClassFixture<SqliteApp>;

public sealed class AccessTokenTestsOnPostgres(PostgresApp app) : AccessTokenTests(app), IClassFixture<PostgresApp>;
