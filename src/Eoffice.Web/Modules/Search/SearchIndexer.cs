using System.Security.Cryptography;
using System.Text;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// An item ready for the index: its entry's values, its labelled text, its folded codes and words for the full text, its
/// code keys for the codes' b-tree, and the hash of it all.
/// </summary>
public sealed record IndexedItem(string Kind, SearchItem Item, string Body, string Codes, string Words, IReadOnlyList<string> CodeKeys, string Hash);

/// <summary>
/// Writes items into the index: loads them from their kind's source (and the texts of their files, when text
/// extraction is installed), then in one transaction upserts their entries, texts, readers and files and replaces their
/// full-text rows; an item its source no longer returns is removed. Safe to repeat (the subscribers' at-least-once).
/// </summary>
public sealed class SearchIndexer(EofficeDbContext db, IEnumerable<ISearchSource> sources, IServiceProvider services, TimeProvider time)
{
    private readonly IReadOnlyList<ISearchSource> sources = sources.ToList();

    public IReadOnlyList<ISearchSource> Sources => sources;

    public ISearchSource? Source(string kind) => sources.FirstOrDefault(s => s.Kind == kind);

    /// <summary>Re-indexes <paramref name="itemIds"/> of <paramref name="kind"/>; <paramref name="force"/> rewrites even unchanged ones. Returns how many were written or removed.</summary>
    public async Task<int> ReindexAsync(string kind, IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken, bool force = false)
    {
        var source = Source(kind) ?? throw new InvalidOperationException($"No search source is registered for kind '{kind}'.");
        if (itemIds.Count == 0)
        {
            return 0;
        }

        var ids = itemIds.Distinct().ToList();
        var items = await PrepareAsync(kind, await source.LoadAsync(ids, cancellationToken), cancellationToken);
        var existing = await db.Set<SearchEntry>().Include(e => e.Text).Include(e => e.Readers).Include(e => e.Files).Include(e => e.Codes).AsSplitQuery()
            .Where(e => e.Kind == kind && ids.Contains(e.ItemId)).ToListAsync(cancellationToken);
        var byItem = existing.ToDictionary(e => e.ItemId);
        var now = time.GetUtcNow().UtcDateTime;
        var written = new List<(SearchEntry Entry, IndexedItem Item)>();
        var removed = new List<SearchEntry>();
        var oldRows = new List<(long EntryId, long Key)>();
        foreach (var item in items)
        {
            if (byItem.TryGetValue(item.Item.ItemId, out var entry) && !force && entry.ContentHash == item.Hash)
            {
                continue;
            }

            if (entry is null)
            {
                entry = new SearchEntry { Kind = kind, ItemId = item.Item.ItemId };
                db.Add(entry);
            }
            else
            {
                oldRows.Add((entry.Id, SearchKey.Of(entry.Date, entry.Id))); // before the date may change: the row is re-keyed
            }

            Apply(entry, item, now);
            written.Add((entry, item));
        }

        var present = items.Select(i => i.Item.ItemId).ToHashSet();
        foreach (var gone in existing.Where(e => !present.Contains(e.ItemId)))
        {
            oldRows.Add((gone.Id, SearchKey.Of(gone.Date, gone.Id)));
            removed.Add(gone);
            db.Remove(gone);
        }

        if (written.Count == 0 && removed.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        foreach (var (entryId, key) in oldRows)
        {
            await db.Database.ExecuteSqlRawAsync(SearchFullText.DeleteSql(sqlite), [sqlite ? key : entryId], cancellationToken);
        }

        foreach (var (entry, item) in written)
        {
            await db.Database.ExecuteSqlRawAsync(SearchFullText.InsertSql(sqlite), SearchFullText.InsertValues(sqlite, entry.Id, entry.Date, item), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return written.Count + removed.Count;
    }

    /// <summary>Removes entries by id (rebuild: items their source no longer has).</summary>
    public async Task<int> RemoveEntriesAsync(IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken)
    {
        if (entryIds.Count == 0)
        {
            return 0;
        }

        var ids = entryIds.ToList();
        var rows = await db.Set<SearchEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Date }).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        foreach (var row in rows)
        {
            await db.Database.ExecuteSqlRawAsync(SearchFullText.DeleteSql(sqlite), [sqlite ? SearchKey.Of(row.Date, row.Id) : row.Id], cancellationToken);
        }

        var count = await db.Set<SearchEntry>().Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>The items as the index would store them, with the texts of their files.</summary>
    public async Task<IReadOnlyList<IndexedItem>> PrepareAsync(string kind, IReadOnlyList<SearchItem> items, CancellationToken cancellationToken)
    {
        var fileIds = items.SelectMany(i => i.FileIds).Distinct().ToList();
        var texts = fileIds.Count > 0 && services.GetService<IFileTexts>() is { } fileTexts
            ? await fileTexts.TextsAsync(fileIds, cancellationToken)
            : new Dictionary<Guid, string>();
        return items.Select(i => Prepare(kind, i, texts)).ToList();
    }

    public static IndexedItem Prepare(string kind, SearchItem item, IReadOnlyDictionary<Guid, string> fileTexts)
    {
        var body = new StringBuilder();
        foreach (var field in item.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)))
        {
            body.Append(field.Name).Append(": ").Append(VietnameseText.Normalize(field.Text!.Trim())).Append('\n');
        }

        foreach (var fileId in item.FileIds.Distinct())
        {
            if (fileTexts.TryGetValue(fileId, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                body.Append("Tệp: ").Append(VietnameseText.Normalize(text.Trim())).Append('\n');
            }
        }

        var bodyText = body.Length > SearchText.MaxIndexedLength ? body.ToString(0, SearchText.MaxIndexedLength) : body.ToString();
        var itemCodes = item.Fields.Where(f => f.IsCode).Select(f => f.Text).Append(item.Code).ToList();
        var codes = SearchText.CodeText(itemCodes);
        var words = SearchText.IndexText(item.Title + "\n" + bodyText);
        var entry = new SearchEntry { Kind = kind, ItemId = item.ItemId };
        Apply(entry, item, bodyText);
        return new IndexedItem(kind, item, bodyText, codes, words, SearchText.CodeKeys(itemCodes), HashOf(entry, bodyText, item.Readers, item.FileIds));
    }

    /// <summary>The hash of what an entry holds: computed from a prepared item when indexing, and from the stored rows by the check.</summary>
    public static string HashOf(SearchEntry entry, string body, IEnumerable<Guid> readers, IEnumerable<Guid> files)
    {
        var canonical = new StringBuilder()
            .Append(entry.Kind).Append('\u001f').Append(entry.ItemId).Append('\u001f').Append(entry.AgencyId).Append('\u001f')
            .Append(entry.Title).Append('\u001f').Append(entry.Code).Append('\u001f').Append(entry.Url).Append('\u001f')
            .Append(entry.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(entry.TypeCode).Append('\u001f').Append(entry.TypeName).Append('\u001f').Append(entry.Organ).Append('\u001f')
            .Append(entry.RegisterId).Append('\u001f').Append(entry.RegisterName).Append('\u001f').Append(entry.UnitId).Append('\u001f')
            .Append(entry.UnitName).Append('\u001f').Append(entry.State).Append('\u001f').Append(entry.StateName).Append('\u001f')
            .Append(body).Append('\u001f')
            .AppendJoin(',', readers.Distinct().Order()).Append('\u001f')
            .AppendJoin(',', files.Distinct().Order());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static void Apply(SearchEntry entry, SearchItem item, string body)
    {
        static string? Cut(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
        entry.AgencyId = item.AgencyId;
        entry.Title = Cut(VietnameseText.Normalize(item.Title), SearchEntry.TitleMaxLength)!;
        entry.Code = Cut(string.IsNullOrWhiteSpace(item.Code) ? null : item.Code, SearchEntry.CodeMaxLength);
        entry.Url = Cut(item.Url, SearchEntry.UrlMaxLength)!;
        entry.Date = item.Date;
        entry.TypeCode = Cut(item.Facets.TypeCode, SearchEntry.CodeValueMaxLength);
        entry.TypeName = Cut(item.Facets.TypeName, SearchEntry.NameMaxLength);
        entry.Organ = Cut(item.Facets.Organ, SearchEntry.OrganMaxLength);
        entry.RegisterId = item.Facets.RegisterId;
        entry.RegisterName = Cut(item.Facets.RegisterName, SearchEntry.NameMaxLength);
        entry.UnitId = item.Facets.UnitId;
        entry.UnitName = Cut(item.Facets.UnitName, SearchEntry.NameMaxLength);
        entry.State = Cut(item.Facets.State, SearchEntry.CodeValueMaxLength);
        entry.StateName = Cut(item.Facets.StateName, SearchEntry.NameMaxLength);
        _ = body;
    }

    private static void Apply(SearchEntry entry, IndexedItem item, DateTime now)
    {
        Apply(entry, item.Item, item.Body);
        entry.ContentHash = item.Hash;
        entry.IndexedAt = now;
        if (entry.Text is null)
        {
            entry.Text = new SearchEntryText { Body = item.Body };
        }
        else
        {
            entry.Text.Body = item.Body;
        }

        var readers = item.Item.Readers.Distinct().ToHashSet();
        entry.Readers.RemoveAll(r => !readers.Contains(r.PrincipalId));
        foreach (var principal in readers.Where(p => entry.Readers.All(r => r.PrincipalId != p)))
        {
            entry.Readers.Add(new SearchEntryReader { PrincipalId = principal });
        }

        var files = item.Item.FileIds.Distinct().ToHashSet();
        entry.Files.RemoveAll(f => !files.Contains(f.FileId));
        foreach (var file in files.Where(f => entry.Files.All(x => x.FileId != f)))
        {
            entry.Files.Add(new SearchEntryFile { FileId = file });
        }

        entry.Codes.RemoveAll(c => !item.CodeKeys.Contains(c.Code));
        foreach (var code in item.CodeKeys.Where(k => entry.Codes.All(c => c.Code != k)))
        {
            entry.Codes.Add(new SearchEntryCode { Code = code });
        }
    }
}
