using System.Net;
using System.Text;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Eoffice.IntegrationTests.Platform.Web;

/// <summary>
/// Bad input answers 400 ProblemDetails, never 500: every query parameter of type date, number or guid in the route
/// table, sent the calendar's limits, numbers too large and malformed values; and a truncated upload.
/// </summary>
public abstract class BadInputTests(EofficeApp app)
{
    private static readonly string[] DateValues = ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "31/02/2026"];
    private static readonly string[] NumberValues = ["99999999999999999999", "-99999999999999999999", "1e400", "mười"];
    private static readonly string[] GuidValues = ["not-a-guid", "{00000000-0000-0000-0000"];
    private static readonly string[] RouteNumberValues = ["0", "-1", "2147483647"];

    [DbFact]
    public async Task Every_date_number_and_guid_query_parameter_answers_bad_values_with_400_problem_details_and_no_route_value_with_a_500()
    {
        var registerId = (await app.AgencyRegisterIdAsync()).ToString();
        var documentId = (await app.RegisterDirectAsync("Về kiểm thử giá trị biên")).ToString();
        // The register's clerk reaches the documents' reports, the administrator the rest.
        HttpClient[] sessions = [await app.SignedInClientAsync("dtmai", SeedAdministrator.DemoPassword), await app.SignedInClientAsync()];
        var failures = new List<string>();
        var probed = 0;

        foreach (var operation in RouteTable.ApiOperations(app))
        {
            var path = operation.RelativePath!.Split('?')[0];
            string UrlWith(string? routeName, string? routeValue) => "/" + RouteParameter().Replace(path, m =>
                m.Groups[1].Value == routeName ? Uri.EscapeDataString(routeValue!)
                : m.Groups[1].Value switch { "registerId" => registerId, "id" => documentId, _ => Guid.NewGuid().ToString() });

            async Task<bool> SendAsync(string url)
            {
                var refused = false;
                foreach (var session in sessions)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.HttpMethod!), url);
                    using var response = await session.SendAsync(request);
                    refused |= response.StatusCode == HttpStatusCode.BadRequest
                        && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{operation.HttpMethod} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }

                probed++;
                return refused;
            }

            foreach (var parameter in operation.ParameterDescriptions.Where(p => p.Source == BindingSource.Query))
            {
                foreach (var value in BadValuesOf(parameter.Type))
                {
                    var url = UrlWith(null, null) + $"?{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}";
                    if (!await SendAsync(url))
                    {
                        failures.Add($"{operation.HttpMethod} {url}: not refused with 400 ProblemDetails");
                    }
                }
            }

            // A number in the route (a calendar year, an outbox message): any 4xx is fine, a 5xx is not.
            foreach (var parameter in operation.ParameterDescriptions.Where(p => p.Source == BindingSource.Path && BadValuesOf(p.Type) == NumberValues))
            {
                foreach (var value in RouteNumberValues)
                {
                    await SendAsync(UrlWith(parameter.Name, value));
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {probed} bad values were mishandled:\n" + string.Join('\n', failures.Distinct()));
        Assert.True(probed > 30, $"Only {probed} values were sent: the route table was not read.");
    }

    [DbFact]
    public async Task A_truncated_multipart_upload_answers_400_and_stores_nothing()
    {
        var session = await app.SignedInClientAsync();
        const string boundary = "eoffice-boundary";
        var truncated = $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cong-van.pdf\"\r\n" +
            "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        foreach (var body in new[] { truncated, $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filen" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
            using var request = await FileStoreClient.UploadRequestAsync(session, content);

            var response = await session.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(db.Set<Eoffice.Web.Platform.Storage.StoredFile>())));
    }

    [DbFact]
    public async Task A_token_expiring_on_the_calendars_last_day_is_listed_on_its_page_without_an_error()
    {
        var session = await app.SignedInClientAsync();
        var created = await session.PostAsync("/api/v1/me/tokens",
            new StringContent("{\"name\":\"Tích hợp lâu dài\",\"expiresAt\":\"9999-12-31T23:59:59Z\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await session.GetAsync("/bao-mat/ma-truy-cap");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("31/12/9999", await page.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> BadValuesOf(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare == typeof(DateOnly) || bare == typeof(DateTime) || bare == typeof(DateTimeOffset) ? DateValues
            : bare == typeof(Guid) ? GuidValues
            : bare == typeof(int) || bare == typeof(long) || bare == typeof(short) || bare == typeof(decimal) || bare == typeof(double) ? NumberValues
            : [];
    }

    private static System.Text.RegularExpressions.Regex RouteParameter() => new(@"\{(\w+)(:[^}]*)?\}");
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
