using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.External;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Infrastructure.TestAuthorizationServer;

namespace Eoffice.IntegrationTests.Identity.External;

/// <summary>
/// Sign-in through an OpenID Connect server (authorization code + PKCE), against a test authorisation server on
/// 127.0.0.1. The browser is played by hand: eOffice's redirect, the server's redirect back, eOffice's callback.
/// </summary>
public abstract class OidcSignInTests(EofficeApp app, TestAuthorizationServer idp) : IDisposable
{
    private readonly HttpClient idpBrowser = new(new HttpClientHandler { AllowAutoRedirect = false });

    public void Dispose()
    {
        idp.Reset();
        idpBrowser.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<Guid> ProviderAsync(string name = "Đăng nhập tập trung tỉnh") =>
        app.CreateProviderAsync(new
        {
            kind = "Oidc",
            displayName = name,
            isEnabled = true,
            authority = idp.Issuer,
            clientId = ClientId,
            secret = ClientSecret,
        });

    /// <summary>Runs the whole flow; returns eOffice's answer to the callback. <paramref name="alterCallback"/> plays an attacker.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, Guid provider, Func<string, string>? alterCallback = null)
    {
        var start = await browser.GetAsync($"/dang-nhap/oidc/{provider}?returnUrl=%2Fthong-bao");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(idp.Issuer + "/authorize?", authorize.AbsoluteUri);

        var approved = await idpBrowser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var callback = approved.Headers.Location!;
        Assert.Equal("/dang-nhap/oidc/callback", callback.AbsolutePath);

        var pathAndQuery = callback.PathAndQuery;
        return await browser.GetAsync(alterCallback is null ? pathAndQuery : alterCallback(pathAndQuery));
    }

    private async Task<Guid> AccountForAsync(string name)
    {
        var email = $"{Guid.NewGuid():N}@congvu.eoffice.test";
        var accountId = await app.CreateAccountAsync(name, email);
        idp.NextPerson = new Person("sub-" + Guid.NewGuid().ToString("N"), email.ToUpperInvariant(), name);
        return accountId;
    }

    private static void AssertRefused(HttpResponseMessage response, ExternalSignInFailure failure = ExternalSignInFailure.ProtocolError)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/dang-nhap?externalError={failure}", response.Headers.Location?.OriginalString);
    }

    private async Task AssertNotSignedInAsync(HttpClient browser, Guid accountId, Guid? provider, string auditDetail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
        Assert.Empty(await app.LinksOfAsync(accountId));
        var failures = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Failure).Select(e => e.Details!).ToListAsync());
        var mine = failures.Where(d => provider is null || d.Contains(provider.Value.ToString(), StringComparison.Ordinal)).ToList();
        Assert.True(mine.Any(d => d.Contains(auditDetail, StringComparison.Ordinal)), $"no audited failure with '{auditDetail}' in: {string.Join(" | ", mine)}");
    }

    [DbFact]
    public async Task The_code_flow_signs_in_the_account_with_the_same_email_links_it_and_returns_to_the_page_asked_for()
    {
        var accountId = await AccountForAsync("Nguyễn Thị Hoa");
        var subject = idp.NextPerson.Subject;
        var provider = await ProviderAsync();
        var browser = app.AnonymousClient();

        var response = await SignInAsync(browser, provider);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/thong-bao", response.Headers.Location?.OriginalString);
        Assert.Equal(accountId, (await browser.GetFromJsonAsync<ExternalSignInTestSupport.Me>("/api/v1/me"))!.Id);
        var link = Assert.Single(await app.LinksOfAsync(accountId));
        Assert.Equal(("oidc", $"{provider:N}:{subject}"), (link.Provider, link.ProviderKey));
        Assert.Equal("oidc", await app.WithDbAsync(db => db.Set<UserSession>().Where(s => s.UserId == accountId).Select(s => s.AuthMethod).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e =>
            e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Success && e.ActorId == accountId && e.Details!.Contains("Đăng nhập tập trung tỉnh"))));

        // Later sign-ins use the link, even when the server no longer sends the e-mail.
        idp.NextPerson = new Person(subject, null, null);
        var again = app.AnonymousClient();
        Assert.Equal("/thong-bao", (await SignInAsync(again, provider)).Headers.Location?.OriginalString);
        Assert.Equal(accountId, (await again.GetFromJsonAsync<ExternalSignInTestSupport.Me>("/api/v1/me"))!.Id);
    }

    [DbFact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var accountId = await AccountForAsync("Trần Văn Hải");
        var provider = await ProviderAsync();
        idp.Tampering = TokenTampering.ForeignSignature;
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider));
        await AssertNotSignedInAsync(browser, accountId, provider, "id_token rejected: IDX10511");
    }

    [DbFact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var accountId = await AccountForAsync("Lý Thị Hằng");
        var provider = await ProviderAsync();
        idp.Tampering = TokenTampering.WrongAudience;
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider));
        await AssertNotSignedInAsync(browser, accountId, provider, "id_token rejected: IDX10214");
    }

    [DbFact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var accountId = await AccountForAsync("Mai Văn Tùng");
        var provider = await ProviderAsync();
        idp.Tampering = TokenTampering.WrongIssuer;
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider));
        await AssertNotSignedInAsync(browser, accountId, provider, "id_token rejected: IDX10205");
    }

    [DbFact]
    public async Task A_token_with_another_nonce_is_refused()
    {
        var accountId = await AccountForAsync("Đặng Thu Trang");
        var provider = await ProviderAsync();
        idp.Tampering = TokenTampering.WrongNonce;
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider));
        await AssertNotSignedInAsync(browser, accountId, provider, "nonce");
    }

    [DbFact]
    public async Task An_expired_token_is_refused()
    {
        var accountId = await AccountForAsync("Bùi Minh Quân");
        var provider = await ProviderAsync();
        idp.Tampering = TokenTampering.Expired;
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider));
        await AssertNotSignedInAsync(browser, accountId, provider, "id_token rejected: IDX10230");
    }

    [DbFact]
    public async Task A_code_bound_to_another_pkce_challenge_is_refused_by_the_token_endpoint()
    {
        var accountId = await AccountForAsync("Ngô Gia Bảo");
        var provider = await ProviderAsync();
        idp.BreakPkce = true;
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider));
        await AssertNotSignedInAsync(browser, accountId, provider, "invalid_grant");
    }

    [DbFact]
    public async Task A_callback_with_another_state_is_refused_without_redeeming_the_code()
    {
        var accountId = await AccountForAsync("Vương Thị Ngọc");
        var provider = await ProviderAsync();
        var browser = app.AnonymousClient();
        var before = idp.TokenRequests;

        var response = await SignInAsync(browser, provider, callback => callback.Replace("state=", "state=gia-mao", StringComparison.Ordinal));

        AssertRefused(response);
        Assert.Equal(before, idp.TokenRequests);
        await AssertNotSignedInAsync(browser, accountId, provider, "state does not match");
    }

    [DbFact]
    public async Task A_callback_replayed_in_another_browser_or_twice_is_refused()
    {
        var accountId = await AccountForAsync("Tạ Quang Vinh");
        var provider = await ProviderAsync();
        var browser = app.AnonymousClient();
        string? captured = null;
        AssertRefused(await SignInAsync(browser, provider, callback =>
        {
            captured = callback;
            return "/dang-nhap/oidc/callback?code=x&state=y";
        }));

        var otherBrowser = app.AnonymousClient();
        AssertRefused(await otherBrowser.GetAsync(captured));
        await AssertNotSignedInAsync(otherBrowser, accountId, null, "without a sign-in in progress");
    }

    [DbFact]
    public async Task A_person_without_an_account_is_sent_back_to_the_sign_in_page_with_the_message()
    {
        idp.NextPerson = new Person("sub-" + Guid.NewGuid().ToString("N"), "chua-co@congvu.eoffice.test", "Người Chưa Có");
        var provider = await ProviderAsync();
        var browser = app.AnonymousClient();

        var response = await SignInAsync(browser, provider);

        AssertRefused(response, ExternalSignInFailure.NotLinked);
        var page = await browser.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(ExternalSignInMessages.NotLinked, page);
        Assert.Contains("Đăng nhập tập trung tỉnh", page);
    }

    [DbFact]
    public async Task An_unverified_email_does_not_link_an_account()
    {
        var email = $"{Guid.NewGuid():N}@congvu.eoffice.test";
        var accountId = await app.CreateAccountAsync("Kiều Thị Yến", email);
        idp.NextPerson = new Person("sub-" + Guid.NewGuid().ToString("N"), email, "Kiều Thị Yến", EmailVerified: false);
        var provider = await ProviderAsync();
        var browser = app.AnonymousClient();

        AssertRefused(await SignInAsync(browser, provider), ExternalSignInFailure.NotLinked);
        await AssertNotSignedInAsync(browser, accountId, provider, "no account with this e-mail");
    }
}

public sealed class OidcSignInTestsOnSqlite(SqliteApp app, TestAuthorizationServer idp)
    : OidcSignInTests(app, idp), IClassFixture<SqliteApp>, IClassFixture<TestAuthorizationServer>;

public sealed class OidcSignInTestsOnPostgres(PostgresApp app, TestAuthorizationServer idp)
    : OidcSignInTests(app, idp), IClassFixture<PostgresApp>, IClassFixture<TestAuthorizationServer>;
