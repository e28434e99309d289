using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;

namespace Eoffice.IntegrationTests.Platform.OpenApi;

/// <summary>
/// /openapi/v1.json against the running app's route table: every JSON body an /api/ endpoint binds and every JSON answer
/// it declares is described with the properties System.Text.Json really reads and writes, down to nested objects. The
/// types come from the endpoints by reflection, so the check follows request and response records as they change.
/// </summary>
public abstract class OpenApiDocumentTests(EofficeApp app)
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var client = await app.SignedInClientAsync();
        var response = await client.GetAsync("/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement? JsonContent(JsonElement owner)
    {
        if (!owner.TryGetProperty("content", out var content))
        {
            return null;
        }

        foreach (var media in content.EnumerateObject())
        {
            if (ApiContract.IsJson(media.Name) && media.Value.TryGetProperty("schema", out var schema))
            {
                return schema;
            }
        }

        return null;
    }

    [DbFact]
    public async Task Every_api_operation_describes_the_body_it_binds()
    {
        var document = await DocumentAsync();
        var comparison = new SchemaComparison(document);
        var bodies = 0;
        foreach (var operation in ApiContract.Operations(app.Services))
        {
            if (operation.JsonBodyType is not { } bodyType)
            {
                continue;
            }

            bodies++;
            var described = operation.In(document);
            if (described is null)
            {
                comparison.Failures.Add($"{operation}: not in the document");
            }
            else if (!described.Value.TryGetProperty("requestBody", out var requestBody) || JsonContent(requestBody) is not { } schema)
            {
                comparison.Failures.Add($"{operation}: binds {SchemaComparison.Name(bodyType)} as JSON, the document has no JSON request body");
            }
            else
            {
                comparison.Compare(bodyType, schema, $"{operation} request");
            }
        }

        Assert.True(bodies >= 20, $"only {bodies} JSON bodies found in the route table");
        Assert.True(comparison.Failures.Count == 0,
            $"{comparison.Failures.Count} differences between the bound types and the document:\n" + string.Join("\n", comparison.Failures));
    }

    [DbFact]
    public async Task Every_api_operation_describes_the_json_it_answers_problem_details_included()
    {
        var document = await DocumentAsync();
        var comparison = new SchemaComparison(document);
        var answers = 0;
        var problems = 0;
        foreach (var operation in ApiContract.Operations(app.Services))
        {
            foreach (var (status, type) in operation.JsonResponses)
            {
                answers++;
                problems += typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(type) ? 1 : 0;
                var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var described = operation.In(document);
                if (described is null)
                {
                    comparison.Failures.Add($"{operation}: not in the document");
                }
                else if (!described.Value.GetProperty("responses").TryGetProperty(code, out var response) || JsonContent(response) is not { } schema)
                {
                    comparison.Failures.Add($"{operation}: answers {code} with {SchemaComparison.Name(type)}, the document has no JSON response for {code}");
                }
                else
                {
                    comparison.Compare(type, schema, $"{operation} {code}");
                }
            }
        }

        Assert.True(answers >= 50 && problems >= 20, $"only {answers} JSON answers ({problems} problem details) found in the route table");
        Assert.True(comparison.ObjectsCompared >= 30, $"only {comparison.ObjectsCompared} object schemas compared");
        Assert.True(comparison.Failures.Count == 0,
            $"{comparison.Failures.Count} differences between the declared answers and the document:\n" + string.Join("\n", comparison.Failures));
    }
}

public sealed class OpenApiDocumentTestsOnSqlite(SqliteApp app) : OpenApiDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiDocumentTestsOnPostgres(PostgresApp app) : OpenApiDocumentTests(app), IClassFixture<PostgresApp>;
