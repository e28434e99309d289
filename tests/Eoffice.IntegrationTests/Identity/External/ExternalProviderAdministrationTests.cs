using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.External;
using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.External;

/// <summary>Administrators configure central sign-on sources; secrets are stored protected and never shown again.</summary>
public abstract class ExternalProviderAdministrationTests(EofficeApp app)
{
    [DbFact]
    public async Task A_provider_secret_is_stored_protected_and_never_returned()
    {
        var id = await app.CreateProviderAsync(new
        {
            kind = "Oidc",
            displayName = "SSO tỉnh",
            isEnabled = false,
            authority = "https://sso.tinh.gov.vn/realms/congvu",
            clientId = "eoffice",
            secret = "Khoa-bi-mat@2026",
        });
        var admin = await app.SignedInClientAsync();

        var json = await admin.GetStringAsync($"/api/v1/identity/external-providers/{id}");

        Assert.DoesNotContain("Khoa-bi-mat@2026", json);
        Assert.True(JsonDocument.Parse(json).RootElement.GetProperty("hasSecret").GetBoolean());
        var stored = await app.WithDbAsync(db => db.Set<ExternalSignInProvider>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.NotNull(stored.ProtectedSecret);
        Assert.DoesNotContain("Khoa-bi-mat@2026", stored.ProtectedSecret);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "identity.external-provider.create" && e.ObjectId == id.ToString())));

        // Saving again without a secret keeps it.
        var update = await admin.PutAsJsonAsync($"/api/v1/identity/external-providers/{id}", new
        {
            kind = "Oidc",
            displayName = "SSO tỉnh (mới)",
            isEnabled = false,
            authority = "https://sso.tinh.gov.vn/realms/congvu",
            clientId = "eoffice",
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(stored.ProtectedSecret, await app.WithDbAsync(db => db.Set<ExternalSignInProvider>().Where(p => p.Id == id).Select(p => p.ProtectedSecret).SingleAsync()));
    }

    [DbFact]
    public async Task Invalid_settings_are_refused_with_a_vietnamese_problem_naming_the_field()
    {
        var admin = await app.SignedInClientAsync();

        var noPlaceholder = await admin.PostAsJsonAsync("/api/v1/identity/external-providers", new
        {
            kind = "Ldap", displayName = "Thư công vụ", isEnabled = true, host = "ldap.tinh.gov.vn",
            searchBase = "ou=people,dc=tinh,dc=gov,dc=vn", searchFilter = "(uid=nvan)",
        });
        var plainHttp = await admin.PostAsJsonAsync("/api/v1/identity/external-providers", new
        {
            kind = "Oidc", displayName = "SSO", isEnabled = true, authority = "http://sso.tinh.gov.vn", clientId = "eoffice",
        });

        Assert.Equal(HttpStatusCode.BadRequest, noPlaceholder.StatusCode);
        Assert.Contains("{0}", (await noPlaceholder.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.StartsWith("Địa chỉ máy chủ xác thực", (await plainHttp.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [DbFact]
    public async Task Only_account_administrators_reach_the_page_and_the_api()
    {
        var (_, clerk) = await app.CreateUserAsync("Văn thư Nguyễn Thị Lụa");
        var ordinary = await app.SignedInAsAsync(clerk);
        var admin = await app.SignedInClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await ordinary.GetAsync("/api/v1/identity/external-providers")).StatusCode);
        var denied = await ordinary.GetAsync("/quan-tri/dang-nhap-tap-trung");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, denied.StatusCode.ToString());
        Assert.NotEqual("/quan-tri/dang-nhap-tap-trung", denied.Headers.Location?.AbsolutePath);
        var page = await admin.GetStringAsync("/quan-tri/dang-nhap-tap-trung");
        Assert.Contains("Đăng nhập tập trung", page);
    }

    [DbFact]
    public async Task An_administrator_adds_a_directory_through_the_page()
    {
        var admin = await app.SignedInClientAsync();
        var form = await admin.GetStringAsync("/quan-tri/dang-nhap-tap-trung?kind=Ldap");

        var response = await admin.PostAsync("/quan-tri/dang-nhap-tap-trung?handler=Save&kind=Ldap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "Ldap",
            ["Input.DisplayName"] = "Thư công vụ Sở Tài chính",
            ["Input.IsEnabled"] = "true",
            ["Input.Host"] = "ldap.stc.gov.vn",
            ["Input.Port"] = "389",
            ["Input.Security"] = "StartTls",
            ["Input.BindDnTemplate"] = "uid={0},ou=people,dc=stc,dc=gov,dc=vn",
            ["__RequestVerificationToken"] = ExternalSignInTestSupport.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Set<ExternalSignInProvider>().AsNoTracking().SingleAsync(p => p.DisplayName == "Thư công vụ Sở Tài chính"));
        Assert.Equal((ExternalProviderKind.Ldap, LdapTransportSecurity.StartTls, true), (saved.Kind, saved.Security, saved.IsEnabled));
        Assert.Contains("Thư công vụ Sở Tài chính", await admin.GetStringAsync("/quan-tri/dang-nhap-tap-trung"));
    }
}

public sealed class ExternalProviderAdministrationTestsOnSqlite(SqliteApp app) : ExternalProviderAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class ExternalProviderAdministrationTestsOnPostgres(PostgresApp app) : ExternalProviderAdministrationTests(app), IClassFixture<PostgresApp>;
