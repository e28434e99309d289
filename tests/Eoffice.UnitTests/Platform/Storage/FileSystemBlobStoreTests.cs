using System.Security.Cryptography;
using Eoffice.Web.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Eoffice.UnitTests.Platform.Storage;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "eoffice-unit", Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore store;

    public FileSystemBlobStoreTests() =>
        store = new FileSystemBlobStore(Options.Create(new StorageOptions { Path = root }), TimeProvider.System);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] RandomContent(int length) => RandomNumberGenerator.GetBytes(length);

    private string TemporaryFolder => Path.Combine(root, ".tmp");

    private async Task<byte[]> ReadAllAsync(string sha256)
    {
        await using var stream = await store.OpenReadAsync(sha256);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Stores_content_under_its_sha256_and_reads_it_back_identical()
    {
        var content = RandomContent(300_000);

        var result = await store.WriteAsync(new MemoryStream(content), long.MaxValue);

        var expected = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(expected, result.Sha256);
        Assert.Equal(content.Length, result.Length);
        Assert.True(File.Exists(Path.Combine(root, expected[..2], expected[2..4], expected)));
        Assert.Equal(content, await ReadAllAsync(expected));
        Assert.Empty(Directory.GetFiles(TemporaryFolder));
    }

    [Fact]
    public async Task Stores_identical_content_once_and_refreshes_its_time_stamp()
    {
        var content = RandomContent(10_000);
        var first = await store.WriteAsync(new MemoryStream(content), long.MaxValue);
        var path = store.ContentPath(first.Sha256);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-30));

        var second = await store.WriteAsync(new MemoryStream(content), long.MaxValue);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.True(File.GetLastWriteTimeUtc(path) > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Aborts_an_oversized_write_while_streaming_and_leaves_nothing_behind()
    {
        var content = new ChunkedStream(chunk: 64 * 1024, total: 10L * 1024 * 1024);

        await Assert.ThrowsAsync<BlobTooLargeException>(() => store.WriteAsync(content, maxLength: 1024 * 1024));

        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.True(content.Position < 2 * 1024 * 1024, "the writer stopped reading soon after the limit");
    }

    [Fact]
    public async Task Accepts_content_exactly_at_the_limit()
    {
        var result = await store.WriteAsync(new MemoryStream(RandomContent(4096)), maxLength: 4096);

        Assert.Equal(4096, result.Length);
    }

    [Fact]
    public async Task Fails_the_read_of_a_corrupted_blob_before_handing_out_its_last_chunk()
    {
        var content = RandomContent(500_000);
        var blob = await store.WriteAsync(new MemoryStream(content), long.MaxValue);
        var path = store.ContentPath(blob.Sha256);
        var damaged = (byte[])content.Clone();
        damaged[250_000] ^= 0xFF;
        await File.WriteAllBytesAsync(path, damaged);

        await using var stream = await store.OpenReadAsync(blob.Sha256);
        var delivered = new MemoryStream();
        var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => stream.CopyToAsync(delivered));

        Assert.Equal(blob.Sha256, error.Sha256);
        Assert.True(delivered.Length < content.Length, "the final chunk was withheld");
    }

    [Fact]
    public async Task Detects_a_truncated_or_emptied_blob_even_when_it_fits_in_one_read()
    {
        var blob = await store.WriteAsync(new MemoryStream(RandomContent(100)), long.MaxValue);
        await File.WriteAllBytesAsync(store.ContentPath(blob.Sha256), []);

        await Assert.ThrowsAsync<BlobIntegrityException>(() => ReadAllAsync(blob.Sha256));
    }

    [Fact]
    public async Task Reads_an_empty_blob()
    {
        var blob = await store.WriteAsync(new MemoryStream(), long.MaxValue);

        Assert.Empty(await ReadAllAsync(blob.Sha256));
    }

    [Fact]
    public async Task Reports_a_missing_blob_and_rejects_anything_but_a_sha256()
    {
        var missing = new string('a', 64);

        await Assert.ThrowsAsync<BlobNotFoundException>(() => store.OpenReadAsync(missing));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../../etc/passwd"));
    }

    [Fact]
    public async Task Deletes_an_old_unreferenced_blob_but_keeps_a_fresh_or_referenced_one()
    {
        var old = await store.WriteAsync(new MemoryStream(RandomContent(100)), long.MaxValue);
        var oldReferenced = await store.WriteAsync(new MemoryStream(RandomContent(100)), long.MaxValue);
        var fresh = await store.WriteAsync(new MemoryStream(RandomContent(100)), long.MaxValue);
        File.SetLastWriteTimeUtc(store.ContentPath(old.Sha256), DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(store.ContentPath(oldReferenced.Sha256), DateTime.UtcNow.AddDays(-2));
        var cutoff = DateTimeOffset.UtcNow.AddDays(-1);

        var candidates = await store.ListAsync(cutoff).Select(b => b.Sha256).ToListAsync();
        var deletedOld = await store.DeleteIfUnreferencedAsync(old.Sha256, cutoff, _ => Task.FromResult(false));
        var deletedReferenced = await store.DeleteIfUnreferencedAsync(oldReferenced.Sha256, cutoff, _ => Task.FromResult(true));
        var deletedFresh = await store.DeleteIfUnreferencedAsync(fresh.Sha256, cutoff, _ => Task.FromResult(false));

        Assert.Equal(new[] { old.Sha256, oldReferenced.Sha256 }.Order(StringComparer.Ordinal), candidates.Order(StringComparer.Ordinal));
        Assert.True(deletedOld);
        Assert.False(deletedReferenced);
        Assert.False(deletedFresh);
        Assert.False(File.Exists(store.ContentPath(old.Sha256)));
        Assert.True(File.Exists(store.ContentPath(oldReferenced.Sha256)));
        Assert.True(File.Exists(store.ContentPath(fresh.Sha256)));
    }

    [Fact]
    public async Task Keeps_a_blob_that_an_upload_of_the_same_content_refreshed_during_the_deletion()
    {
        var content = RandomContent(100);
        var blob = await store.WriteAsync(new MemoryStream(content), long.MaxValue);
        File.SetLastWriteTimeUtc(store.ContentPath(blob.Sha256), DateTime.UtcNow.AddDays(-2));

        // The reference check runs while the blob is parked; a concurrent upload of the same content places it again.
        var deleted = await store.DeleteIfUnreferencedAsync(blob.Sha256, DateTimeOffset.UtcNow.AddDays(-1), async _ =>
        {
            await store.WriteAsync(new MemoryStream(content), long.MaxValue);
            return true;
        });

        Assert.False(deleted);
        Assert.Equal(content, await ReadAllAsync(blob.Sha256));
        Assert.Empty(Directory.GetFiles(TemporaryFolder));
    }

    [Fact]
    public async Task Cleans_up_stale_temporary_files_and_restores_a_blob_parked_by_an_interrupted_deletion()
    {
        var content = RandomContent(100);
        var blob = await store.WriteAsync(new MemoryStream(content), long.MaxValue);
        var stale = Path.Combine(TemporaryFolder, "up-stale");
        var recent = Path.Combine(TemporaryFolder, "up-recent");
        await File.WriteAllBytesAsync(stale, [1, 2, 3]);
        await File.WriteAllBytesAsync(recent, [1, 2, 3]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));
        File.Move(store.ContentPath(blob.Sha256), Path.Combine(TemporaryFolder, "gc-" + blob.Sha256));

        var removed = await store.CleanUpAsync(DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Equal(1, removed);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent));
        Assert.Equal(content, await ReadAllAsync(blob.Sha256));
    }

    [Fact]
    public async Task Probes_a_missing_folder_by_creating_it_and_leaves_no_probe_behind()
    {
        await store.ProbeAsync();

        Assert.True(Directory.Exists(root));
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    /// <summary>Produces <c>total</c> bytes in chunks without holding them in memory.</summary>
    private sealed class ChunkedStream(int chunk, long total) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => total;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, chunk), total - position);
            buffer.AsSpan(offset, n).Fill(0x41);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
