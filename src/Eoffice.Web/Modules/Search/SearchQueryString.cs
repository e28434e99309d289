using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// A <see cref="SearchRequest"/> as the query string of /tim-kiem (and of its exports and saved searches), and back:
/// <c>q, kind, from, to, type, organ, registerId, unitId, state, sort, page</c>, only what is set, in that order, so
/// that one search always has one spelling. A value that does not parse (a date, an id, a sort) is left out.
/// </summary>
public static class SearchQueryString
{
    public static string SortCode(SearchSort sort) => sort switch
    {
        SearchSort.Oldest => "oldest",
        SearchSort.Relevance => "relevance",
        _ => "newest",
    };

    public static SearchSort ParseSort(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "oldest" or "1" => SearchSort.Oldest,
        "relevance" or "2" => SearchSort.Relevance,
        _ => SearchSort.Newest,
    };

    /// <summary>The pairs of the request (the page only when <paramref name="withPage"/> and not the first).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Pairs(SearchRequest request, bool withPage = true)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value.Trim()));
            }
        }

        Add("q", request.Q);
        Add("kind", request.Kind);
        Add("from", request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("type", request.Type);
        Add("organ", request.Organ);
        Add("registerId", request.RegisterId?.ToString());
        Add("unitId", request.UnitId?.ToString());
        Add("state", request.State);
        if (request.Sort != SearchSort.Newest)
        {
            Add("sort", SortCode(request.Sort));
        }

        if (withPage && request.Page > 1)
        {
            Add("page", request.Page.ToString(CultureInfo.InvariantCulture));
        }

        return pairs;
    }

    /// <summary>The query string without its '?' ("q=quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh&amp;kind=incoming"); empty for no criteria.</summary>
    public static string Format(SearchRequest request, bool withPage = true) =>
        QueryHelpers.AddQueryString("", Pairs(request, withPage)).TrimStart('?');

    /// <summary>/tim-kiem with the request (and the extra pairs, such as the columns) in its query string.</summary>
    public static string Url(string path, SearchRequest request, bool withPage = true, IEnumerable<KeyValuePair<string, string?>>? extra = null) =>
        QueryHelpers.AddQueryString(path, Pairs(request, withPage).Concat(extra ?? []).Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>Reads a query string (with or without its '?').</summary>
    public static SearchRequest Parse(string? query)
    {
        var values = QueryHelpers.ParseQuery(string.IsNullOrEmpty(query) || query.StartsWith('?') ? query : "?" + query);
        return FromValues(key => values.TryGetValue(key, out var v) ? v : StringValues.Empty);
    }

    /// <summary>Reads the request from any source of query values (a request's <c>Query</c>).</summary>
    public static SearchRequest FromValues(Func<string, StringValues> valueOf)
    {
        string? Text(string key) => valueOf(key) is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;
        DateOnly? Date(string key) =>
            DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        Guid? Id(string key) => Guid.TryParse(Text(key), out var g) ? g : null;
        return new SearchRequest
        {
            Q = Text("q"),
            Kind = Text("kind"),
            From = Date("from"),
            To = Date("to"),
            Type = Text("type"),
            Organ = Text("organ"),
            RegisterId = Id("registerId"),
            UnitId = Id("unitId"),
            State = Text("state"),
            Sort = ParseSort(Text("sort")),
            Page = int.TryParse(Text("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1,
        };
    }

    /// <summary>Whether the request asks for anything (words or a filter); an empty search page runs nothing.</summary>
    public static bool HasCriteria(SearchRequest request) =>
        !string.IsNullOrWhiteSpace(request.Q) || request.Kind is not null || request.From is not null || request.To is not null
        || request.Type is not null || request.Organ is not null || request.RegisterId is not null || request.UnitId is not null
        || request.State is not null;
}
