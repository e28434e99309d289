using System.Net;
using System.Text;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;

namespace Eoffice.IntegrationTests.Platform.Web;

/// <summary>
/// Under /api every answer the framework gives without a body (unknown route, wrong method, wrong content type) is an
/// RFC 9457 ProblemDetails, even for a client asking for HTML (pages keep the Vietnamese status page: WebShellTests).
/// </summary>
public abstract class ApiStatusAnswerTests(EofficeApp app)
{
    [DbFact]
    public async Task An_unknown_api_route_answers_404_problem_details_even_to_a_browser()
    {
        var session = await app.SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/khong-co-dia-chi-nay");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await session.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "/api/v1/khong-co-dia-chi-nay");
        await AssertProblemAsync(await app.AnonymousClient().GetAsync("/api/v2/anything"), HttpStatusCode.NotFound, "/api/v2/anything");
    }

    [DbFact]
    public async Task A_wrong_method_on_an_api_route_answers_405_problem_details()
    {
        var session = await app.SignedInClientAsync();

        var response = await session.DeleteAsync("/api/v1/notifications/unread-count");

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "/api/v1/notifications/unread-count");
    }

    [DbFact]
    public async Task A_json_endpoint_sent_another_content_type_answers_415_problem_details()
    {
        var session = await app.SignedInClientAsync();

        var response = await session.PostAsync("/api/v1/me/tokens", new StringContent("name=Tích hợp", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "/api/v1/me/tokens");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string instance)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
        Assert.Equal(instance, json.RootElement.GetProperty("instance").GetString());
        Assert.True(json.RootElement.TryGetProperty("traceId", out _));
    }
}

public sealed class ApiStatusAnswerTestsOnSqlite(SqliteApp app) : ApiStatusAnswerTests(app), IClassFixture<SqliteApp>;

public sealed class ApiStatusAnswerTestsOnPostgres(PostgresApp app) : ApiStatusAnswerTests(app), IClassFixture<PostgresApp>;
