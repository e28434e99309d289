using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// Blobs as files under <see cref="StorageOptions.Path"/>: <c>ab/cd/abcdef…</c> (the full SHA-256 as the name).
/// Uploads go to <c>.tmp/up-*</c> on the same volume, are flushed to disk and then renamed into place, so a blob
/// under its hash is always complete; a process killed mid-write leaves only a temporary file that
/// <see cref="CleanUpAsync"/> removes after the grace period.
/// </summary>
public sealed class FileSystemBlobStore(IOptions<StorageOptions> options, TimeProvider time) : IBlobStore
{
    private const string TemporaryFolder = ".tmp";
    private const string UploadPrefix = "up-";
    private const string ProbePrefix = "probe-";
    private const string DeletionPrefix = "gc-";
    private const int BufferSize = 81920;

    /// <summary>The store's root folder (absolute).</summary>
    public string RootPath { get; } = options.Value.Path;

    private string TemporaryPath => Path.Combine(RootPath, TemporaryFolder);

    public async Task<BlobWriteResult> WriteAsync(Stream content, long maxLength, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(TemporaryPath);
        var temporaryFile = Path.Combine(TemporaryPath, UploadPrefix + Guid.NewGuid().ToString("N"));
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long length = 0;
            string sha256;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                await using (var file = new FileStream(temporaryFile, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    Share = FileShare.None,
                    Options = FileOptions.Asynchronous,
                }))
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                    {
                        length += read;
                        if (length > maxLength)
                        {
                            throw new BlobTooLargeException(maxLength);
                        }

                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }

                    // Durable before it becomes visible under its hash (and so before any row can point to it).
                    file.Flush(flushToDisk: true);
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = ContentPath(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            PlaceOrRefresh(temporaryFile, target, length);
            return new BlobWriteResult(sha256, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(temporaryFile);
        }
    }

    /// <summary>
    /// Moves the new content into place; if the same content is already there, keeps it (deduplication) and refreshes
    /// its time stamp so that the garbage collector treats it as just written. A concurrent deletion that has already
    /// taken the old copy away makes the move succeed on the next round.
    /// </summary>
    private static void PlaceOrRefresh(string temporaryFile, string target, long length)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                File.Move(temporaryFile, target, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(target) && attempt < 3)
            {
            }

            try
            {
                var existing = new FileInfo(target);
                if (existing.Length != length)
                {
                    // Same hash, different size: the stored copy is damaged. The fresh, verified content replaces it.
                    File.Move(temporaryFile, target, overwrite: true);
                    return;
                }

                existing.LastWriteTimeUtc = DateTime.UtcNow;
                return;
            }
            catch (FileNotFoundException)
            {
                // Collected between our two steps: place our own copy on the next round.
            }
        }
    }

    public Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = ContentPath(sha256);
        FileStream file;
        try
        {
            file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = BufferSize,
            });
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(sha256);
        }

        return Task.FromResult<Stream>(new VerifyingReadStream(file, sha256, file.Length));
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(DateTimeOffset writtenBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(RootPath))
        {
            yield break;
        }

        foreach (var first in Directory.EnumerateDirectories(RootPath))
        {
            if (!IsHexName(Path.GetFileName(first), 2))
            {
                continue;
            }

            foreach (var second in Directory.EnumerateDirectories(first))
            {
                if (!IsHexName(Path.GetFileName(second), 2))
                {
                    continue;
                }

                foreach (var path in Directory.EnumerateFiles(second))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var name = Path.GetFileName(path);
                    if (!IsHexName(name, 64) || !path.Equals(ContentPath(name), StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var info = new FileInfo(path);
                    if (info.Exists && info.LastWriteTimeUtc < writtenBefore.UtcDateTime)
                    {
                        yield return new BlobInfo(name, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
                    }
                }

                await Task.Yield();
            }
        }
    }

    public async Task<bool> DeleteIfUnreferencedAsync(string sha256, DateTimeOffset writtenBefore,
        Func<CancellationToken, Task<bool>> isReferenced, CancellationToken cancellationToken = default)
    {
        var path = ContentPath(sha256);
        var info = new FileInfo(path);
        if (!info.Exists || info.LastWriteTimeUtc >= writtenBefore.UtcDateTime)
        {
            return false;
        }

        // Take the blob out of reach first: an upload of the same content from now on finds nothing and places its
        // own copy; one that refreshed the blob before this move shows in the time stamp read below.
        Directory.CreateDirectory(TemporaryPath);
        var parked = Path.Combine(TemporaryPath, DeletionPrefix + sha256);
        try
        {
            File.Move(path, parked, overwrite: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        bool keep;
        try
        {
            keep = File.GetLastWriteTimeUtc(parked) >= writtenBefore.UtcDateTime || await isReferenced(cancellationToken);
        }
        catch
        {
            Restore(parked, path);
            throw;
        }

        if (keep)
        {
            Restore(parked, path);
            return false;
        }

        File.Delete(parked);
        return true;
    }

    private static void Restore(string parked, string path)
    {
        try
        {
            File.Move(parked, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // An upload placed the same content again meanwhile; the parked copy is redundant.
            File.Delete(parked);
        }
        catch (FileNotFoundException)
        {
            // Already restored or deleted by another run.
        }
    }

    public Task<int> CleanUpAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(TemporaryPath))
        {
            return Task.FromResult(0);
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(TemporaryPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (name.StartsWith(DeletionPrefix, StringComparison.Ordinal))
            {
                // A deletion interrupted between its steps: put the blob back; the next run decides again.
                var sha256 = name[DeletionPrefix.Length..];
                if (IsHexName(sha256, 64))
                {
                    var target = ContentPath(sha256);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    Restore(path, target);
                }

                continue;
            }

            if ((name.StartsWith(UploadPrefix, StringComparison.Ordinal) || name.StartsWith(ProbePrefix, StringComparison.Ordinal))
                && File.GetLastWriteTimeUtc(path) < olderThan.UtcDateTime)
            {
                File.Delete(path);
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(TemporaryPath);
        var probe = Path.Combine(TemporaryPath, ProbePrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16, useAsync: true))
            {
                await file.WriteAsync(BitConverter.GetBytes(time.GetUtcNow().Ticks), cancellationToken);
                file.Flush(flushToDisk: true);
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }

    /// <summary>Where the blob with this hash lives. Rejects anything that is not a SHA-256 in lower-case hex.</summary>
    public string ContentPath(string sha256)
    {
        if (!IsHexName(sha256, 64))
        {
            throw new ArgumentException("Not a lower-case hexadecimal SHA-256.", nameof(sha256));
        }

        return Path.Combine(RootPath, sha256[..2], sha256[2..4], sha256);
    }

    private static bool IsHexName(string name, int length) =>
        name.Length == length && name.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
