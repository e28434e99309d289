using System.Net.Http.Json;

namespace Eoffice.IntegrationTests.Documents.OutgoingAdmin;

/// <summary>Intents of the outgoing administration tests: the processes as the API shows them, a change of one, the page's form.</summary>
internal static class OutgoingAdminKit
{
    public const string ProcessesUrl = "/api/v1/documents/outgoing-processes";
    public const string SettingsUrl = "/api/v1/documents/outgoing-settings";

    public sealed record Step(int Number, string Kind, string KindName, string Name, bool CanSkip, bool AllowsAddedSteps, int ReturnResumesAt, string Records,
        Guid? UserId, string? UserName);

    public sealed record Process(Guid Id, string Code, string Name, bool IsActive, bool IsDefault, List<string> TypeCodes, List<Step> Steps, int Version);

    public static async Task<List<Process>> ProcessesAsync(this HttpClient client) => (await client.GetFromJsonAsync<List<Process>>(ProcessesUrl))!;

    public static async Task<Process> ProcessAsync(this HttpClient client, string code) => (await client.ProcessesAsync()).Single(p => p.Code == code);

    /// <summary>The body of a PUT (or, without the version, a POST) of <paramref name="process"/> with the given changes.</summary>
    public static object Body(Process process, string? name = null, IEnumerable<string>? typeCodes = null, IEnumerable<object>? steps = null, int? version = null) =>
        new
        {
            name = name ?? process.Name,
            typeCodes = (typeCodes ?? process.TypeCodes).ToList(),
            steps = (steps ?? process.Steps.Select(StepBody)).ToList(),
            version = version ?? process.Version,
        };

    public static object StepBody(Step s) =>
        new { kind = s.Kind, name = s.Name, canSkip = s.CanSkip, allowsAddedSteps = s.AllowsAddedSteps, returnResumesAt = s.ReturnResumesAt, records = s.Records, userId = s.UserId };

    public static Task<HttpResponseMessage> PutProcessAsync(this HttpClient client, Process process, object body) =>
        client.PutAsJsonAsync($"{ProcessesUrl}/{process.Id}", body);

    public static Task<HttpResponseMessage> ActivateAsync(this HttpClient client, Guid id, bool replace = false) =>
        client.PostAsync($"{ProcessesUrl}/{id}/activate{(replace ? "?replace=true" : "")}", null);

    public static Task<HttpResponseMessage> DeactivateAsync(this HttpClient client, Guid id) => client.PostAsync($"{ProcessesUrl}/{id}/deactivate", null);

    /// <summary>The first message of a field of a validation problem.</summary>
    public static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field) =>
        (await Organization.OrganizationTestKit.ProblemAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString();

    /// <summary>The fields of the process page's form for <paramref name="process"/>, as a browser posts them.</summary>
    public static List<(string Name, string Value)> FormFields(Process process, params (string Name, string Value)[] changes)
    {
        var fields = new List<(string Name, string Value)> { ("Input.Name", process.Name), ("Input.Version", process.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        fields.AddRange(process.TypeCodes.Select(t => ("Input.TypeCodes", t)));
        for (var i = 0; i < process.Steps.Count; i++)
        {
            var s = process.Steps[i];
            var at = $"Input.Steps[{i}]";
            fields.Add(($"{at}.Kind", s.Kind));
            fields.Add(($"{at}.Name", s.Name));
            if (s.CanSkip)
            {
                fields.Add(($"{at}.CanSkip", "true"));
            }

            fields.Add(($"{at}.CanSkip", "false"));
            fields.Add(($"{at}.AllowsAddedSteps", s.AllowsAddedSteps ? "true" : "false"));
            fields.Add(($"{at}.ReturnResumesAt", s.ReturnResumesAt.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(($"{at}.Records", s.Records));
            fields.Add(($"{at}.UserId", s.UserId?.ToString() ?? ""));
        }

        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }

        return fields;
    }

}
