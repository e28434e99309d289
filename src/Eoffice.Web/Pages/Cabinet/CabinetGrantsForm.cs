using Eoffice.Web.Modules.Cabinet;

namespace Eoffice.Web.Pages.Cabinet;

/// <summary>
/// The grants dialog of a folder or file (<c>_CabinetGrants.cshtml</c>): whether the grants of the folder above still
/// apply, and one row a grant — whom ("person:{id}", "unit:{id}", "role:{code}", picked in one list) and the level;
/// a row left empty or marked removed is dropped. It becomes the API's request, which the handler checks.
/// </summary>
public sealed class CabinetGrantsForm
{
    public bool Inherits { get; set; } = true;

    public List<Row> Rows { get; set; } = [];

    public sealed class Row
    {
        public string? Who { get; set; }

        public string? Level { get; set; }

        public bool Remove { get; set; }
    }

    /// <summary>The levels a grant may give, as the dialog names them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Levels =
        [("view", "Xem"), ("download", "Tải xuống"), ("upload", "Tải lên"), ("manage", "Quản lý")];

    public static string WhoOf(CabinetGrantItem grant) => grant.Kind == "role" ? $"role:{grant.Role}" : $"{grant.Kind}:{grant.PrincipalId}";

    public SetCabinetGrants.Request ToRequest() => new()
    {
        Inherits = Inherits,
        Grants = [.. Rows.Where(r => !r.Remove && !string.IsNullOrWhiteSpace(r.Who)).Select(r =>
        {
            var parts = r.Who!.Split(':', 2);
            var kind = parts[0];
            var value = parts.Length > 1 ? parts[1] : null;
            return new SetCabinetGrants.GrantInput
            {
                Kind = kind,
                PrincipalId = kind != "role" && Guid.TryParse(value, out var id) ? id : null,
                Role = kind == "role" ? value : null,
                Level = r.Level,
            };
        })],
    };
}

/// <summary>What <c>_CabinetGrants.cshtml</c> shows: the form's action, the current grants and whom one may grant to.</summary>
public sealed record CabinetGrantsView(string Title, string Action, CabinetGrantsResponse Current, CabinetGrantChoicesResponse Choices, string? Error)
{
    public string NameOf(CabinetGrantItem grant)
    {
        var who = CabinetGrantsForm.WhoOf(grant);
        var list = grant.Kind switch { "person" => Choices.People, "unit" => Choices.Units, _ => Choices.Roles };
        var id = who.Split(':', 2)[1];
        return list.FirstOrDefault(c => c.Id == id)?.Name ?? id;
    }
}
