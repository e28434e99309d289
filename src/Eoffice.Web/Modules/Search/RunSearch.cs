using System.Data.Common;
using System.Globalization;
using System.Text;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// The query engine of the one index. The words are folded as the index is (<see cref="SearchText"/>), each becomes a
/// quoted term (never raw text in the query syntax), all are required and the last is a prefix; a query that looks like
/// a number and symbol is looked up in the codes first. What the reader may see is part of the WHERE clause — per kind,
/// from that kind's source (<see cref="ISearchSource.ReaderScopeAsync"/>): all of the agency's items, or those listing
/// one of the reader's principals — so ranking, paging, the total and the facets never involve anything else. The total
/// is counted up to <see cref="TotalCap"/> and the facets are computed on those first matches (in index order).
/// </summary>
public sealed class RunSearch(EofficeDbContext db, SearchIndexer indexer)
{
    public const int TotalCap = 1000;
    public const int MaxExport = 5000;
    public const int MaxSuggestions = 8;
    private const int FacetValues = 20;

    /// <summary>At most this many reader rows and a reader's query starts from them (SQLite), not from the full-text match.</summary>
    internal const int NarrowReaderRows = 5_000;

    public async Task<SearchResults> HandleAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var query = await PlanAsync(request, cancellationToken);
        if (query is null)
        {
            return new SearchResults([], 0, false, request.Page, request.PageSize, SearchFacets.Empty);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var matched = await FacetRowsAsync(query, cancellationToken);
            if (matched.Count == 0 && query.Fallback is { } fallback)
            {
                query = fallback;
                matched = await FacetRowsAsync(query, cancellationToken);
            }

            var capped = matched.Count > TotalCap;
            var counted = capped ? matched.Take(TotalCap).ToList() : matched;
            var hits = counted.Count == 0
                ? []
                : await HitsAsync(query, (request.Page - 1) * request.PageSize, request.PageSize, request.Sort, cancellationToken);
            return new SearchResults(hits, counted.Count, capped, request.Page, request.PageSize, FacetsOf(counted));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every hit, up to <paramref name="limit"/> (at most <see cref="MaxExport"/>), in the request's order: for exports.</summary>
    public async Task<IReadOnlyList<SearchHit>> AllAsync(SearchRequest request, int limit, CancellationToken cancellationToken)
    {
        var query = await PlanAsync(request, cancellationToken);
        if (query is null)
        {
            return [];
        }

        var take = Math.Clamp(limit, 1, MaxExport);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var hits = await HitsAsync(query, 0, take, request.Sort, cancellationToken);
            if (hits.Count == 0 && query.Fallback is { } fallback)
            {
                hits = await HitsAsync(fallback, 0, take, request.Sort, cancellationToken);
            }

            return hits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>At most <see cref="MaxSuggestions"/> of the reader's items matching what is typed so far, newest first.</summary>
    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string? q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > SearchRequest.MaxQueryLength || SearchText.Tokens(q, 1).Count == 0)
        {
            return [];
        }

        var hits = await AllAsync(new SearchRequest { Q = q }, MaxSuggestions, cancellationToken);
        return hits.Select(h => new SearchSuggestion(h.Kind, h.KindName, h.Title, h.Code, h.Url)).ToList();
    }

    /// <summary>A query ready to run: its FROM and WHERE (access included), its parameters, its rank, its words.</summary>
    /// <remarks>
    /// Two shapes of the same match: <see cref="Matched"/> reads the entries (by their date index) keeping those whose id
    /// the full-text index returned — cheap for newest/oldest first however many match, as no sort of every match is
    /// needed; <see cref="From"/>/<see cref="Where"/> join the full-text index, for ranking by relevance.
    /// </remarks>
    private sealed record Plan(string From, string Where, List<(string Name, object Value)> Parameters, string? Rank, IReadOnlyList<string> Tokens,
        IReadOnlyDictionary<string, string> KindNames, Plan? Fallback, string? Matched = null)
    {
        public string FilteredWhere => Matched is null ? Where : Matched + " AND " + Filters;

        public string Filters { get; init; } = "";
    }

    private async Task<Plan?> PlanAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var parameters = new List<(string Name, object Value)>();
        string P(object value)
        {
            var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, value));
            return name;
        }

        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object Day(DateOnly date) => sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;

        var sources = indexer.Sources.Where(s => string.IsNullOrWhiteSpace(request.Kind) || s.Kind == request.Kind.Trim()).ToList();
        var access = new List<string>();
        var all = false;
        var readers = new HashSet<Guid>();
        foreach (var source in sources)
        {
            var scope = await source.ReaderScopeAsync(cancellationToken);
            if (scope.All)
            {
                all = true;
                access.Add($"(e.kind = {P(source.Kind)} AND e.agency_id = {P(Id(scope.AgencyId))})");
            }
            else if (scope.Principals.Count > 0)
            {
                readers.UnionWith(scope.Principals);
                var principals = string.Join(", ", scope.Principals.Distinct().Select(p => P(Id(p))));
                access.Add($"(e.kind = {P(source.Kind)} AND e.agency_id = {P(Id(scope.AgencyId))} AND e.id IN (SELECT r.entry_id FROM search_entry_readers r " +
                    $"WHERE r.principal_id IN ({principals})))");
            }
        }

        if (access.Count == 0)
        {
            return null;
        }

        var where = new StringBuilder("(").AppendJoin(" OR ", access).Append(')');
        if (request.From is { } from)
        {
            where.Append(" AND e.date >= ").Append(P(Day(from)));
        }

        if (request.To is { } to)
        {
            where.Append(" AND e.date <= ").Append(P(Day(to)));
        }

        if (!string.IsNullOrWhiteSpace(request.Type))
        {
            where.Append(" AND e.type_code = ").Append(P(request.Type.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(request.Organ))
        {
            where.Append(" AND e.organ = ").Append(P(request.Organ.Trim()));
        }

        if (request.RegisterId is { } register)
        {
            where.Append(" AND e.register_id = ").Append(P(Id(register)));
        }

        if (request.UnitId is { } unit)
        {
            where.Append(" AND e.unit_id = ").Append(P(Id(unit)));
        }

        if (!string.IsNullOrWhiteSpace(request.State))
        {
            where.Append(" AND e.state = ").Append(P(request.State.Trim()));
        }

        var names = sources.ToDictionary(s => s.Kind, s => s.Name);
        var tokens = SearchText.Tokens(request.Q, SearchText.MaxTokens);
        var filters = where.ToString();
        if (tokens.Count == 0)
        {
            return new Plan("search_entries e", filters, parameters, null, tokens, names, null);
        }

        // A narrow reader (few reader rows, no kind seen whole) is served from their rows: their entries drive the query
        // (rowid look-ups) and the full-text match is computed once as a set each is probed in (the unary + keeps SQLite
        // from driving by it), instead of reading the entry of every match of common words to keep the few that are
        // theirs. A per-candidate FTS5 query (rowid = ? AND MATCH) was measured ~20x slower: each call redoes the prefix term.
        var candidates = sqlite && !all && readers.Count > 0 && await ReaderRowsAtMostAsync(readers.Select(r => Id(r)).ToList(), NarrowReaderRows, cancellationToken)
            ? "e.id IN (SELECT r.entry_id FROM search_entry_readers r WHERE r.principal_id IN (" +
                string.Join(", ", readers.Select(r => P(Id(r)))) + ")) AND "
            : null;
        string SqliteMatched() => candidates is null
            ? "e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @m)"
            : candidates + "+e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @m)";

        Plan Text(List<(string Name, object Value)> ps)
        {
            if (sqlite)
            {
                var match = string.Join(" ", tokens.Select((t, i) => Quote(t) + (i == tokens.Count - 1 ? "*" : "")));
                ps.Add(("@m", match));
                return new Plan("search_fts JOIN search_entries e ON e.id = search_fts.rowid", "search_fts MATCH @m AND " + filters, ps,
                    "bm25(search_fts) ASC", tokens, names, null, SqliteMatched()) { Filters = filters };
            }

            var tsquery = string.Join(" & ", tokens.Select((t, i) => t + (i == tokens.Count - 1 ? ":*" : "")));
            ps.Add(("@m", tsquery));
            return new Plan("search_fts f JOIN search_entries e ON e.id = f.entry_id", "f.vector @@ to_tsquery('simple', @m) AND " + filters, ps,
                "ts_rank(f.vector, to_tsquery('simple', @m)) DESC", tokens, names, null,
                "e.id IN (SELECT f.entry_id FROM search_fts f WHERE f.vector @@ to_tsquery('simple', @m))") { Filters = filters };
        }

        var text = Text([.. parameters]);
        if (!SearchText.LooksLikeCode(request.Q))
        {
            return text;
        }

        var squashed = string.Concat(tokens);
        var parts = string.Join(' ', tokens);
        var codeParameters = new List<(string Name, object Value)>(parameters);
        if (sqlite)
        {
            var expression = squashed == parts
                ? $"{Quote(squashed)}*"
                : $"{Quote(squashed)}* OR ({string.Join(" AND ", tokens.Select((t, i) => Quote(t) + (i == tokens.Count - 1 ? "*" : "")))})";
            codeParameters.Add(("@m", $"codes : ({expression})"));
            return new Plan("search_fts JOIN search_entries e ON e.id = search_fts.rowid", "search_fts MATCH @m AND " + filters, codeParameters,
                null, tokens, names, text, SqliteMatched()) { Filters = filters };
        }

        codeParameters.Add(("@c1", $"% {squashed}%"));
        codeParameters.Add(("@c2", $"% {parts}%"));
        return new Plan("search_fts f JOIN search_entries e ON e.id = f.entry_id", "(f.codes LIKE @c1 OR f.codes LIKE @c2) AND " + filters,
            codeParameters, null, tokens, names, text, "e.id IN (SELECT f.entry_id FROM search_fts f WHERE f.codes LIKE @c1 OR f.codes LIKE @c2)") { Filters = filters };
    }

    /// <summary>Whether the principals have at most <paramref name="limit"/> reader rows (counted no further than that).</summary>
    private async Task<bool> ReaderRowsAtMostAsync(IReadOnlyList<object> principals, int limit, CancellationToken cancellationToken)
    {
        var parameters = principals.Select((p, i) => ("@r" + i.ToString(CultureInfo.InvariantCulture), p)).ToList();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(
                $"SELECT count(*) FROM (SELECT 1 FROM search_entry_readers WHERE principal_id IN ({string.Join(", ", parameters.Select(p => p.Item1))}) LIMIT {limit + 1})",
                parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) <= limit;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A term of the FTS5 query: quoted, any quote doubled (the words hold letters and digits only, this is a second fence).</summary>
    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record FacetRow(string Kind, string? TypeCode, string? TypeName, string? Organ, string? RegisterId, string? RegisterName,
        string? UnitId, string? UnitName, string? State, string? StateName);

    private async Task<List<FacetRow>> FacetRowsAsync(Plan plan, CancellationToken cancellationToken)
    {
        var sql = $"SELECT e.kind, e.type_code, e.type_name, e.organ, e.register_id, e.register_name, e.unit_id, e.unit_name, e.state, e.state_name " +
            $"FROM search_entries e WHERE {plan.FilteredWhere} LIMIT {TotalCap + 1}";
        var rows = new List<FacetRow>();
        await using var command = Command(sql, plan.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FacetRow(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
        }

        return rows;
    }

    private async Task<List<SearchHit>> HitsAsync(Plan plan, int skip, int take, SearchSort sort, CancellationToken cancellationToken)
    {
        var order = sort switch
        {
            SearchSort.Oldest => "e.date ASC, e.id ASC",
            SearchSort.Relevance when plan.Rank is not null => plan.Rank + ", e.date DESC, e.id DESC",
            _ => "e.date DESC, e.id DESC",
        };
        var ranked = sort == SearchSort.Relevance && plan.Rank is not null;
        var sql = $"SELECT e.id, e.kind, e.item_id, e.title, e.code, e.url, e.date, e.type_name, e.organ, e.register_name, e.unit_name, e.state_name " +
            (ranked ? $"FROM {plan.From} WHERE {plan.Where}" : $"FROM search_entries e WHERE {plan.FilteredWhere}") + $" ORDER BY {order} LIMIT {take} OFFSET {skip}";
        var rows = new List<(long Id, SearchHit Hit)>();
        await using (var command = Command(sql, plan.Parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = reader.GetString(1);
                rows.Add((reader.GetInt64(0), new SearchHit(kind, plan.KindNames.GetValueOrDefault(kind, kind), GuidOf(reader.GetValue(2)), reader.GetString(3),
                    Text(reader, 4), reader.GetString(5), DateOf(reader.GetValue(6)), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10),
                    Text(reader, 11), null)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var bodies = new Dictionary<long, string>();
        await using (var command = Command(
            $"SELECT entry_id, body FROM search_entry_texts WHERE entry_id IN ({string.Join(", ", rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)))})", []))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                bodies[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return rows.Select(r => r.Hit with { SnippetHtml = SearchText.Snippet(bodies.GetValueOrDefault(r.Id), plan.Tokens) }).ToList();
    }

    private DbCommand Command(string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string? Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
        {
            string s => s,
            Guid g => g.ToString(),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };

    private static Guid GuidOf(object value) => value is Guid g ? g : Guid.Parse((string)value);

    private static DateOnly? DateOf(object value) => value switch
    {
        DBNull => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
        _ => null,
    };

    private SearchFacets FacetsOf(IReadOnlyList<FacetRow> rows)
    {
        IReadOnlyList<SearchFacetCount> Count(Func<FacetRow, string?> value, Func<FacetRow, string?> name) =>
            rows.Where(r => !string.IsNullOrEmpty(value(r))).GroupBy(r => value(r)!)
                .Select(g => new SearchFacetCount(g.Key, name(g.First()) ?? g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Take(FacetValues).ToList();

        var kindNames = indexer.Sources.ToDictionary(s => s.Kind, s => s.Name);
        return new SearchFacets(
            Count(r => r.Kind, r => kindNames.GetValueOrDefault(r.Kind)),
            Count(r => r.TypeCode, r => r.TypeName),
            Count(r => r.Organ, r => r.Organ),
            Count(r => r.RegisterId?.ToLowerInvariant(), r => r.RegisterName),
            Count(r => r.UnitId?.ToLowerInvariant(), r => r.UnitName),
            Count(r => r.State, r => r.StateName));
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", async Task<Ok<SearchResults>> ([AsParameters] SearchQueryString query, RunSearch handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(query.ToRequest(), ct)))
            .ProducesValidationProblem()
            .WithName("Search")
            .WithSummary("Tìm kiếm trong mọi văn bản người dùng được xem: từ khóa (không phân biệt dấu, hoa thường; số, ký hiệu), bộ lọc, sắp xếp, phân trang, đếm theo nhóm.");

        group.MapGet("/suggestions", async Task<Ok<IReadOnlyList<SearchSuggestion>>> ([AsParameters] SuggestionRequest request, RunSearch handler,
                CancellationToken ct) => TypedResults.Ok(await handler.SuggestAsync(request.Q, ct)))
            .ProducesValidationProblem()
            .WithName("SearchSuggestions")
            .WithSummary("Gợi ý khi đang gõ trong ô tìm kiếm: tối đa 8 văn bản mới nhất khớp với phần đã gõ.");
    }

    /// <summary>
    /// <see cref="SearchRequest"/> as the API's query string binds it (every parameter optional; page 1 of 20, newest
    /// first by default), validated as the request.
    /// </summary>
    public sealed record SearchQueryString : Platform.Web.IValidatableRequest
    {
        public string? Q { get; init; }

        public string? Kind { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public string? Type { get; init; }

        public string? Organ { get; init; }

        public Guid? RegisterId { get; init; }

        public Guid? UnitId { get; init; }

        public string? State { get; init; }

        public SearchSort? Sort { get; init; }

        public int? Page { get; init; }

        public int? PageSize { get; init; }

        public SearchRequest ToRequest() => new()
        {
            Q = Q, Kind = Kind, From = From, To = To, Type = Type, Organ = Organ, RegisterId = RegisterId, UnitId = UnitId, State = State,
            Sort = Sort ?? SearchSort.Newest, Page = Page ?? 1, PageSize = PageSize ?? 20,
        };

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    /// <summary>What the header's box has typed so far.</summary>
    public sealed record SuggestionRequest : Platform.Web.IValidatableRequest
    {
        public string? Q { get; init; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            Platform.Web.FieldChecks.MaxLength(errors, "q", Q, SearchRequest.MaxQueryLength, "Từ khóa tìm kiếm");
            return errors;
        }
    }
}
