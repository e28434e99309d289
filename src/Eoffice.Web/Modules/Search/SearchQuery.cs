using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Search;

/// <summary>How results are ordered: newest first (the default), oldest first, or by relevance to the words.</summary>
public enum SearchSort
{
    Newest = 0,
    Oldest = 1,
    Relevance = 2,
}

/// <summary>
/// A search: the words (any field, any attached file's text; tone-, case- and đ-insensitive; a document number whole or
/// in part; the last word as a prefix), and the filters. Bound from the query string of <c>GET /api/v1/search</c> and of
/// the search page, and stored as a saved search.
/// </summary>
public sealed record SearchRequest : IValidatableRequest
{
    public const int MaxQueryLength = 500;
    public const int MaxPageSize = 100;

    public string? Q { get; init; }
    public string? Kind { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Type { get; init; }
    public string? Organ { get; init; }
    public Guid? RegisterId { get; init; }
    public Guid? UnitId { get; init; }
    public string? State { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Newest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        errors.MaxLength("q", Q, MaxQueryLength, "Từ khóa tìm kiếm");
        errors.MaxLength("kind", Kind, 40, "Loại");
        errors.MaxLength("type", Type, 40, "Loại văn bản");
        errors.MaxLength("organ", Organ, 500, "Cơ quan ban hành");
        errors.MaxLength("state", State, 40, "Trạng thái");
        if (From is { } from && To is { } to && from > to)
        {
            errors["to"] = ["Ngày kết thúc phải từ ngày bắt đầu trở đi."];
        }

        if (Page < 1 || Page > 1000)
        {
            errors["page"] = ["Trang phải từ 1 đến 1000."];
        }

        if (PageSize < 1 || PageSize > MaxPageSize)
        {
            errors["pageSize"] = [$"Số kết quả mỗi trang phải từ 1 đến {MaxPageSize}."];
        }

        return errors;
    }
}

/// <summary>One result, as far as the reader may see it. <see cref="SnippetHtml"/> is already HTML-encoded, with the
/// matched words in &lt;mark&gt;.</summary>
public sealed record SearchHit(
    string Kind,
    string KindName,
    Guid ItemId,
    string Title,
    string? Code,
    string Url,
    DateOnly? Date,
    string? TypeName,
    string? Organ,
    string? RegisterName,
    string? UnitName,
    string? StateName,
    string? SnippetHtml);

/// <summary>A facet value with the number of the reader's matching items having it.</summary>
public sealed record SearchFacetCount(string Value, string Name, int Count);

public sealed record SearchFacets(
    IReadOnlyList<SearchFacetCount> Kinds,
    IReadOnlyList<SearchFacetCount> Types,
    IReadOnlyList<SearchFacetCount> Organs,
    IReadOnlyList<SearchFacetCount> Registers,
    IReadOnlyList<SearchFacetCount> Units,
    IReadOnlyList<SearchFacetCount> States)
{
    public static SearchFacets Empty { get; } = new([], [], [], [], [], []);
}

/// <summary>A page of results. <see cref="Total"/> counts only what the reader may see, up to a cap
/// (<see cref="TotalCapped"/>: "more than").</summary>
public sealed record SearchResults(
    IReadOnlyList<SearchHit> Hits,
    int Total,
    bool TotalCapped,
    int Page,
    int PageSize,
    SearchFacets Facets);

/// <summary>A suggestion under the header's search box while typing.</summary>
public sealed record SearchSuggestion(string Kind, string KindName, string Title, string? Code, string Url);
