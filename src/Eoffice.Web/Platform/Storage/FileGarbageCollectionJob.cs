using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// Deletes contents no <see cref="StoredFile"/> references once they are older than the grace period (uploads
/// abandoned by a crash, a failed request, or files whose last reference was deleted), and temporary files left by
/// interrupted uploads. A young unreferenced content is kept: its row may still be on its way.
/// </summary>
public sealed class FileGarbageCollectionJob(
    EofficeDbContext db,
    IBlobStore blobs,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<FileGarbageCollectionJob> logger) : IRecurringJob
{
    private const int BatchSize = 500;

    public string Name => "files.garbage-collection";

    public string DisplayName => "Dọn tệp không còn sử dụng";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writtenBefore = time.GetUtcNow() - options.Value.GarbageGracePeriod;
        var temporaryRemoved = await blobs.CleanUpAsync(writtenBefore, cancellationToken);

        var deleted = 0;
        long freed = 0;
        var batch = new List<BlobInfo>(BatchSize);
        await foreach (var blob in blobs.ListAsync(writtenBefore, cancellationToken))
        {
            batch.Add(blob);
            if (batch.Count == BatchSize)
            {
                (deleted, freed) = Add((deleted, freed), await CollectAsync(batch, writtenBefore, cancellationToken));
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            (deleted, freed) = Add((deleted, freed), await CollectAsync(batch, writtenBefore, cancellationToken));
        }

        logger.LogInformation(
            "File garbage collection: {Deleted} unreferenced content(s) deleted ({Freed} bytes), {Temporary} temporary file(s) removed.",
            deleted, freed, temporaryRemoved);
    }

    private async Task<(int Deleted, long Freed)> CollectAsync(List<BlobInfo> batch, DateTimeOffset writtenBefore, CancellationToken cancellationToken)
    {
        var hashes = batch.Select(b => b.Sha256).ToList();
        var referenced = (await db.Set<StoredFile>().AsNoTracking()
                .Where(f => hashes.Contains(f.Sha256))
                .Select(f => f.Sha256)
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var deleted = 0;
        long freed = 0;
        foreach (var blob in batch.Where(b => !referenced.Contains(b.Sha256)))
        {
            var sha256 = blob.Sha256;
            if (await blobs.DeleteIfUnreferencedAsync(sha256, writtenBefore,
                    ct => db.Set<StoredFile>().AsNoTracking().AnyAsync(f => f.Sha256 == sha256, ct), cancellationToken))
            {
                deleted++;
                freed += blob.Length;
            }
        }

        return (deleted, freed);
    }

    private static (int, long) Add((int Deleted, long Freed) total, (int Deleted, long Freed) more) =>
        (total.Deleted + more.Deleted, total.Freed + more.Freed);
}
