using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;

namespace Eoffice.IntegrationTests.Platform;

public abstract partial class WebShellTests(EofficeApp app)
{
    [DbFact]
    public async Task Every_response_carries_the_security_headers()
    {
        var client = app.AnonymousClient();

        foreach (var path in new[] { "/dang-nhap", "/api/v1/me", "/health/live" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [DbFact]
    public async Task The_sign_in_page_is_vietnamese_and_its_form_carries_an_antiforgery_token()
    {
        var html = await app.AnonymousClient().GetStringAsync("/dang-nhap");

        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Tên đăng nhập", html);
        Assert.Contains("Mật khẩu", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
    }

    [DbFact]
    public async Task A_form_post_without_its_antiforgery_token_is_rejected()
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "quantri",
            ["Input.Password"] = "Eoffice@2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [DbFact]
    public async Task Signing_in_through_the_page_sets_an_http_only_cookie_and_opens_the_home_page()
    {
        var client = app.AnonymousClient();
        var form = await client.GetStringAsync("/dang-nhap");
        var token = TokenPattern().Match(form).Groups[1].Value;

        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "quantri",
            ["Input.Password"] = "Eoffice@2026",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("eoffice.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Xin chào, Quản trị hệ thống", home);
        Assert.Contains("Nhật ký hệ thống", home);
    }

    [DbFact]
    public async Task A_wrong_password_on_the_page_shows_a_vietnamese_message_and_keeps_the_user_name()
    {
        var client = app.AnonymousClient();
        var form = await client.GetStringAsync("/dang-nhap");
        var token = TokenPattern().Match(form).Groups[1].Value;

        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "quantri",
            ["Input.Password"] = "sai",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html);
        Assert.Contains("value=\"quantri\"", html);
    }

    [DbFact]
    public async Task An_unknown_page_shows_the_friendly_vietnamese_not_found_page()
    {
        var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/khong-ton-tai");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [DbFact]
    public async Task The_openapi_document_describes_the_v1_api()
    {
        var json = await (await app.SignedInClientAsync()).GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(json);

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/sign-in", out _));
        Assert.True(paths.TryGetProperty("/api/v1/audit/verify", out _));
        Assert.Equal("eOffice API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [DbFact]
    public async Task Outside_development_the_openapi_document_needs_a_sign_in_unless_configured()
    {
        var response = await app.AnonymousClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dang-nhap", response.Headers.Location?.AbsolutePath);
    }

    [DbFact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        var client = app.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [DbFact]
    public async Task The_admin_menu_is_shown_only_to_those_holding_its_permissions()
    {
        var admin = await app.SignedInClientAsync();
        var specialist = await app.SignedInAsAsync((await app.CreateUserAsync("Trần Thị Bình")).UserName);

        var adminHome = await admin.GetStringAsync("/");
        var specialistHome = await specialist.GetStringAsync("/");
        var specialistAudit = await specialist.GetAsync("/quan-tri/nhat-ky");

        Assert.Contains("href=\"/quan-tri/nhat-ky\"", adminHome);
        Assert.DoesNotContain("href=\"/quan-tri/nhat-ky\"", specialistHome);
        Assert.Contains("Xin chào, Trần Thị Bình", specialistHome);
        Assert.Equal(HttpStatusCode.Redirect, specialistAudit.StatusCode);
        Assert.StartsWith("/khong-co-quyen", specialistAudit.Headers.Location?.PathAndQuery);
        var denied = await specialist.GetAsync(specialistAudit.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Bạn không có quyền truy cập chức năng này.", await denied.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class WebShellTestsOnSqlite(SqliteApp app) : WebShellTests(app), IClassFixture<SqliteApp>;

public sealed class WebShellTestsOnPostgres(PostgresApp app) : WebShellTests(app), IClassFixture<PostgresApp>;
