using System.Security.Cryptography;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// Reads a blob while re-computing its SHA-256. The check runs as soon as the last expected byte has been read and
/// <em>before</em> that final chunk is returned: a corrupted blob throws <see cref="BlobIntegrityException"/> while
/// the reader (e.g. a download) is still missing data, so the client sees a failed transfer, never a complete-looking
/// altered file. Files smaller than one read buffer are checked before anything is sent at all.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, string sha256, long expectedLength) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;
    private bool verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedLength;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (verified || buffer.IsEmpty)
        {
            return 0;
        }

        var wanted = (int)Math.Min(buffer.Length, expectedLength - position);
        var read = wanted == 0 ? 0 : inner.Read(buffer[..wanted]);
        return Accept(buffer[..read], wanted, () => inner.Read(new byte[1], 0, 1));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (verified || buffer.IsEmpty)
        {
            return 0;
        }

        var wanted = (int)Math.Min(buffer.Length, expectedLength - position);
        var read = wanted == 0 ? 0 : await inner.ReadAsync(buffer[..wanted], cancellationToken);
        var extra = position + read == expectedLength ? await inner.ReadAsync(new byte[1], cancellationToken) : 0;
        return Accept(buffer.Span[..read], wanted, () => extra);
    }

    private int Accept(ReadOnlySpan<byte> chunk, int wanted, Func<int> readBeyondEnd)
    {
        if (chunk.Length == 0 && wanted > 0)
        {
            throw new BlobIntegrityException(sha256, "the content is shorter than recorded");
        }

        hash.AppendData(chunk);
        position += chunk.Length;
        if (position == expectedLength)
        {
            if (readBeyondEnd() > 0)
            {
                throw new BlobIntegrityException(sha256, "the content is longer than recorded");
            }

            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            {
                throw new BlobIntegrityException(sha256, $"the content hashes to {actual}");
            }

            verified = true;
        }

        return chunk.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        hash.Dispose();
        await base.DisposeAsync();
    }
}
