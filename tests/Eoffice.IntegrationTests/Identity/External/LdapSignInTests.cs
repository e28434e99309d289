using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.External;
using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.External;

/// <summary>
/// Sign-in with the official e-mail account against a real OpenLDAP server (regulation 000 Điều 4.1): the directory
/// checks the password, eOffice lets the person in only as their existing account.
/// </summary>
public abstract class LdapSignInTests(EofficeApp app, SlapdServer slapd)
{
    private Task<Guid> SearchThenBindProviderAsync(string name = "Thư công vụ tỉnh", bool enabled = true) =>
        app.CreateProviderAsync(new
        {
            kind = "Ldap",
            displayName = name,
            isEnabled = enabled,
            host = "127.0.0.1",
            port = slapd.Port,
            searchBase = SlapdServer.PeopleBase,
            searchFilter = "(|(uid={0})(mail={0}))",
            serviceDn = SlapdServer.ServiceDn,
            secret = SlapdServer.ServicePassword,
        });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, Guid? provider) =>
        client.PostAsJsonAsync("/api/v1/auth/sign-in/directory", new { userName, password, provider = provider?.ToString() });

    [SlapdFact]
    public async Task The_right_directory_password_signs_in_the_account_with_the_same_official_email_and_links_it()
    {
        var duc = SlapdServer.Person("nvduc");
        var accountId = await app.CreateAccountAsync("Nguyễn Văn Đức", duc.Mail.ToUpperInvariant());
        var provider = await SearchThenBindProviderAsync();
        var client = app.AnonymousClient();

        var response = await SignInAsync(client, duc.Mail, duc.Password, provider);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await client.GetFromJsonAsync<ExternalSignInTestSupport.Me>("/api/v1/me");
        Assert.Equal(accountId, me!.Id);
        var link = Assert.Single(await app.LinksOfAsync(accountId));
        Assert.Equal("ldap", link.Provider);
        Assert.Equal($"{provider:N}:{duc.Dn}", link.ProviderKey);
        var session = await app.WithDbAsync(db => db.Set<UserSession>().AsNoTracking().OrderBy(s => s.CreatedAt).LastAsync(s => s.UserId == accountId));
        Assert.Equal("ldap", session.AuthMethod);
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "auth.sign-in" && e.ActorId == accountId && e.Outcome == AuditOutcome.Success).ToListAsync());
        Assert.Contains(audit, e => e.Details!.Contains("Thư công vụ tỉnh", StringComparison.Ordinal) && e.Details.Contains("linked now by e-mail", StringComparison.Ordinal));

        // The second time the stored link is used, here with the directory user name instead of the e-mail.
        var again = await SignInAsync(app.AnonymousClient(), duc.Uid, duc.Password, provider);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await app.LinksOfAsync(accountId));
    }

    [SlapdFact]
    public async Task A_wrong_directory_password_is_refused_with_401_and_audited()
    {
        var mai = SlapdServer.Person("dtmai");
        var accountId = await app.CreateAccountAsync("Đỗ Thị Mai", mai.Mail);
        var provider = await SearchThenBindProviderAsync();
        var client = app.AnonymousClient();

        var response = await SignInAsync(client, mai.Mail, "sai-mat-khau", provider);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Tài khoản thư công vụ hoặc mật khẩu không đúng.", problem!.Title);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Empty(await app.LinksOfAsync(accountId));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e =>
            e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Failure && e.ActorName == mai.Mail && e.Details!.Contains("wrong password"))));
    }

    [SlapdFact]
    public async Task An_unknown_directory_name_costs_the_directory_the_same_binds_as_a_wrong_password()
    {
        var mai = SlapdServer.Person("dtmai");
        var provider = await SearchThenBindProviderAsync();
        var start = await slapd.BindCountAsync();

        var unknown = await SignInAsync(app.AnonymousClient(), "khongcoai@congvu.eoffice.test", "sai-mat-khau", provider);
        var afterUnknown = await slapd.BindCountAsync();
        var wrong = await SignInAsync(app.AnonymousClient(), mai.Mail, "sai-mat-khau", provider);
        var afterWrong = await slapd.BindCountAsync();

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unknown.StatusCode, wrong.StatusCode));
        Assert.Equal((await wrong.Content.ReadFromJsonAsync<ProblemDetails>())!.Title, (await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal((2, 2), (afterUnknown - start, afterWrong - afterUnknown)); // the service account's, then one for the person
    }

    [SlapdFact]
    public async Task A_directory_person_without_an_account_is_refused_with_a_clear_message()
    {
        var cuong = SlapdServer.Person("lvcuong");
        var provider = await SearchThenBindProviderAsync();

        var response = await SignInAsync(app.AnonymousClient(), cuong.Mail, cuong.Password, provider);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.StartsWith("Tài khoản thư công vụ chưa được gắn với cán bộ nào trong hệ thống", problem!.Title);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e =>
            e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Failure && e.Details!.Contains(cuong.Mail))));
    }

    [SlapdFact]
    public async Task A_disabled_account_is_refused_even_with_the_right_directory_password()
    {
        var binh = SlapdServer.Person("ttbinh");
        var accountId = await app.CreateAccountAsync("Trần Thị Bình", binh.Mail);
        await app.WithDbAsync(async db =>
        {
            (await db.Set<User>().SingleAsync(u => u.Id == accountId)).Disable("administrator");
            await db.SaveChangesAsync();
        });
        var provider = await SearchThenBindProviderAsync();
        var client = app.AnonymousClient();

        var response = await SignInAsync(client, binh.Uid, binh.Password, provider);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ExternalSignInMessages.For(ExternalSignInFailure.AccountUnavailable), (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Empty(await app.LinksOfAsync(accountId));
    }

    [SlapdFact]
    public async Task Filter_injection_in_the_user_name_does_not_sign_anyone_in()
    {
        var khanh = SlapdServer.Person("hqkhanh");
        var accountId = await app.CreateAccountAsync("Hoàng Quốc Khánh", khanh.Mail);
        var provider = await SearchThenBindProviderAsync();

        // Unescaped, "hqkha*" would find Khánh's entry and his password would then bind.
        foreach (var attempt in new[] { "hqkha*", "*)(uid=*", "*", "hqkhanh)(|(uid=*", "*)(mail=hqkhanh@congvu.eoffice.test" })
        {
            var client = app.AnonymousClient();
            var response = await SignInAsync(client, attempt, khanh.Password, provider);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        }

        Assert.Empty(await app.LinksOfAsync(accountId));
    }

    [SlapdFact]
    public async Task A_direct_bind_provider_signs_in_by_user_name_and_refuses_an_empty_password()
    {
        var thao = SlapdServer.Person("phthao");
        var accountId = await app.CreateAccountAsync("Phạm Hồng Thảo", email: null, userName: "phthao");
        var provider = await app.CreateProviderAsync(new
        {
            kind = "Ldap",
            displayName = "Thư công vụ (đăng nhập trực tiếp)",
            isEnabled = true,
            host = "127.0.0.1",
            port = slapd.Port,
            bindDnTemplate = "uid={0}," + SlapdServer.PeopleBase,
        });

        var injected = await SignInAsync(app.AnonymousClient(), "phthao,ou=people", thao.Password, provider);
        var empty = await SignInAsync(app.AnonymousClient(), "phthao", string.Empty, provider);
        var client = app.AnonymousClient();
        var response = await SignInAsync(client, "phthao", thao.Password, provider);

        Assert.Equal(HttpStatusCode.Unauthorized, injected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accountId, (await client.GetFromJsonAsync<ExternalSignInTestSupport.Me>("/api/v1/me"))!.Id);
        Assert.Equal($"{provider:N}:{thao.Dn}", Assert.Single(await app.LinksOfAsync(accountId)).ProviderKey);
    }

    [SlapdFact]
    public async Task The_sign_in_page_offers_an_enabled_directory_and_signs_in_through_its_form()
    {
        var lan = SlapdServer.Person("vtlan");
        var provider = await SearchThenBindProviderAsync("Thư công vụ Sở Nội vụ");
        var accountId = await app.CreateAccountAsync("Vũ Thị Lan", lan.Mail);
        var browser = app.AnonymousClient();

        var page = await browser.GetStringAsync("/dang-nhap");
        Assert.Contains("Thư công vụ Sở Nội vụ", page);
        Assert.Contains(provider.ToString(), page);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Provider"] = provider.ToString(),
            ["Login"] = lan.Uid,
            ["DirectoryPassword"] = lan.Password,
            ["ReturnUrl"] = "/thong-bao",
            ["__RequestVerificationToken"] = ExternalSignInTestSupport.AntiforgeryToken(page),
        });
        var response = await browser.PostAsync("/dang-nhap/thu-cong-vu", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/thong-bao", response.Headers.Location?.OriginalString);
        Assert.Equal(accountId, (await browser.GetFromJsonAsync<ExternalSignInTestSupport.Me>("/api/v1/me"))!.Id);
    }

    [SlapdFact]
    public async Task A_disabled_provider_is_not_offered_and_the_api_refuses_it()
    {
        var mai = SlapdServer.Person("dtmai");
        var provider = await SearchThenBindProviderAsync("Thư công vụ đã tắt");
        var admin = await app.SignedInClientAsync();
        var update = await admin.PutAsJsonAsync($"/api/v1/identity/external-providers/{provider}", new
        {
            kind = "Ldap",
            displayName = "Thư công vụ đã tắt",
            isEnabled = false,
            host = "127.0.0.1",
            port = slapd.Port,
            searchBase = SlapdServer.PeopleBase,
            searchFilter = "(|(uid={0})(mail={0}))",
            serviceDn = SlapdServer.ServiceDn,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var page = await app.AnonymousClient().GetStringAsync("/dang-nhap");
        var response = await SignInAsync(app.AnonymousClient(), mai.Mail, mai.Password, provider);

        Assert.DoesNotContain("Thư công vụ đã tắt", page);
        Assert.DoesNotContain(provider.ToString(), page);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ExternalSignInMessages.For(ExternalSignInFailure.ProviderNotFound), (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }
}

public sealed class LdapSignInTestsOnSqlite(SqliteApp app, SlapdServer slapd)
    : LdapSignInTests(app, slapd), IClassFixture<SqliteApp>, IClassFixture<SlapdServer>;

public sealed class LdapSignInTestsOnPostgres(PostgresApp app, SlapdServer slapd)
    : LdapSignInTests(app, slapd), IClassFixture<PostgresApp>, IClassFixture<SlapdServer>;
