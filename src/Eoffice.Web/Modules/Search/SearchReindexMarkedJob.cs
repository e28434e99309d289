using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Re-indexes the entries marked for it (an empty content hash: every entry after migration M0041 changed the layout of
/// the full-text index, ADR 0029), in batches of <see cref="SearchIndexAdmin.BatchSize"/>, oldest entry first, for at
/// most <see cref="RunLimit"/> per run; an entry of a kind no source serves any more is removed. Until none is left the
/// index check reports them as waiting, and the entries are found again as they are written.
/// </summary>
public sealed class SearchReindexMarkedJob(EofficeDbContext db, SearchIndexer indexer, TimeProvider time, ILogger<SearchReindexMarkedJob> logger) : IRecurringJob
{
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    public string Name => "search.reindex-marked";

    public string DisplayName => "Ghi lại chỉ mục tìm kiếm cho các mục chờ cập nhật";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken) => await RunAsync(RunLimit, cancellationToken);

    /// <summary>Writes marked entries until none is left or <paramref name="limit"/> has passed; returns how many were written or removed.</summary>
    public async Task<int> RunAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var done = 0;
        var after = 0L;
        while (time.GetElapsedTime(started) < limit)
        {
            var batch = await db.Set<SearchEntry>().AsNoTracking().Where(e => e.ContentHash == "" && e.Id > after).OrderBy(e => e.Id)
                .Take(SearchIndexAdmin.BatchSize).Select(e => new { e.Id, e.Kind, e.ItemId }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id; // an entry its source still fails to write stays marked for the next run, not this loop
            foreach (var kind in batch.GroupBy(e => e.Kind))
            {
                done += indexer.Source(kind.Key) is null
                    ? await indexer.RemoveEntriesAsync(kind.Select(e => e.Id).ToList(), cancellationToken)
                    : await indexer.ReindexAsync(kind.Key, kind.Select(e => e.ItemId).ToList(), cancellationToken, force: true);
            }
        }

        if (done > 0)
        {
            logger.LogInformation("Re-indexed {Count} search entries marked for it.", done);
        }

        return done;
    }
}
