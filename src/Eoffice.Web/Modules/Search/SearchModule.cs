using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.TextExtraction;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// The one search index of every kind of item (ADR 0025): modules add their kinds with <c>AddSearchSource</c>
/// (Contracts); the index follows their events and the extracted texts of their files; the query engine
/// (<see cref="RunSearch"/>), its JSON API, and the rebuild and check. The module's only door.
/// </summary>
public static class SearchModule
{
    public static IServiceCollection AddSearchModule(this IServiceCollection services)
    {
        services.AddScoped<SearchIndexer>();
        services.AddScoped<RunSearch>();
        services.AddScoped<Contracts.ISearchReindexing, SearchIndexing>();
        services.AddScoped<SearchIndexAdmin>();
        services.AddScoped<SearchReindexMarkedJob>();
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<SearchReindexMarkedJob>());
        services.AddScoped<Platform.IConsoleCommand, SearchRebuildCommand>();
        services.AddScoped<Platform.IConsoleCommand, SearchCheckCommand>();
        services.AddOutboxSubscriber<FileTextExtracted, SearchFileIndexing>([FileTextEvents.Extracted]);
        services.AddSearchPages();
        services.AddSingleton(new NavigationItem("Nav.SearchIndex", "/quan-tri/tim-kiem", Platform.PlatformPermissions.ManageJobs, NavigationSections.Administration, 85));
        return services;
    }

    public static IEndpointRouteBuilder MapSearchModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/search").WithTags("Tìm kiếm").WithRequestValidation().RequireAuthorization();
        RunSearch.Map(group);
        SearchIndexAdmin.Map(group);
        endpoints.MapSearchPages();
        return endpoints;
    }
}
