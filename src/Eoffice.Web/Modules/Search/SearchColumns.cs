using System.Globalization;
using Eoffice.Web.Platform.Reporting;

namespace Eoffice.Web.Modules.Search;

/// <summary>One column a person may choose for the results (page and exports): its code, header and how it prints.</summary>
public sealed record SearchColumn(string Code, string Header, double Width, bool NoWrap = false, bool Centered = false)
{
    public ReportColumn ToReport() => new(Header, Width, Centered: Centered, NoWrap: NoWrap);
}

/// <summary>
/// The result columns (số/ký hiệu, ngày, loại, loại văn bản, trích yếu, cơ quan ban hành, sổ, đơn vị, trạng thái, đoạn
/// trích), their codes as the <c>cols</c> query value and the saved search keep them ("code,date,title"), and the text
/// of each for a hit.
/// </summary>
public static class SearchColumns
{
    public const string Snippet = "snippet";
    public const string Title = "title";

    public static readonly IReadOnlyList<SearchColumn> All =
    [
        new("code", "Số, ký hiệu", 10, NoWrap: true),
        new("date", "Ngày", 7, Centered: true),
        new("kind", "Loại", 8),
        new("type", "Loại văn bản", 8),
        new(Title, "Trích yếu", 28),
        new("organ", "Cơ quan ban hành", 14),
        new("register", "Sổ", 9),
        new("unit", "Đơn vị", 10),
        new("state", "Trạng thái", 9),
        new(Snippet, "Đoạn trích", 22),
    ];

    public static readonly IReadOnlyList<string> DefaultCodes = ["code", "date", "kind", Title, "organ", "state", Snippet];

    public static IReadOnlyList<SearchColumn> Default { get; } = Parse(string.Join(',', DefaultCodes))!;

    /// <summary>
    /// The known columns among <paramref name="codes"/> (comma-separated, any case), in the order of <see cref="All"/>;
    /// <c>null</c> when none is known (the caller falls back to the default). The subject is always shown (it is the
    /// link to the item).
    /// </summary>
    public static IReadOnlyList<SearchColumn>? Parse(string? codes)
    {
        if (string.IsNullOrWhiteSpace(codes))
        {
            return null;
        }

        var wanted = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!All.Any(c => wanted.Contains(c.Code)))
        {
            return null;
        }

        wanted.Add(Title);
        return All.Where(c => wanted.Contains(c.Code)).ToList();
    }

    /// <summary>The codes that are not columns (for validation).</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string>? codes) =>
        (codes ?? []).Where(c => !All.Any(a => string.Equals(a.Code, c?.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();

    public static string Format(IEnumerable<SearchColumn> columns) => string.Join(',', columns.Select(c => c.Code));

    /// <summary>The plain text of a column for a hit (the snippet without its marks, for files).</summary>
    public static string TextOf(SearchColumn column, SearchHit hit) => column.Code switch
    {
        "code" => hit.Code ?? "",
        "date" => hit.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "",
        "kind" => hit.KindName,
        "type" => hit.TypeName ?? "",
        Title => hit.Title,
        "organ" => hit.Organ ?? "",
        "register" => hit.RegisterName ?? "",
        "unit" => hit.UnitName ?? "",
        "state" => hit.StateName ?? "",
        Snippet => PlainSnippet(hit.SnippetHtml),
        _ => "",
    };

    /// <summary>The snippet's text: its &lt;mark&gt; tags removed and its entities decoded (it was encoded by the engine).</summary>
    public static string PlainSnippet(string? snippetHtml) =>
        string.IsNullOrEmpty(snippetHtml)
            ? ""
            : System.Net.WebUtility.HtmlDecode(snippetHtml.Replace("<mark>", "", StringComparison.OrdinalIgnoreCase).Replace("</mark>", "", StringComparison.OrdinalIgnoreCase));
}
