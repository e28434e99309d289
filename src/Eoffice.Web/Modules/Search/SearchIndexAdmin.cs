using System.Globalization;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Rebuild and check of the index, for administrators (API, page <c>/quan-tri/tim-kiem</c>, console commands
/// <c>search-rebuild</c> and <c>search-check</c>). The check compares, per kind, the source's items with the index's
/// entries (missing, extra, entries without a full-text row under their key, entries marked for re-indexing) and, for a sample, the hash of what the index holds with
/// the hash of the item as its source gives it now (drift). The rebuild rewrites every item of every kind, in batches,
/// and removes entries whose item is gone. Both cover every agency of the installation (sources list items by kind).
/// </summary>
public sealed class SearchIndexAdmin(EofficeDbContext db, SearchIndexer indexer, IAuditLog audit)
{
    public const int BatchSize = 200;
    public const int DefaultSample = 100;
    private const int ListedIds = 20;

    public sealed record KindCheck(
        string Kind,
        string Name,
        int InSource,
        int InIndex,
        int Missing,
        int Extra,
        int WithoutFullText,
        int Marked,
        int Sampled,
        int Drifted,
        IReadOnlyList<Guid> MissingItems,
        IReadOnlyList<Guid> ExtraItems,
        IReadOnlyList<Guid> DriftedItems)
    {
        public bool Consistent => Missing == 0 && Extra == 0 && WithoutFullText == 0 && Marked == 0 && Drifted == 0;
    }

    public sealed record CheckReport(DateTime CheckedAt, bool Consistent, IReadOnlyList<KindCheck> Kinds);

    public sealed record KindRebuild(string Kind, string Name, int Items, int Removed);

    public sealed record RebuildReport(DateTime StartedAt, double Seconds, IReadOnlyList<KindRebuild> Kinds);

    public async Task<CheckReport> CheckAsync(int sample, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var kinds = new List<KindCheck>();
        foreach (var source in indexer.Sources)
        {
            var items = await AllItemIdsAsync(source, cancellationToken);
            var entries = await db.Set<SearchEntry>().AsNoTracking().Where(e => e.Kind == source.Kind)
                .Select(e => new { e.Id, e.ItemId }).ToListAsync(cancellationToken);
            var indexed = entries.Select(e => e.ItemId).ToHashSet();
            var missing = items.Where(i => !indexed.Contains(i)).ToList();
            var extra = entries.Where(e => !items.Contains(e.ItemId)).Select(e => e.ItemId).ToList();
            var withoutText = await WithoutFullTextAsync(source.Kind, cancellationToken);
            var marked = await db.Set<SearchEntry>().CountAsync(e => e.Kind == source.Kind && e.ContentHash == "", cancellationToken);
            var both = entries.Where(e => items.Contains(e.ItemId)).Select(e => e.ItemId).ToList();
            var sampled = both.Count <= sample ? both : both.OrderBy(_ => Random.Shared.Next()).Take(sample).ToList();
            var drifted = new List<Guid>();
            foreach (var chunk in sampled.Chunk(BatchSize))
            {
                var prepared = (await indexer.PrepareAsync(source.Kind, await source.LoadAsync(chunk, cancellationToken), cancellationToken))
                    .ToDictionary(p => p.Item.ItemId);
                var stored = await db.Set<SearchEntry>().AsNoTracking().Include(e => e.Text).Include(e => e.Readers).Include(e => e.Files).AsSplitQuery()
                    .Where(e => e.Kind == source.Kind && chunk.Contains(e.ItemId)).ToListAsync(cancellationToken);
                foreach (var entry in stored)
                {
                    var held = SearchIndexer.HashOf(entry, entry.Text?.Body ?? "", entry.Readers.Select(r => r.PrincipalId), entry.Files.Select(f => f.FileId));
                    if (!prepared.TryGetValue(entry.ItemId, out var now) || now.Hash != held || entry.ContentHash != held)
                    {
                        drifted.Add(entry.ItemId);
                    }
                }
            }

            kinds.Add(new KindCheck(source.Kind, source.Name, items.Count, entries.Count, missing.Count, extra.Count, withoutText, marked, sampled.Count,
                drifted.Count, missing.Take(ListedIds).ToList(), extra.Take(ListedIds).ToList(), drifted.Take(ListedIds).ToList()));
        }

        return new CheckReport(started, kinds.All(k => k.Consistent), kinds);
    }

    public async Task<RebuildReport> RebuildAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var kinds = new List<KindRebuild>();
        foreach (var source in indexer.Sources)
        {
            var count = 0;
            var seen = new HashSet<Guid>();
            Guid? after = null;
            while (true)
            {
                var ids = await source.ItemIdsAsync(after, BatchSize, cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }

                await indexer.ReindexAsync(source.Kind, ids, cancellationToken, force: true);
                seen.UnionWith(ids);
                count += ids.Count;
                after = ids[^1];
            }

            var stale = (await db.Set<SearchEntry>().AsNoTracking().Where(e => e.Kind == source.Kind).Select(e => new { e.Id, e.ItemId })
                .ToListAsync(cancellationToken)).Where(e => !seen.Contains(e.ItemId)).Select(e => e.Id).ToList();
            var removed = 0;
            foreach (var chunk in stale.Chunk(BatchSize))
            {
                removed += await indexer.RemoveEntriesAsync(chunk, cancellationToken);
            }

            kinds.Add(new KindRebuild(source.Kind, source.Name, count, removed));
        }

        var report = new RebuildReport(started, Math.Round(clock.Elapsed.TotalSeconds, 1), kinds);
        await audit.RecordAsync(new AuditEvent("search.rebuild", "search-index", null,
            Details: string.Join("; ", kinds.Select(k => $"{k.Name}: {k.Items} mục, xóa {k.Removed}")) +
                $" ({report.Seconds.ToString(CultureInfo.InvariantCulture)} giây)"), cancellationToken);
        return report;
    }

    private static async Task<HashSet<Guid>> AllItemIdsAsync(Contracts.ISearchSource source, CancellationToken cancellationToken)
    {
        var all = new HashSet<Guid>();
        Guid? after = null;
        while (true)
        {
            var ids = await source.ItemIdsAsync(after, 5000, cancellationToken);
            if (ids.Count == 0)
            {
                return all;
            }

            all.UnionWith(ids);
            after = ids[^1];
        }
    }

    private async Task<int> WithoutFullTextAsync(string kind, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        var sql = sqlite
            ? $"SELECT count(*) AS \"Value\" FROM search_entries e WHERE e.kind = {{0}} AND NOT EXISTS (SELECT 1 FROM search_fts WHERE search_fts.rowid = {SearchKey.Sql(true, "e")})"
            : $"SELECT count(*)::int AS \"Value\" FROM search_entries e WHERE e.kind = {{0}} AND NOT EXISTS (SELECT 1 FROM search_fts f WHERE f.entry_id = e.id AND f.key = {SearchKey.Sql(false, "e")})";
        return await db.Database.SqlQueryRaw<int>(sql, kind).SingleAsync(cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/rebuild", async Task<Ok<RebuildReport>> (SearchIndexAdmin handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RebuildAsync(ct)))
            .RequireAuthorization(Policies.For(PlatformPermissions.ManageJobs))
            .WithName("RebuildSearchIndex")
            .WithSummary("Xây dựng lại chỉ mục tìm kiếm: ghi lại mọi mục của mọi loại, xóa mục không còn; trả về số lượng.");

        group.MapGet("/check", async Task<Ok<CheckReport>> (int? sample, SearchIndexAdmin handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CheckAsync(Math.Clamp(sample ?? DefaultSample, 1, 5000), ct)))
            .RequireAuthorization(Policies.For(PlatformPermissions.ManageJobs))
            .WithName("CheckSearchIndex")
            .WithSummary("Kiểm tra chỉ mục tìm kiếm: số mục theo dữ liệu và trong chỉ mục, thiếu, thừa, và các mục lệch nội dung trong một mẫu.");
    }
}

/// <summary><c>search-rebuild</c>: rebuilds the whole index from the data.</summary>
public sealed class SearchRebuildCommand(SearchIndexAdmin admin) : IConsoleCommand
{
    public string Name => "search-rebuild";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await admin.RebuildAsync(cancellationToken);
        foreach (var kind in report.Kinds)
        {
            await output.WriteLineAsync($"{kind.Name} ({kind.Kind}): {kind.Items} mục đã ghi, {kind.Removed} mục thừa đã xóa.");
        }

        await output.WriteLineAsync($"Xong sau {report.Seconds.ToString(CultureInfo.InvariantCulture)} giây.");
        return 0;
    }
}

/// <summary><c>search-check [--sample N]</c>: compares the index with the data; exit code 1 when they differ.</summary>
public sealed class SearchCheckCommand(SearchIndexAdmin admin) : IConsoleCommand
{
    public string Name => "search-check";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var sample = int.TryParse(arguments.Option("--sample"), CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100_000) : SearchIndexAdmin.DefaultSample;
        var report = await admin.CheckAsync(sample, cancellationToken);
        foreach (var k in report.Kinds)
        {
            await output.WriteLineAsync($"{k.Name} ({k.Kind}): dữ liệu {k.InSource}, chỉ mục {k.InIndex}, thiếu {k.Missing}, thừa {k.Extra}, " +
                $"không có chỉ mục văn bản {k.WithoutFullText}, chờ ghi lại {k.Marked}, lệch {k.Drifted}/{k.Sampled} mục mẫu.");
        }

        await output.WriteLineAsync(report.Consistent ? "Chỉ mục khớp với dữ liệu." : "Chỉ mục KHÔNG khớp với dữ liệu: chạy search-rebuild.");
        return report.Consistent ? 0 : 1;
    }
}
