using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Platform;

public abstract class SigningInTests(EofficeApp app)
{
    [DbFact]
    public async Task The_demo_administrator_signs_in_and_the_api_knows_who_they_are()
    {
        var client = await app.SignedInClientAsync();

        var me = await client.GetFromJsonAsync<MeDto>("/api/v1/me");

        Assert.Equal("quantri", me!.UserName);
        Assert.Equal("Quản trị hệ thống", me.FullName);
        Assert.Contains("platform.audit.view", me.Permissions);
    }

    [DbFact]
    public async Task A_wrong_password_is_refused_with_problem_details_and_audited_as_a_failure()
    {
        var client = app.AnonymousClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "quantri", password = "sai-mat-khau" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var failures = await app.WithDbAsync(db => db.Set<AuditEntry>()
            .CountAsync(e => e.Action == "auth.sign-in" && e.Outcome == AuditOutcome.Failure && e.ActorName == "quantri"));
        Assert.True(failures >= 1);
    }

    [DbFact]
    public async Task The_api_answers_401_problem_details_to_an_anonymous_caller_and_pages_redirect_to_sign_in()
    {
        var client = app.AnonymousClient();

        var api = await client.GetAsync("/api/v1/me");
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dang-nhap", page.Headers.Location?.PathAndQuery);
    }

    private sealed record MeDto(Guid Id, string UserName, string FullName, List<string> Roles, List<string> Permissions);
}

public sealed class SigningInTestsOnSqlite(SqliteApp app) : SigningInTests(app), IClassFixture<SqliteApp>;

public sealed class SigningInTestsOnPostgres(PostgresApp app) : SigningInTests(app), IClassFixture<PostgresApp>;
