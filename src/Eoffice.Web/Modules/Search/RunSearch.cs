using System.Data.Common;
using System.Globalization;
using System.Text;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// The query engine of the one index (ADR 0025, in the layout of ADR 0029). The words are folded as the index is
/// (<see cref="SearchText"/>), each becomes a quoted term (never raw text in the query syntax), all are required and the
/// last is a prefix; a query that looks like a number and symbol is looked up in the codes first — a complete one
/// ("4711/SGTVT-KHTC", "1234") as one whole code, then as a prefix, then as words. What the reader may see is part of
/// the query — per kind, from that kind's source (<see cref="ISearchSource.ReaderScopeAsync"/>): all of the agency's
/// items, or those listing one of the reader's principals, which the full-text row holds too, so words and access are
/// one full-text match — and ranking, paging, the total and the facets never involve anything else. The match is read
/// in key order (<see cref="SearchKey"/>: newest first) and stops after the page; the total is counted up to
/// <see cref="TotalCap"/>, the facets are computed on those first matches, and relevance ranks the newest
/// <see cref="TotalCap"/> matches.
/// </summary>
public sealed class RunSearch(EofficeDbContext db, SearchIndexer indexer)
{
    public const int TotalCap = 1000;
    public const int MaxExport = 5000;
    public const int MaxSuggestions = 8;
    private const int FacetValues = 20;

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
            var matched = await MatchesAsync(query, cancellationToken);
            while (matched.Count == 0 && query.Fallback is { } fallback)
            {
                query = fallback;
                matched = await MatchesAsync(query, cancellationToken);
            }

            var capped = matched.Count > TotalCap;
            var counted = capped ? matched.Take(TotalCap).ToList() : matched;
            var (skip, take) = ((request.Page - 1) * request.PageSize, request.PageSize);

            // In the newest-first order (the default) the page is among the matches already read, unless it lies past them.
            var newest = request.Sort != SearchSort.Oldest && (request.Sort != SearchSort.Relevance || query.Rank is null);
            var hits = counted.Count == 0 ? []
                : newest && (skip + take <= matched.Count || !capped)
                    ? await WithSnippetsAsync(query, matched.Skip(skip).Take(take).Select(m => (m.Id, m.Hit)).ToList(), cancellationToken)
                    : await HitsAsync(query, skip, take, request.Sort, cancellationToken);
            return new SearchResults(hits, counted.Count, capped, request.Page, request.PageSize, FacetsOf(counted.Select(m => m.Facets).ToList()));
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
            while (hits.Count == 0 && query.Fallback is { } fallback)
            {
                query = fallback;
                hits = await HitsAsync(query, 0, take, request.Sort, cancellationToken);
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

    /// <summary>
    /// A query ready to run: its FROM and WHERE (access included) over the entries <c>e</c>, its parameters, the key it
    /// is read in (the full-text row's; none when no full-text match is needed: then the entries' date index), its rank
    /// (lower first), its words, and what to run when it matches nothing.
    /// </summary>
    private sealed record Plan(string From, string Where, List<(string Name, object Value)> Parameters, string? Key, string? Rank,
        IReadOnlyList<string> Tokens, IReadOnlyDictionary<string, string> KindNames, Plan? Fallback)
    {
        public string Order(SearchSort sort) => (Key, sort) switch
        {
            (null, SearchSort.Oldest) => "e.date ASC, e.id ASC",
            (null, _) => "e.date DESC, e.id DESC",
            (_, SearchSort.Oldest) => Key + " ASC",
            _ => Key + " DESC",
        };
    }

    private async Task<Plan?> PlanAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var parameters = new List<(string Name, object Value)>();
        string P(object value) => Parameter(parameters, value);

        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object Day(DateOnly date) => sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;

        var sources = indexer.Sources.Where(s => string.IsNullOrWhiteSpace(request.Kind) || s.Kind == request.Kind.Trim()).ToList();
        var scopes = new List<(string Kind, SearchReaderScope Scope, Guid[] Principals)>();
        foreach (var source in sources)
        {
            var scope = await source.ReaderScopeAsync(cancellationToken);
            if (scope.All || scope.Principals.Count > 0)
            {
                scopes.Add((source.Kind, scope, scope.Principals.Distinct().Order().ToArray()));
            }
        }

        if (scopes.Count == 0)
        {
            return null;
        }

        // The full-text rows hold the readers: when every kind asked for is restricted to one same set of principals
        // (the usual case: a person's principals are those of every kind), that set is part of the full-text match and
        // is the whole access check; otherwise each restricted kind also checks its reader rows.
        var readerSets = scopes.Where(s => !s.Scope.All).Select(s => string.Join(',', s.Principals)).Distinct().ToList();
        var readers = readerSets.Count == 1 && scopes.All(s => !s.Scope.All) ? scopes[0].Principals : null;

        // Access as a condition on the entries: each restricted kind through its reader rows, unless the full-text match
        // checks the readers (inFullText).
        string Access(bool inFullText, Func<object, string> P) => "(" + string.Join(" OR ", scopes.Select(s => s.Scope.All || inFullText
            ? $"(e.kind = {P(s.Kind)} AND e.agency_id = {P(Id(s.Scope.AgencyId))})"
            : $"(e.kind = {P(s.Kind)} AND e.agency_id = {P(Id(s.Scope.AgencyId))} AND EXISTS (SELECT 1 FROM search_entry_readers r " +
                $"WHERE r.entry_id = e.id AND r.principal_id IN ({string.Join(", ", s.Principals.Select(p => P(Id(p))))})))")) + ")";
        var where = new StringBuilder();
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
        var facets = where.ToString();
        where.Insert(0, Access(readers is not null, P));
        if (tokens.Count == 0 && readers is null)
        {
            // Every item of the kinds asked for (an agency leader browsing): the entries by their date index.
            if (request.From is { } day1)
            {
                where.Append(" AND e.date >= ").Append(P(Day(day1)));
            }

            if (request.To is { } day2)
            {
                where.Append(" AND e.date <= ").Append(P(Day(day2)));
            }

            return new Plan("search_entries e", where.ToString(), parameters, null, null, tokens, names, null);
        }

        // A date filter is a key range; "to" alone keeps items without a date out, as in SQL.
        var firstKey = (request.From ?? (request.To is null ? null : SearchKey.Epoch)) is { } first ? SearchKey.First(first) : (long?)null;
        var lastKey = request.To is { } last ? SearchKey.Last(last) : (long?)null;
        void KeyRange(StringBuilder conditions, string keyOf, Func<object, string> P)
        {
            if (firstKey is { } low)
            {
                conditions.Append(" AND ").Append(keyOf).Append(" >= ").Append(P(low));
            }

            if (lastKey is { } high)
            {
                conditions.Append(" AND ").Append(keyOf).Append(" <= ").Append(P(high));
            }
        }

        var key = sqlite ? "search_fts.rowid" : "f.key";
        KeyRange(where, key, P);

        var filters = where.ToString();
        var from = sqlite
            ? $"search_fts CROSS JOIN search_entries e ON e.id = ({key} & {SearchKey.EntryMask.ToString(CultureInfo.InvariantCulture)})"
            : "search_fts f JOIN search_entries e ON e.id = f.entry_id";
        var readerTerm = readers is null ? null
            : sqlite ? $"(readers : ({string.Join(" OR ", readers.Select(r => Quote(SearchFullText.ReaderToken(r))))}))"
            : "f.readers && @r";

        // One full-text plan: the SQLite MATCH expression or the PostgreSQL tsquery of the words or codes (none: the readers alone).
        Plan Match(string? expression, bool inCodes, bool ranked, Plan? fallback)
        {
            var ps = new List<(string Name, object Value)>(parameters);
            if (sqlite)
            {
                var parts = new[] { expression is null ? null : $"({(inCodes ? "codes" : "{codes body}")} : ({expression}))", readerTerm }.OfType<string>();
                ps.Add(("@m", string.Join(" AND ", parts)));
                return new Plan(from, "search_fts MATCH @m AND " + filters, ps, key, ranked ? "bm25(search_fts)" : null, tokens, names, fallback);
            }

            var conditions = new List<string>();
            if (expression is not null)
            {
                ps.Add(("@m", expression));
                conditions.Add($"f.{(inCodes ? "codes" : "vector")} @@ to_tsquery('simple', @m)");
            }

            if (readerTerm is not null)
            {
                ps.Add(("@r", readers!));
                conditions.Add(readerTerm);
            }

            conditions.Add(filters);
            return new Plan(from, string.Join(" AND ", conditions), ps, key, ranked ? "-ts_rank(f.vector, to_tsquery('simple', @m))" : null, tokens, names,
                fallback);
        }

        if (tokens.Count == 0)
        {
            return Match(null, false, false, null);
        }

        // The last word is a prefix (typing goes on), except in a complete code, typed whole: there a prefix of its last
        // part ("qlns*" in 1234/STC-QLNS) would gather every code of that office before the few that hold the number.
        var complete = SearchText.IsCompleteCode(request.Q);
        string Prefix(string token) => sqlite ? Quote(token) + "*" : token + ":*";
        string Words(string separator) =>
            string.Join(separator, tokens.Select((t, i) => i == tokens.Count - 1 && !complete ? Prefix(t) : sqlite ? Quote(t) : t));
        var text = Match(Words(sqlite ? " " : " & "), false, true, null);
        if (!SearchText.LooksLikeCode(request.Q))
        {
            return text;
        }

        // A code typed from its start is looked up in the codes' b-tree (search_entry_codes, each code as its folded parts
        // and a space each: "4711/QĐ-UBND" is "4711 qd ubnd "), never in the full text: a few rows whatever the reader,
        // and their access checked on their reader rows.
        Plan Codes(bool pattern, string value, Plan fallback)
        {
            var ps = new List<(string Name, object Value)>(parameters);
            string Q(object v) => Parameter(ps, v);
            var keyOf = SearchKey.Sql(sqlite, "e");
            var conditions = new StringBuilder(Access(false, Q)).Append(facets)
                .Append(" AND e.id IN (SELECT c.entry_id FROM search_entry_codes c WHERE c.code ")
                .Append(pattern ? (sqlite ? "GLOB " : "LIKE ") : "= ").Append(Q(value)).Append(')');
            KeyRange(conditions, keyOf, Q);
            return new Plan("search_entries e", conditions.ToString(), ps, keyOf, null, tokens, names, fallback);
        }

        var codeKey = SearchText.CodeKey(tokens);
        var wildcard = sqlite ? "*" : "%";
        if (complete)
        {
            // A complete number and symbol: that code, then the codes it begins (typing goes on: "4711/QĐ-UB"), then the
            // texts citing it. A bare number: the codes numbered so ("4711/…", "4711/2026"), then those it begins.
            var started = Codes(true, codeKey.TrimEnd() + wildcard, text);
            return Codes(tokens.Count == 1, tokens.Count == 1 ? codeKey + wildcard : codeKey, started);
        }

        // A partial code: the codes it begins ("12345/QĐ" → "12345 qd…"), then in the full text its squashed whole as a
        // prefix ("12345qd*") or its parts anywhere ("QĐ-UBND" → qd AND ubnd*), then the words.
        var squashed = string.Concat(tokens);
        var prefix = Match(
            tokens.Count == 1 ? Prefix(squashed) : $"{Prefix(squashed)} {(sqlite ? "OR" : "|")} ({Words(sqlite ? " AND " : " & ")})",
            true, false, text);
        return Codes(true, codeKey.TrimEnd() + wildcard, prefix);
    }

    private static string Parameter(List<(string Name, object Value)> parameters, object value)
    {
        var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add((name, value));
        return name;
    }

    /// <summary>A term of the FTS5 query: quoted, any quote doubled (the words hold letters and digits only, this is a second fence).</summary>
    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record FacetRow(string Kind, string? TypeCode, string? TypeName, string? Organ, string? RegisterId, string? RegisterName,
        string? UnitId, string? UnitName, string? State, string? StateName);

    /// <summary>A match as the page shows it, and its facet values.</summary>
    private sealed record MatchedRow(long Id, SearchHit Hit, FacetRow Facets);

    private const string HitColumns =
        "e.id, e.kind, e.item_id, e.title, e.code, e.url, e.date, e.type_name, e.organ, e.register_name, e.unit_name, e.state_name";

    /// <summary>The first <see cref="TotalCap"/> + 1 matches, newest first: for the total, the facets and, usually, the page.</summary>
    private async Task<List<MatchedRow>> MatchesAsync(Plan plan, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {HitColumns}, e.type_code, e.register_id, e.unit_id, e.state " +
            $"FROM {plan.From} WHERE {plan.Where} ORDER BY {plan.Order(SearchSort.Newest)} LIMIT {TotalCap + 1}";
        var rows = new List<MatchedRow>();
        await using var command = Command(sql, plan.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hit = HitOf(reader, plan);
            rows.Add(new MatchedRow(reader.GetInt64(0), hit, new FacetRow(hit.Kind, Text(reader, 12), hit.TypeName, hit.Organ, Text(reader, 13),
                hit.RegisterName, Text(reader, 14), hit.UnitName, Text(reader, 15), hit.StateName)));
        }

        return rows;
    }

    private async Task<List<SearchHit>> HitsAsync(Plan plan, int skip, int take, SearchSort sort, CancellationToken cancellationToken)
    {
        var sql = sort == SearchSort.Relevance && plan.Rank is not null
            ? $"SELECT {HitColumns} FROM (SELECT e.id AS entry_id, {plan.Rank} AS score, {plan.Key} AS k FROM {plan.From} WHERE {plan.Where} " +
                $"ORDER BY {plan.Key} DESC LIMIT {TotalCap}) x JOIN search_entries e ON e.id = x.entry_id ORDER BY x.score ASC, x.k DESC LIMIT {take} OFFSET {skip}"
            : $"SELECT {HitColumns} FROM {plan.From} WHERE {plan.Where} ORDER BY {plan.Order(sort)} LIMIT {take} OFFSET {skip}";
        var rows = new List<(long Id, SearchHit Hit)>();
        await using (var command = Command(sql, plan.Parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), HitOf(reader, plan)));
            }
        }

        return await WithSnippetsAsync(plan, rows, cancellationToken);
    }

    /// <summary>A hit from the <see cref="HitColumns"/> of a row, without its snippet.</summary>
    private static SearchHit HitOf(DbDataReader reader, Plan plan)
    {
        var kind = reader.GetString(1);
        return new SearchHit(kind, plan.KindNames.GetValueOrDefault(kind, kind), GuidOf(reader.GetValue(2)), reader.GetString(3), Text(reader, 4),
            reader.GetString(5), DateOf(reader.GetValue(6)), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11), null);
    }

    /// <summary>The hits with their snippets, from the bodies of those entries only.</summary>
    private async Task<List<SearchHit>> WithSnippetsAsync(Plan plan, List<(long Id, SearchHit Hit)> rows, CancellationToken cancellationToken)
    {
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
