using System.Net;
using Eoffice.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Eoffice.IntegrationTests.Signing;

/// <summary>
/// The public verification page and API answer anyone without an account, so they are rate-limited per client: beyond
/// the configured permits in a minute they answer 429 (a problem in Vietnamese for the API, the status page for the
/// page), and pages that need an account are not counted.
/// </summary>
public abstract class PublicVerificationRateLimitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task Beyond_the_permits_of_a_minute_the_public_api_and_page_answer_too_many_requests()
    {
        using var anyone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = await app.SignedInClientAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/me")).StatusCode); // not counted
        }

        for (var i = 0; i < PublicLimitedSettings.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/v1/public/verification/AAAAA{i}AAAA")).StatusCode);
        }

        var refused = await anyone.GetAsync("/api/v1/public/verification/AAAAAAAAAA");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("thử lại sau", System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var page = await anyone.GetAsync("/xac-thuc/AAAAA-AAAAA");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("quá nhiều yêu cầu", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

internal static class PublicLimitedSettings
{
    public const int Permits = 4;

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PublicRateLimit:PermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed class PublicLimitedSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => PublicLimitedSettings.Settings;
}

public sealed class PublicLimitedPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => PublicLimitedSettings.Settings;
}

public sealed class PublicVerificationRateLimitTestsOnSqlite(PublicLimitedSqliteApp app) : PublicVerificationRateLimitTests<PublicLimitedSqliteApp>(app);

public sealed class PublicVerificationRateLimitTestsOnPostgres(PublicLimitedPostgresApp app) : PublicVerificationRateLimitTests<PublicLimitedPostgresApp>(app), IPostgresSuite;
