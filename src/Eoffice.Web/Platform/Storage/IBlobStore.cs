namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// Immutable contents addressed by their SHA-256 (lower-case hex). A blob knows nothing of names, owners or types:
/// that is <see cref="StoredFile"/>'s job. Identical contents are stored once. Implementations: the file system
/// today; an S3-compatible store later.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store, hashing as it goes, and returns only once the blob is durable
    /// (flushed to disk and in place under its hash). Throws <see cref="BlobTooLargeException"/> as soon as more than
    /// <paramref name="maxLength"/> bytes arrive, leaving nothing behind.
    /// </summary>
    Task<BlobWriteResult> WriteAsync(Stream content, long maxLength, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a blob for reading. The stream verifies the content against its hash while it is read and throws
    /// <see cref="BlobIntegrityException"/> instead of handing out the last chunk of a corrupted blob.
    /// Throws <see cref="BlobNotFoundException"/> when the blob is missing.
    /// </summary>
    Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Blobs last written (or re-uploaded) before <paramref name="writtenBefore"/>: candidates for garbage collection.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(DateTimeOffset writtenBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a blob if it has not been written since <paramref name="writtenBefore"/> and
    /// <paramref name="isReferenced"/> still answers false once the blob is out of reach of new uploads. Safe against
    /// an upload of the same content racing with the deletion. Returns whether the blob was deleted.
    /// </summary>
    Task<bool> DeleteIfUnreferencedAsync(string sha256, DateTimeOffset writtenBefore,
        Func<CancellationToken, Task<bool>> isReferenced, CancellationToken cancellationToken = default);

    /// <summary>Removes what interrupted uploads and deletions left behind, if older than <paramref name="olderThan"/>.</summary>
    Task<int> CleanUpAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>Proves that the store can be written to (for the readiness check); throws with the reason otherwise.</summary>
    Task ProbeAsync(CancellationToken cancellationToken = default);
}

/// <summary>The address and size of content just written.</summary>
public sealed record BlobWriteResult(string Sha256, long Length);

/// <summary>A blob seen by the garbage collector.</summary>
public sealed record BlobInfo(string Sha256, long Length, DateTimeOffset LastWrittenAt);

/// <summary>The content is larger than the limit it was written with; nothing was stored.</summary>
public sealed class BlobTooLargeException(long maxLength)
    : IOException($"The content exceeds the limit of {maxLength} bytes; nothing was stored.")
{
    public long MaxLength { get; } = maxLength;
}

/// <summary>A blob that a row references is missing from the store: an operations problem, never the user's fault.</summary>
public sealed class BlobNotFoundException(string sha256)
    : IOException($"Blob {sha256} is missing from the file store.")
{
    public string Sha256 { get; } = sha256;
}

/// <summary>
/// A blob's content no longer matches its SHA-256 (disk corruption, tampering): the read is failed rather than
/// serving altered content.
/// </summary>
public sealed class BlobIntegrityException(string sha256, string reason)
    : IOException($"Blob {sha256} failed its integrity check: {reason}.")
{
    public string Sha256 { get; } = sha256;
}
