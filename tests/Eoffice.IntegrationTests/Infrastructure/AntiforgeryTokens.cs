using System.Net.Http.Json;
using Eoffice.Web.Platform.Security;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>The antiforgery token a cookie session's writes must carry (ADR 0017), as the site's scripts send it.</summary>
public static class AntiforgeryTokens
{
    /// <summary>
    /// Fetches the token of the client's current session and sends it as the X-CSRF-TOKEN header from now on (replacing
    /// the one of an earlier session). Call it again after signing in anew on the same client.
    /// </summary>
    public static async Task<HttpClient> WithAntiforgeryTokenAsync(this HttpClient client)
    {
        client.DefaultRequestHeaders.Remove(RequestForgeryGuard.HeaderName);
        var token = await client.GetFromJsonAsync<TokenDto>("/api/v1/files/antiforgery-token");
        client.DefaultRequestHeaders.Add(RequestForgeryGuard.HeaderName, token!.Token);
        return client;
    }

    /// <summary>
    /// For a client that sends its cookies by hand (<c>HandleCookies = false</c>): the session's token, and the Cookie
    /// header carrying the session cookie and the antiforgery cookie the token belongs to.
    /// </summary>
    public static async Task<(string Cookie, string Token)> AntiforgeryForCookieAsync(this HttpClient client, string sessionCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/files/antiforgery-token");
        request.Headers.Add("Cookie", sessionCookie);
        using var response = await client.SendAsync(request);
        var token = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenDto>())!.Token;
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Prepend(sessionCookie);
        return (string.Join("; ", cookies), token);
    }

    private sealed record TokenDto(string HeaderName, string Token);
}
