namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Placeholder of the search engine built on branch h-search (replaced at merge): the same members, each throwing, so
/// that the search pages, saved searches and exports compile and are wired before the engine is merged.
/// </summary>
public sealed class RunSearch
{
    public Task<SearchResults> HandleAsync(SearchRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The search engine arrives with branch h-search.");

    public Task<IReadOnlyList<SearchHit>> AllAsync(SearchRequest request, int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The search engine arrives with branch h-search.");

    public Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string q, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The search engine arrives with branch h-search.");
}
