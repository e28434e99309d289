using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Platform.Jobs;

namespace Eoffice.Web.Modules.Search.Contracts;

/// <summary>A kind a module added to the index: its source type and the events after which an item is re-indexed.</summary>
public sealed record SearchSourceRegistration(string Kind, Type SourceType, IReadOnlyList<string> Events);

public static class SearchSourceServices
{
    /// <summary>
    /// Adds <typeparamref name="TSource"/> as the source of <paramref name="kind"/>, and re-indexes the owner of every
    /// <paramref name="events"/> (a <see cref="TimelineEvent"/>) through the outbox. Call it in the module's Add…Module.
    /// </summary>
    public static IServiceCollection AddSearchSource<TSource>(this IServiceCollection services, string kind, IEnumerable<string> events)
        where TSource : class, ISearchSource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var names = events.Distinct(StringComparer.Ordinal).ToList();
        services.AddScoped<TSource>();
        services.AddScoped<ISearchSource>(sp => sp.GetRequiredService<TSource>());
        services.AddSingleton(new SearchSourceRegistration(kind, typeof(TSource), names));
        foreach (var name in names)
        {
            services.AddKeyedScoped<IOutboxHandler<TimelineEvent>>(name, (sp, _) => sp.GetRequiredService<ISearchReindexing>());
        }

        return services;
    }
}

/// <summary>The search module's subscriber that re-indexes an event's owner (registered by the search module).</summary>
public interface ISearchReindexing : IOutboxHandler<TimelineEvent>;
