using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Security;

namespace Eoffice.IntegrationTests.Platform.Web;

/// <summary>
/// Cross-site request forgery (ADR 0017): a write that the session cookie authenticates needs the antiforgery token,
/// on every state-changing endpoint of the route table, whatever the body; a write with an access token does not.
/// </summary>
public abstract partial class RequestForgeryTests(EofficeApp app)
{
    /// <summary>What a forging page can make a browser send along with the cookie: nothing, a form, plain text, JSON.</summary>
    private static readonly (string Kind, Func<HttpContent?> Body)[] ForgedBodies =
    [
        ("no body", () => null),
        ("form", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" })),
        ("text/plain", () => new StringContent("{}", Encoding.UTF8, "text/plain")),
        ("json", () => new StringContent("{}", Encoding.UTF8, "application/json")),
    ];

    [DbFact]
    public async Task Every_state_changing_endpoint_refuses_a_cookie_session_without_the_antiforgery_token()
    {
        var session = await SessionWithoutTokenAsync("Phạm Thị Giả");
        var routes = RouteTable.StateChanging(app);
        var accepted = new List<string>();

        foreach (var route in routes)
        {
            foreach (var (kind, body) in ForgedBodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url) { Content = body() };
                using var response = await session.SendAsync(request);
                if (!await IsRefusedForLackOfTokenAsync(response, route))
                {
                    accepted.Add($"{route} ({kind}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(accepted.Count == 0, $"Accepted without an antiforgery token ({accepted.Count}):\n" + string.Join('\n', accepted));
        foreach (var known in new[] { "/api/v1/audit/verify", "/api/v1/auth/sign-out", "/hubs/notifications/negotiate" })
        {
            Assert.True(routes.Any(r => r.Url == known), $"{known} is not among the walked routes:\n" + string.Join('\n', routes.Select(r => $"{r} → {r.Url}")));
        }

        Assert.Contains(routes, r => r.IsPage);
        Assert.True(routes.Count(r => !r.IsPage) > 50, $"Only {routes.Count} state-changing routes were found.");
        // Nothing above reached an endpoint: the session is still open.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task A_request_with_an_access_token_is_not_asked_for_the_antiforgery_token()
    {
        var (_, userName) = await app.CreateUserAsync("Lê Văn Kịch Bản");
        var owner = await app.SignedInAsAsync(userName);
        var created = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Tích hợp" });
        using var json = JsonDocument.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("token").GetString());
        var refused = new List<string>();

        foreach (var route in RouteTable.StateChanging(app).Where(r => !r.IsPage))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url);
            using var response = await script.SendAsync(request);
            if (await ProblemTitleAsync(response) is RequestForgeryGuard.MissingTitle or RequestForgeryGuard.InvalidTitle)
            {
                refused.Add(route.ToString());
            }
        }

        Assert.True(refused.Count == 0, "Refused for lack of an antiforgery token:\n" + string.Join('\n', refused));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task A_body_less_write_with_the_token_of_the_page_is_accepted_and_one_without_it_changes_nothing()
    {
        var session = await SessionWithoutTokenAsync("Đỗ Thị Trang");
        var page = await session.GetStringAsync("/thong-bao");
        var token = MetaToken().Match(page);
        Assert.True(token.Success, "The layout carries no antiforgery meta tag.");

        var forged = await session.PostAsync("/api/v1/audit/verify", null);
        var forgedSignOut = await session.PostAsync("/api/v1/auth/sign-out", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications/read-all");
        request.Headers.Add(token.Groups["header"].Value, WebUtility.HtmlDecode(token.Groups["token"].Value));
        var genuine = await session.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RequestForgeryGuard.MissingTitle, await ProblemTitleAsync(forged));
        Assert.Equal(HttpStatusCode.BadRequest, forgedSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task The_token_of_another_persons_session_is_refused()
    {
        var victim = await SessionWithoutTokenAsync("Ngô Văn Nạn");
        var attacker = await app.SignedInAsAsync((await app.CreateUserAsync("Vũ Thị Kẻ")).UserName);
        var attackersToken = attacker.DefaultRequestHeaders.GetValues(RequestForgeryGuard.HeaderName).Single();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications/read-all");
        request.Headers.Add(RequestForgeryGuard.HeaderName, attackersToken);
        var response = await victim.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RequestForgeryGuard.InvalidTitle, await ProblemTitleAsync(response));
    }

    /// <summary>A signed-in browser as a forging page uses it: the cookie goes with every request, the token does not.</summary>
    private async Task<HttpClient> SessionWithoutTokenAsync(string fullName)
    {
        var session = await app.SignedInAsAsync((await app.CreateUserAsync(fullName)).UserName);
        session.DefaultRequestHeaders.Remove(RequestForgeryGuard.HeaderName);
        return session;
    }

    /// <summary>
    /// Refused before any endpoint ran: under /api a 400 ProblemDetails saying the token is missing; a page or the hub
    /// answers 400 (the status page).
    /// </summary>
    private static async Task<bool> IsRefusedForLackOfTokenAsync(HttpResponseMessage response, RouteTable.Route route) =>
        response.StatusCode == HttpStatusCode.BadRequest
        && (!route.Url.StartsWith("/api/", StringComparison.Ordinal) || await ProblemTitleAsync(response) == RequestForgeryGuard.MissingTitle);

    private static async Task<string?> ProblemTitleAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
    }

    [GeneratedRegex("<meta name=\"eoffice-antiforgery\" content=\"(?<token>[^\"]+)\" data-header=\"(?<header>[^\"]+)\"")]
    private static partial Regex MetaToken();
}

public sealed class RequestForgeryTestsOnSqlite(SqliteApp app) : RequestForgeryTests(app), IClassFixture<SqliteApp>;

public sealed class RequestForgeryTestsOnPostgres(PostgresApp app) : RequestForgeryTests(app), IClassFixture<PostgresApp>;
