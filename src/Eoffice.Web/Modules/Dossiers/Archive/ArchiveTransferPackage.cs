using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// The export package of a transfer (ADR 0031 decision 20), a zip streamed to the response — never the whole batch in
/// memory: <c>transfer.json</c>; per dossier a folder <c>NNN_notation/</c> with <c>dossier.json</c> (Phụ lục VI / TT
/// 02/2019 dossier fields) and per document a folder <c>DDD_kind/</c> with its files as stored and <c>document.json</c>
/// (the document's input fields and its files with their SHA-256); last <c>manifest.json</c>, the path, size and SHA-256
/// of every other entry of the zip, computed while the entry is written. Audited <c>dossiers.transfer.package</c>.
/// <c>GET /api/v1/dossiers/transfers/{id}/package</c>.
/// </summary>
public sealed class ArchiveTransferPackage(ArchiveTransferStore store)
{
    public const string ManifestName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record ManifestEntry(string Path, long Length, string Sha256);

    /// <summary>Checks access and loads the contents (so that errors answer as ProblemDetails before anything is sent), then returns the writer.</summary>
    public async Task<(string FileName, Func<Stream, Task> Write)> PrepareAsync(Guid id, CancellationToken cancellationToken)
    {
        var keeper = await store.Dossiers.ArchiveKeeperAsync(cancellationToken);
        var transfer = await store.LoadAsync(keeper, id, cancellationToken, tracking: false);
        var contents = await store.ContentsAsync(transfer, cancellationToken);
        await store.CommitAsync(transfer, "package",
            $"Xuất gói nộp lưu: {contents.Dossiers.Count} hồ sơ, {contents.DocumentCount} văn bản, {contents.FileCount} tệp.", cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"goi-nop-luu-{transfer.CreatedAt:yyyyMMdd}-{transfer.Id.ToString("N")[..8]}.zip");
        return (name, body => WriteAsync(contents, body, cancellationToken));
    }

    public async Task WriteAsync(TransferContents c, Stream output, CancellationToken cancellationToken)
    {
        var manifest = new List<ManifestEntry>();
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var (from, to) = c.Span;
        await JsonEntryAsync(zip, "transfer.json", new
        {
            c.Taken.Id,
            Agency = c.AgencyName,
            OrganId = c.Dossiers.FirstOrDefault()?.Dossier.OrganId,
            Unit = c.UnitName,
            c.Taken.DeliveredByName,
            ReceivedByName = c.Taken.CreatedByName,
            Status = ArchiveTransferCodes.Of(c.Taken.Status),
            c.Taken.CreatedAt,
            c.Taken.CompletedAt,
            FileTotal = c.FileCount,
            DossierTotal = c.Dossiers.Count,
            DocTotal = c.DocumentCount,
            StartDate = from,
            EndDate = to,
        }, manifest, cancellationToken);
        foreach (var d in c.Dossiers)
        {
            var folder = string.Create(CultureInfo.InvariantCulture, $"{d.Ordinal:000}_{Safe(d.Dossier.Notation)}");
            foreach (var x in d.Documents)
            {
                var docFolder = string.Create(CultureInfo.InvariantCulture, $"{folder}/{x.Ordinal:000}_{x.Item.Kind}");
                var files = new List<object>();
                var n = 0;
                foreach (var f in x.Record?.Files ?? [])
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{docFolder}/{++n:00}_{Safe(f.FileName)}");
                    var written = await FileEntryAsync(zip, path, f.FileId, cancellationToken);
                    manifest.Add(written);
                    files.Add(new { f.FileName, Path = path, f.IsMain, written.Length, written.Sha256 });
                }

                var r = x.Record;
                await JsonEntryAsync(zip, $"{docFolder}/document.json", new
                {
                    d.Dossier.FileCode,
                    DocOrdinal = x.Ordinal,
                    Kind = x.Item.Kind,
                    Identifier = x.Item.ItemId,
                    r?.TypeName,
                    r?.CodeNumber,
                    r?.CodeNotation,
                    IssuedDate = r?.Date ?? x.Item.Date,
                    r?.OrganName,
                    Subject = r?.Subject ?? x.Item.Title,
                    r?.Language,
                    r?.PageAmount,
                    r?.Description,
                    r?.SignerPosition,
                    r?.SignerFullName,
                    r?.Priority,
                    Files = files,
                }, manifest, cancellationToken);
            }

            var dossier = d.Dossier;
            await JsonEntryAsync(zip, $"{folder}/dossier.json", new
            {
                dossier.FileCode,
                dossier.OrganId,
                FileCatalog = dossier.Year,
                FileNotation = dossier.Notation,
                dossier.Title,
                Maintenance = dossier.Retention.Text,
                MaintenanceYears = dossier.RetentionYears,
                dossier.Rights,
                dossier.Creator,
                dossier.Language,
                dossier.StartDate,
                dossier.EndDate,
                DocTotal = d.Documents.Count,
                dossier.PageTotal,
                dossier.Description,
                Keyword = dossier.Keywords,
                Format = dossier.PhysicalState,
            }, manifest, cancellationToken);
        }

        var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, new { Algorithm = "SHA-256", Files = manifest }, Json, cancellationToken);
    }

    private async Task<ManifestEntry> FileEntryAsync(ZipArchive zip, string path, Guid fileId, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var target = await entry.OpenAsync(cancellationToken);
        await using var opened = await store.Files.OpenReadAsSystemAsync(fileId, cancellationToken);
        return await CopyHashingAsync(opened.Content, target, path, cancellationToken);
    }

    private static async Task JsonEntryAsync(ZipArchive zip, string path, object value, List<ManifestEntry> manifest, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var target = await entry.OpenAsync(cancellationToken);
        using var source = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, Json));
        manifest.Add(await CopyHashingAsync(source, target, path, cancellationToken));
    }

    private static async Task<ManifestEntry> CopyHashingAsync(Stream source, Stream target, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        long length = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new ManifestEntry(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A name safe as a zip path segment on every system: no separators or reserved characters, at most 80 characters.</summary>
    internal static string Safe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            builder.Append(ch is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(ch) ? '-' : ch);
        }

        var safe = builder.ToString().Trim().Trim('.');
        return safe.Length == 0 ? "tep" : safe.Length > 80 ? safe[..80] : safe;
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/transfers/{id:guid}/package", async (Guid id, HttpContext http, ArchiveTransferPackage handler, CancellationToken ct) =>
            {
                var (name, write) = await handler.PrepareAsync(id, ct);

                // ZipArchive still writes an entry's end (deflate flush, data descriptor) synchronously on the
                // unseekable response body, even through its async API: allowed for this response only.
                if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
                {
                    body.AllowSynchronousIO = true;
                }

                return TypedResults.Stream(write, "application/zip", name);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .AsArchiveAction("ExportArchiveTransferPackage", "Gói nộp lưu (.zip): các tệp của mọi văn bản, siêu dữ liệu theo TT 02/2019 và manifest SHA-256.");
}
