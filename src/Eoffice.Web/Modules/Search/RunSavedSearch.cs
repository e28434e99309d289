using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Chạy lại a saved search of one's own: notes when it was last run and gives its results (API
/// <c>POST /api/v1/search/saved/{id}/run?page=</c>) or the search page's link with its query and columns
/// (<c>/tim-kiem/da-luu/{id}</c>, the list's links).
/// </summary>
public sealed class RunSavedSearch(SavedSearches saved, RunSearch search)
{
    public sealed record Result(SavedSearchView Saved, SearchResults Results);

    /// <summary>Notes the run and returns the saved search (whose <see cref="SavedSearchView.Url"/> the page opens).</summary>
    public async Task<SavedSearchView> StartAsync(Guid id, CancellationToken cancellationToken) =>
        await TryStartAsync(id, cancellationToken) ?? throw Platform.Rules.RuleException.NotFound(SavedSearches.NotFoundMessage);

    /// <summary>As <see cref="StartAsync"/>, <c>null</c> for an id that is not one of the person's saved searches.</summary>
    public async Task<SavedSearchView?> TryStartAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await saved.FindAsync(id, cancellationToken);
        if (item is null)
        {
            return null;
        }

        item.MarkRun(saved.Now);
        await saved.UnitOfWork.CommitAsync(null, cancellationToken);
        return SavedSearchView.Of(item);
    }

    public async Task<Result> HandleAsync(Guid id, int page, CancellationToken cancellationToken)
    {
        var view = await StartAsync(id, cancellationToken);
        var request = SearchQueryString.Parse(view.Query) with { Page = Math.Clamp(page, 1, 1000) };
        return new Result(view, await search.HandleAsync(request, cancellationToken));
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/run", async Task<Ok<Result>> (Guid id, int? page, RunSavedSearch handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, page ?? 1, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RunSavedSearch")
            .WithSummary("Chạy lại một tìm kiếm đã lưu của mình (một trang kết quả).");
}
