using System.Text;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// The file store as modules use it: save an upload (content sniffed, size limited, content made durable before its
/// row), look a file up and read it back, with the access rules of <see cref="IFileAccessPolicy"/>.
/// </summary>
public sealed class FileStore(
    EofficeDbContext db,
    IBlobStore blobs,
    IEnumerable<IFileAccessPolicy> policies,
    ICurrentUser currentUser,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<FileStore> logger)
{
    /// <summary>The same answer for "no such file" and "not yours", so that ids cannot be probed.</summary>
    public const string NotFoundMessage = "Không tìm thấy tệp hoặc bạn không có quyền truy cập.";

    /// <summary>When each content staged in this scope was in place (wall clock, as the blob store's time stamps).</summary>
    private readonly Dictionary<Guid, DateTimeOffset> stagedAt = [];

    /// <summary>
    /// Saves one file and commits its row. The content goes to the blob store first and is durable before the row is
    /// saved, so a crash in between leaves an unreferenced blob (collected later), never a row without its content.
    /// Throws <see cref="FileRejectedException"/> (415 or 413) for a refused type or an oversized file; nothing is
    /// stored then.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, string fileName, string? declaredContentType, CancellationToken cancellationToken = default)
    {
        var file = await StageAsync(content, fileName, declaredContentType, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>
    /// Like <see cref="SaveAsync"/>, but leaves the new row added to the request's <see cref="EofficeDbContext"/>
    /// without saving: the caller commits it together with its own change (the document the file is attached to),
    /// or drops it. The content is already durable when this returns. A caller's tighter limit (a unit's remaining
    /// quota, <see cref="UploadRoom"/>) is refused with its own message.
    /// </summary>
    public async Task<StoredFile> StageAsync(Stream content, string fileName, string? declaredContentType, CancellationToken cancellationToken = default,
        UploadRoom? room = null)
    {
        var name = CleanFileName(fileName);
        var limit = options.Value.MaxFileSizeBytes;
        var byRoom = room is not null && room.Bytes < limit;
        limit = byRoom ? Math.Max(0, room!.Bytes) : limit;

        var head = new byte[FileTypeSniffer.HeaderLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var verdict = FileTypeSniffer.Sniff(head.AsSpan(0, headLength), name);
        if (!verdict.IsAllowed)
        {
            logger.LogInformation("Upload of {FileName} refused (declared {DeclaredType}): {Reason}", name, declaredContentType, verdict.RefusalReason);
            throw new FileRejectedException(verdict.RefusalReason!, StatusCodes.Status415UnsupportedMediaType);
        }

        BlobWriteResult blob;
        try
        {
            await using var whole = new PrefixedStream(head.AsMemory(0, headLength), content);
            blob = await blobs.WriteAsync(whole, limit, cancellationToken);
        }
        catch (BlobTooLargeException) when (byRoom)
        {
            throw new FileRejectedException(room!.Message, StatusCodes.Status413PayloadTooLarge);
        }
        catch (BlobTooLargeException)
        {
            throw new FileRejectedException(
                $"Tệp “{name}” vượt quá dung lượng tối đa cho phép ({StorageOptions.DescribeSize(limit)}).",
                StatusCodes.Status413PayloadTooLarge);
        }

        var file = new StoredFile(blob.Sha256, blob.Length, verdict.ContentType, name, time.GetUtcNow().UtcDateTime, currentUser.Id);
        stagedAt[file.Id] = DateTimeOffset.UtcNow;
        db.Add(file);
        return file;
    }

    /// <summary>
    /// Gives back files staged by a request that then failed (a refused or aborted upload, a quota race at commit):
    /// their rows leave the unit of work and their contents are deleted now unless a saved row references them (the
    /// same content uploaded before) or another upload wrote them again since — rather than wait for garbage collection.
    /// Runs to its end whatever the request's token says (the client may be gone).
    /// </summary>
    public async Task DiscardAsync(IReadOnlyCollection<StoredFile> staged)
    {
        foreach (var file in staged)
        {
            db.Entry(file).State = EntityState.Detached;
        }

        foreach (var group in staged.GroupBy(f => f.Sha256, StringComparer.Ordinal))
        {
            var sha256 = group.Key;
            var writtenBefore = group.Max(f => stagedAt.GetValueOrDefault(f.Id, DateTimeOffset.UtcNow)).AddTicks(1);
            try
            {
                await blobs.DeleteIfUnreferencedAsync(sha256, writtenBefore,
                    ct => db.Set<StoredFile>().AsNoTracking().AnyAsync(f => f.Sha256 == sha256, ct), CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The request's own failure is what the user must see; garbage collection takes the content later.
                logger.LogWarning(ex, "Could not delete the content {Sha256} of a failed upload; garbage collection will.", sha256);
            }
        }
    }

    /// <summary>The file's metadata, if the current user may read it; otherwise <see cref="RuleException"/>.</summary>
    public async Task<StoredFile> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw RuleException.NotFound(NotFoundMessage);
        foreach (var policy in policies)
        {
            if (await policy.CanReadAsync(file, currentUser, cancellationToken))
            {
                return file;
            }
        }

        throw RuleException.NotFound(NotFoundMessage);
    }

    /// <summary>
    /// Opens the file for the current user (access checked as in <see cref="GetAsync"/>). The content stream checks
    /// its SHA-256 while it is read and fails with <see cref="BlobIntegrityException"/> rather than deliver altered content.
    /// </summary>
    public async Task<OpenedFile> OpenReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        await OpenAsync(await GetAsync(id, cancellationToken), cancellationToken);

    /// <summary>
    /// Opens a file without any user check, for background work that has no user (indexing, signing, exchange
    /// packages). Never call it with an id taken from a request without checking access first.
    /// </summary>
    public async Task<OpenedFile> OpenReadAsSystemAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy tệp.");
        return await OpenAsync(file, cancellationToken);
    }

    private async Task<OpenedFile> OpenAsync(StoredFile file, CancellationToken cancellationToken)
    {
        var content = await blobs.OpenReadAsync(file.Sha256, cancellationToken);
        if (content.Length != file.Length)
        {
            await content.DisposeAsync();
            throw new BlobIntegrityException(file.Sha256, $"the stored content has {content.Length} bytes, the file {file.Length}");
        }

        return new OpenedFile(file, content);
    }

    /// <summary>
    /// Forgets files their owner purged (rows only, saved with the caller's change); the contents go with the next
    /// garbage collection once nothing references them.
    /// </summary>
    public async Task ForgetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        db.RemoveRange(await db.Set<StoredFile>().Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken));

    /// <summary>
    /// The last path segment of what the client sent, NFC, on one line, without control, bidirectional or other invisible
    /// characters (<see cref="SafeText"/>: "hoadon\u202Efdp.zip" would display as "hoadonpiz.pdf"), at most 255 characters.
    /// </summary>
    internal static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in VietnameseText.Normalize(SafeText.Clean(name, multiLine: false)))
        {
            if (c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                builder.Append(c);
            }
        }

        name = builder.ToString().Trim().TrimEnd('.');
        if (name.Length == 0 || name is "." or "..")
        {
            name = "tep-khong-ten";
        }

        if (name.Length > 255)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 20 ? extension : string.Empty;
            var stem = name[..(255 - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            name = stem + extension;
        }

        return name;
    }
}

/// <summary>Room a caller leaves for an upload (below the store's own limit), and what to say when the file does not fit; nothing is stored then.</summary>
public sealed record UploadRoom(long Bytes, string Message);

/// <summary>A file opened for reading: its metadata and its (verifying) content stream, to be disposed by the caller.</summary>
public sealed record OpenedFile(StoredFile File, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>An upload the store will not keep: a refused type (415) or an oversized file (413). The message is for the user.</summary>
/// <summary>
/// An upload refused by the store (a file of a type eOffice does not accept, or too large): a broken rule of the
/// request, with the HTTP status the upload endpoint answers (415 or 413).
/// </summary>
public sealed class FileRejectedException(string message, int statusCode) : RuleException(message, RuleKind.Invalid)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>Replays bytes already read (for sniffing) before the rest of the stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> remainingPrefix = prefix;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (remainingPrefix.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var count = Math.Min(buffer.Length, remainingPrefix.Length);
        remainingPrefix.Span[..count].CopyTo(buffer);
        remainingPrefix = remainingPrefix[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remainingPrefix.IsEmpty)
        {
            return rest.ReadAsync(buffer, cancellationToken);
        }

        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
