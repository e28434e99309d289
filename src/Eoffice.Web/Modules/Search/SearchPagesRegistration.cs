using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// The search pages' part of the search module: saved searches (API <c>/api/v1/search/saved</c>), the export of results
/// (<c>/tim-kiem/xuat</c>) and the re-run link of a saved search (<c>/tim-kiem/da-luu/{id}</c>). Called from
/// <c>SearchModule</c> (<c>AddSearchPages</c> in <c>AddSearchModule</c>, <c>MapSearchPages</c> in <c>MapSearchModule</c>).
/// </summary>
public static class SearchPagesRegistration
{
    public static IServiceCollection AddSearchPages(this IServiceCollection services)
    {
        services.AddScoped<SavedSearches>();
        services.AddScoped<SaveSearch>();
        services.AddScoped<ListSavedSearches>();
        services.AddScoped<RenameSavedSearch>();
        services.AddScoped<DeleteSavedSearch>();
        services.AddScoped<RunSavedSearch>();
        services.AddScoped<ExportSearchResults>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearchPages(this IEndpointRouteBuilder endpoints)
    {
        var saved = endpoints.MapGroup("/api/v1/search/saved").WithTags("Tìm kiếm").WithRequestValidation().RequireAuthorization();
        ListSavedSearches.Map(saved);
        SaveSearch.Map(saved);
        RenameSavedSearch.Map(saved);
        DeleteSavedSearch.Map(saved);
        RunSavedSearch.Map(saved);

        ExportSearchResults.Map(endpoints);
        endpoints.MapGet("/tim-kiem/da-luu/{id:guid}", async Task<Results<RedirectHttpResult, NotFound>> (Guid id, RunSavedSearch handler, CancellationToken ct) =>
                await handler.TryStartAsync(id, ct) is { } saved ? TypedResults.Redirect(saved.Url) : TypedResults.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }
}
