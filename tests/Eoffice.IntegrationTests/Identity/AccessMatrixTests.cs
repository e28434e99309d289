using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Identity.Rights;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Identity;

/// <summary>
/// Every page and endpoint that requires a permission refuses a signed-in person without roles (403 for the API, the
/// "no access" page for pages), and an administrator never reaches objects of another agency (404).
/// </summary>
public abstract partial class AccessMatrixTests(EofficeApp app)
{
    /// <summary>Every routed endpoint whose authorization names a "perm:" policy, with the HTTP methods it answers.</summary>
    private List<(string Method, string Route, bool IsApi)> GuardedEndpoints()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var result = new List<(string, string, bool)>();
        foreach (var endpoint in endpoints)
        {
            var guarded = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(a => a.Policy?.StartsWith(Policies.Prefix, StringComparison.Ordinal) == true);
            if (!guarded)
            {
                continue;
            }

            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var isApi = route.StartsWith("/api/", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET"];
            result.AddRange(methods.Select(m => (m, route, isApi)));
        }

        return result.Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>A concrete URL for a route template: GUIDs for guid parameters, 1 for numbers, the first choice of a regex(^(a|b)$) constraint, a word otherwise.</summary>
    private static string Fill(string route) => ParameterPattern().Replace(route, match =>
    {
        var constraint = match.Groups["constraint"].Value;
        var choices = Regex.Match(constraint, @"regex\(\^\((?<first>[a-z0-9-]+)[|)]");
        return choices.Success ? choices.Groups["first"].Value
            : constraint.Contains("guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString()
            : constraint.Contains("int", StringComparison.OrdinalIgnoreCase) || constraint.Contains("long", StringComparison.OrdinalIgnoreCase) ? "1"
            : "x";
    });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)(?<constraint>(:[^}=?]+)*)(=[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();

    [DbFact]
    public async Task Every_permission_guarded_page_and_endpoint_refuses_a_person_without_roles()
    {
        var guarded = GuardedEndpoints();
        Assert.NotEmpty(guarded);
        Assert.Contains(("GET", "/api/v1/people/{id:guid}/roles", true), guarded);
        Assert.Contains(("POST", "/api/v1/people/{id:guid}/roles", true), guarded);
        Assert.Contains(("DELETE", "/api/v1/people/{id:guid}/roles/{assignmentId:guid}", true), guarded);
        Assert.Contains(("POST", "/api/v1/people/{id:guid}/departure", true), guarded);
        Assert.Contains(("POST", "/api/v1/audit/verify", true), guarded);
        Assert.Contains(guarded, e => e.Route == "/quan-tri/phan-quyen" && !e.IsApi);
        Assert.Contains(guarded, e => e.Route == "/quan-tri/can-bo/{id:guid}/nghi-viec" && !e.IsApi);
        Assert.Contains(guarded, e => e.Route == "/quan-tri/nhat-ky" && !e.IsApi);

        var (_, userName) = await app.CreateUserAsync("Người không có vai trò");
        var client = await app.SignedInAsAsync(userName);
        Assert.Empty((await client.GetFromJsonAsync<Me>("/api/v1/me"))!.Permissions);
        var failures = new List<string>();
        foreach (var (method, route, isApi) in guarded)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route));
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.UnsupportedMediaType)
            {
                // Routing refuses a body type the endpoint does not accept before authorisation runs: send one it accepts.
                response.Dispose();
                using var retry = new HttpRequestMessage(new HttpMethod(method), Fill(route)) { Content = new ByteArrayContent([]) };
                retry.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                response = await client.SendAsync(retry);
            }

            using var _ = response;
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var refused = isApi
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/khong-co-quyen", StringComparison.Ordinal);
            if (!refused)
            {
                failures.Add($"{method} {route} answered {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(failures.Count == 0, $"Of {guarded.Count} guarded endpoints, these let a person without roles through:\n" + string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task An_administrator_gets_404_for_people_delegations_rights_changes_and_handovers_of_another_agency()
    {
        var mine = await app.CreateAgencyAsync("Sở Giáo dục và Đào tạo");
        var theirs = await app.CreateAgencyAsync("Sở Công Thương");
        var (myPersonId, _) = await app.AddPersonAsync(mine.Id, "Người của cơ quan tôi");
        var (theirPersonId, theirPersonName) = await app.AddPersonAsync(theirs.Id, "Người cơ quan khác");
        var (theirColleagueId, _) = await app.AddPersonAsync(theirs.Id, "Đồng nghiệp cơ quan khác");
        var (theirLeaverId, _) = await app.AddPersonAsync(theirs.Id, "Người nghỉ việc cơ quan khác");

        var theirAdmin = await app.SignedInAsAsync(theirs.AdminUserName);
        var assignment = await (await theirAdmin.PostAsJsonAsync($"/api/v1/people/{theirPersonId}/roles", new { roleCode = DefaultRoles.Clerk }))
            .Content.ReadFromJsonAsync<IdDto>();
        var theirChange = Assert.Single((await theirAdmin.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!.Items);
        var theirPerson = await app.SignedInAsAsync(theirPersonName);
        var today = Eoffice.Web.Platform.Time.VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var delegation = await (await theirPerson.PostAsJsonAsync("/api/v1/delegations", new { delegateId = theirColleagueId, rights = new[] { "documents.incoming.handle" }, startsOn = today, endsOn = today }))
            .Content.ReadFromJsonAsync<IdDto>();
        var handover = await (await theirAdmin.PostAsJsonAsync($"/api/v1/people/{theirLeaverId}/departure", new { successorId = theirColleagueId, reason = "transfer" }))
            .Content.ReadFromJsonAsync<IdDto>();

        var admin = await app.SignedInAsAsync(mine.AdminUserName);
        var calls = new (string Method, string Url, object? Body)[]
        {
            ("GET", $"/api/v1/people/{theirPersonId}/roles", null),
            ("POST", $"/api/v1/people/{theirPersonId}/roles", new { roleCode = DefaultRoles.Specialist }),
            ("DELETE", $"/api/v1/people/{theirPersonId}/roles/{assignment!.Id}", null),
            ("POST", $"/api/v1/people/{theirPersonId}/departure", new { successorId = myPersonId, reason = "transfer" }),
            ("GET", $"/api/v1/delegations/{delegation!.Id}", null),
            ("POST", $"/api/v1/delegations/{delegation.Id}/revoke", null),
            ("POST", $"/api/v1/delegations", new { delegatorId = theirPersonId, delegateId = myPersonId, rights = new[] { "documents.incoming.handle" }, startsOn = today, endsOn = today }),
            ("POST", $"/api/v1/rights-changes/{theirChange.Id}/confirm", null),
            ("GET", $"/api/v1/handovers/{handover!.Id}", null),
            ("GET", $"/quan-tri/phan-quyen?personId={theirPersonId}", null),
            ("GET", $"/quan-tri/can-bo/{theirPersonId}/nghi-viec", null),
            ("GET", $"/quan-tri/ban-giao/{handover.Id}", null),
        };
        foreach (var (method, url, body) in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await admin.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} answered {(int)response.StatusCode}");
        }

        Assert.DoesNotContain((await admin.GetFromJsonAsync<Changes>("/api/v1/rights-changes"))!.Items, c => c.Id == theirChange.Id);
        Assert.DoesNotContain("Người cơ quan khác", await admin.GetStringAsync("/quan-tri/phan-quyen"));
        Assert.Equal(HttpStatusCode.OK, (await theirAdmin.GetAsync($"/api/v1/people/{theirPersonId}/roles")).StatusCode);
    }

    private sealed record Me(List<string> Permissions);

    private sealed record IdDto(Guid Id);

    private sealed record Changes(List<IdDto> Items);
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixTestsOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
