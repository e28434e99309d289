using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Cabinet;

/// <summary>What the cabinet's API and page tests share: finding a unit's folder, uploading, reading answers, counting what is stored.</summary>
public static class CabinetTestKit
{
    public const string Api = "/api/v1/cabinet";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A PDF-looking content of <paramref name="length"/> bytes, unique (so never deduplicated with another test's).</summary>
    public static byte[] Pdf(int length)
    {
        var head = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n");
        var bytes = new byte[Math.Max(length, head.Length)];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length).Fill((byte)'a');
        return bytes;
    }

    public static async Task<CabinetFolderNode> UnitFolderAsync(HttpClient client, string unitName) =>
        (await client.GetFromJsonAsync<CabinetTreeResponse>($"{Api}/folders", Json))!.Folders.Single(f => f.Kind == "unit" && f.Name == unitName);

    public static async Task<CabinetFolderResponse> FolderAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<CabinetFolderResponse>($"{Api}/folders/{id}", Json))!;

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid folderId, string name, byte[] content) =>
        PostFileAsync(client, $"{Api}/folders/{folderId}/files", name, content);

    /// <summary>Uploads a small PDF named <paramref name="name"/> and returns the file the cabinet made.</summary>
    public static async Task<CabinetFileResponse> UploadPdfAsync(HttpClient client, Guid folderId, string name) =>
        (await ReadAsync<CabinetUploadResponse>(await UploadAsync(client, folderId, name, Pdf(64)))).Files.Single();

    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "files", name);
        return await client.PostAsync(path, form);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Contents in the file store, and temporary files of uploads in progress.</summary>
    public static (int Blobs, int Temporary) BlobCount(EofficeApp app)
    {
        var root = Path.Combine(app.DataPath, "files");
        if (!Directory.Exists(root))
        {
            return (0, 0);
        }

        var all = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
        var temporary = all.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == ".tmp");
        return (all.Count - temporary, temporary);
    }

    public static Task<(int Files, int Stored)> CountsAsync(EofficeApp app) =>
        app.WithDbAsync(async db => (await db.Set<CabinetFile>().CountAsync(), await db.Set<StoredFile>().CountAsync()));

    public static Task<long> UsedAsync(EofficeApp app, Guid unitId) =>
        app.WithDbAsync(db => db.Set<CabinetUnitStorage>().Where(s => s.UnitId == unitId).Select(s => s.UsedBytes).SingleAsync());

    public static Task<DateTime?> DeletedAtAsync(EofficeApp app, Guid fileId) =>
        app.WithDbAsync(db => db.Set<CabinetFile>().AsNoTracking().Where(f => f.Id == fileId).Select(f => f.DeletedAt).SingleAsync());
}
