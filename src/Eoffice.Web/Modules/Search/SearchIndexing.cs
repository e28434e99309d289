using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Keeps the index following the data, as a subscriber of the events its sources named (<c>AddSearchSource</c>): the
/// event's owner of that kind is loaded again and re-indexed, or removed when its source no longer returns it.
/// </summary>
public sealed class SearchIndexing(SearchIndexer indexer, IEnumerable<SearchSourceRegistration> registrations) : ISearchReindexing
{
    public async Task HandleAsync(TimelineEvent message, CancellationToken cancellationToken)
    {
        foreach (var registration in registrations.Where(r => r.Events.Contains(message.Name, StringComparer.Ordinal)))
        {
            await indexer.ReindexAsync(registration.Kind, [message.OwnerId], cancellationToken);
        }
    }
}

/// <summary>When a file's text is extracted (or its extraction ended), re-indexes every item holding that file.</summary>
public sealed class SearchFileIndexing(SearchIndexer indexer, EofficeDbContext db) : IOutboxHandler<FileTextExtracted>
{
    public async Task HandleAsync(FileTextExtracted message, CancellationToken cancellationToken)
    {
        var holders = await db.Set<SearchEntryFile>().AsNoTracking().Where(f => f.FileId == message.FileId)
            .Join(db.Set<SearchEntry>(), f => f.EntryId, e => e.Id, (f, e) => new { e.Kind, e.ItemId })
            .ToListAsync(cancellationToken);
        foreach (var kind in holders.GroupBy(h => h.Kind))
        {
            if (indexer.Source(kind.Key) is not null)
            {
                await indexer.ReindexAsync(kind.Key, kind.Select(h => h.ItemId).ToList(), cancellationToken);
            }
        }
    }
}
