using Eoffice.Web.Modules.Search;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Search;

/// <summary>
/// Tìm kiếm (/tim-kiem): the words and filters (with the facets' counts), the sort, the result columns (remembered per
/// person in a cookie, and kept with a saved search), paging, the snippet, the exports, and the person's saved searches
/// ("Lưu tìm kiếm", "Tìm kiếm đã lưu"). The search itself is <see cref="RunSearch"/>, as for <c>GET /api/v1/search</c>.
/// </summary>
public sealed class IndexModel(RunSearch search, SavedSearches savedSearches, ListSavedSearches listSaved, SaveSearch save, DeleteSavedSearch delete,
    RenameSavedSearch rename, ICurrentUser currentUser)
    : FormPageModel
{
    /// <summary>The cookie that remembers the chosen columns: "&lt;user id&gt;|code,date,…" (another person's is ignored).</summary>
    public const string ColumnsCookie = "eoffice.search.cols";

    public SearchRequest Query { get; private set; } = new();

    public IReadOnlyList<SearchColumn> Columns { get; private set; } = SearchColumns.Default;

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<SavedSearchView> Saved { get; private set; } = [];

    [BindProperty]
    public SaveSearch.Request? Input { get; set; }

    /// <summary>"Đổi tên" of one saved search (<see cref="Renaming"/>): its new name.</summary>
    [BindProperty]
    public RenameSavedSearch.Request? Rename { get; set; }

    /// <summary>The saved search being renamed, to show the refused name beside its own field again.</summary>
    [BindProperty]
    public Guid? Renaming { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool HasCriteria => SearchQueryString.HasCriteria(Query);

    /// <summary>Whether the person keeps saved searches (an installation administrator, of no agency, does not).</summary>
    public bool CanSave => savedSearches.CanKeep;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchQueryString.FromValues(key => Request.Query[key]) with { PageSize = 20 };
        Columns = ChosenColumns();
        await LoadAsync(cancellationToken);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Query = SearchQueryString.Parse(Input?.Query ?? Request.Form["back"].ToString()) with { PageSize = 20 };
        Columns = SearchColumns.Parse(string.Join(',', Input?.Columns ?? [])) ?? SearchColumns.Default;
        await LoadAsync(cancellationToken);
    }

    /// <summary>Lưu tìm kiếm: the posted query (hidden) and columns under the name typed.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var saved = await save.HandleAsync(Input!, cancellationToken);
        Message = $"Đã lưu tìm kiếm “{saved.Name}”.";
        return Redirect(saved.Url);
    }

    /// <summary>Đổi tên: the new name of one's own saved search; an empty, too long or already used name is refused beside the field.</summary>
    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? back, CancellationToken cancellationToken)
    {
        var renamed = await rename.HandleAsync(id, Rename!, cancellationToken);
        Message = $"Đã đổi tên tìm kiếm thành “{renamed.Name}”.";
        return Redirect("/tim-kiem" + (string.IsNullOrEmpty(back) ? "" : "?" + SearchQueryString.Format(SearchQueryString.Parse(back))));
    }

    [RuleErrorsUnder("Saved")]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? back, CancellationToken cancellationToken)
    {
        await delete.HandleAsync(id, cancellationToken);
        Message = "Đã xóa tìm kiếm đã lưu.";
        return Redirect("/tim-kiem" + (string.IsNullOrEmpty(back) ? "" : "?" + SearchQueryString.Format(SearchQueryString.Parse(back))));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Saved = await listSaved.HandleAsync(cancellationToken);
        var errors = Query.Validate();
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field, messages[0]);
        }

        // A refused "Lưu tìm kiếm" keeps its message beside the name and still shows the results.
        if (HasCriteria && errors.Count == 0)
        {
            Results = await search.HandleAsync(Query, cancellationToken);
        }
    }

    /// <summary>The columns asked for (<c>cols</c>, then remembered), else the remembered ones, else the default.</summary>
    private IReadOnlyList<SearchColumn> ChosenColumns()
    {
        var owner = currentUser.Id?.ToString("N") ?? "";
        if (Request.Query.ContainsKey("cols") && SearchColumns.Parse(string.Join(',', Request.Query["cols"].ToArray())) is { } asked)
        {
            Response.Cookies.Append(ColumnsCookie, owner + "|" + SearchColumns.Format(asked), new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/tim-kiem",
                MaxAge = TimeSpan.FromDays(365),
            });
            return asked;
        }

        return Request.Cookies[ColumnsCookie] is { } cookie && cookie.Split('|', 2) is [var user, var codes] && user == owner
            ? SearchColumns.Parse(codes) ?? SearchColumns.Default
            : SearchColumns.Default;
    }

    /// <summary>How many filters are set (the phone's "Bộ lọc" button says so).</summary>
    public int ActiveFilters =>
        new object?[] { Query.Kind, Query.From, Query.To, Query.Type, Query.Organ, Query.RegisterId, Query.UnitId, Query.State }.Count(v => v is not null);

    /// <summary>The filters are shown unfolded on a phone when some are set or one is wrong.</summary>
    public bool FiltersOpen => ActiveFilters > 0 || !ModelState.IsValid;

    public string ColumnsValue => SearchColumns.Format(Columns);

    public bool Shows(string code) => Columns.Any(c => c.Code == code);

    /// <summary>This search at another page or sort (the columns are remembered and need not travel).</summary>
    public string LinkTo(int? page = null, SearchSort? sort = null) =>
        SearchQueryString.Url("/tim-kiem", Query with { Page = page ?? 1, Sort = sort ?? Query.Sort });

    public string ExportLink(string format) =>
        SearchQueryString.Url("/tim-kiem/xuat", Query, withPage: false, [new("format", format), new("cols", ColumnsValue)]);

    public string SavedQuery => SearchQueryString.Format(Query, withPage: false);

    public int PageCount => Results is { } r ? Math.Clamp((r.Total + r.PageSize - 1) / Math.Max(1, r.PageSize), 1, 1000) : 1;

    /// <summary>The facet's options, with the chosen value kept when the facets no longer list it.</summary>
    public static IReadOnlyList<SearchFacetCount> Options(IReadOnlyList<SearchFacetCount>? facets, string? chosen)
    {
        var list = (facets ?? []).ToList();
        if (!string.IsNullOrEmpty(chosen) && !list.Any(f => string.Equals(f.Value, chosen, StringComparison.OrdinalIgnoreCase)))
        {
            list.Insert(0, new SearchFacetCount(chosen, chosen, 0));
        }

        return list;
    }
}
