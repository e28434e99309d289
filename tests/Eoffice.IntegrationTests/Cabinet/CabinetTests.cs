using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Cabinet;

/// <summary>
/// The shared cabinet through its API (ADR 0032): a unit's folder is not shared with other units' specialists (404)
/// until its leader grants it; seeing is not uploading (403) and uploading is not changing others' files; versions of a
/// replaced file are kept; delete → recycle bin → restore; purge after the grace period; a full quota refuses the
/// upload with its message and stores nothing.
/// </summary>
public abstract class CabinetTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, IClockedApp
{
    private const string Api = "/api/v1/cabinet";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [DbFact]
    public async Task A_specialist_gets_404_on_another_units_folder_403_when_only_viewing_and_never_deletes_someone_elses_file_until_a_grant_lets_them_upload()
    {
        var legalSpecialist = await app.SignedInClientAsync("ntlan");
        var otherSpecialist = await app.SignedInClientAsync("cxtruong");
        var legalHead = await app.SignedInClientAsync("vdthang");
        var legal = await UnitFolderAsync(legalSpecialist, DemoAgency.Units.Legal);
        Assert.Equal("upload", legal.Level);
        var otherTree = (await otherSpecialist.GetFromJsonAsync<CabinetTreeResponse>($"{Api}/folders", Json))!;
        Assert.DoesNotContain(otherTree.Folders, f => f.Id == legal.Id);
        Assert.Equal(["Lãnh đạo", "Tin nội bộ", "Văn bản mới"], otherTree.Folders.Where(f => f.Kind != "unit" && f.ParentId == null).Select(f => f.Name));

        var (filesBefore, storedBefore) = await CountsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherSpecialist.GetAsync($"{Api}/folders/{legal.Id}")).StatusCode);
        var hidden = await UploadAsync(otherSpecialist, legal.Id, "bao-cao.pdf", Pdf(500));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal((filesBefore, storedBefore), await CountsAsync());

        var own = await ReadAsync<CabinetUploadResponse>(await UploadAsync(legalSpecialist, legal.Id, "du-thao-quy-che.pdf", Pdf(800)));
        var ownFile = own.Files.Single();

        var view = await legalHead.PutAsJsonAsync($"{Api}/folders/{legal.Id}/grants",
            new { inherits = true, grants = new[] { new { kind = "person", principalId = await app.DemoUserIdAsync("cxtruong"), level = "view" } } });
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var seen = (await otherSpecialist.GetFromJsonAsync<CabinetFolderResponse>($"{Api}/folders/{legal.Id}", Json))!;
        Assert.Equal("view", seen.Level);
        Assert.Contains(seen.Files, f => f.Id == ownFile.Id && !f.CanChange);
        var viewOnly = await UploadAsync(otherSpecialist, legal.Id, "bao-cao.pdf", Pdf(500));
        Assert.Equal(HttpStatusCode.Forbidden, viewOnly.StatusCode);
        Assert.Equal(UploadCabinetFiles.UploadRefused, (await OrganizationTestKit.ProblemAsync(viewOnly)).GetProperty("title").GetString());
        Assert.Equal((filesBefore + 1, storedBefore + 1), await CountsAsync());
        var notTheirs = await otherSpecialist.DeleteAsync($"{Api}/files/{ownFile.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(UploadCabinetFiles.ChangeRefused, (await OrganizationTestKit.ProblemAsync(notTheirs)).GetProperty("title").GetString());

        await legalHead.PutAsJsonAsync($"{Api}/folders/{legal.Id}/grants",
            new { inherits = true, grants = new[] { new { kind = "person", principalId = await app.DemoUserIdAsync("cxtruong"), level = "upload" } } });
        var theirs = await ReadAsync<CabinetUploadResponse>(await UploadAsync(otherSpecialist, legal.Id, "gop-y.pdf", Pdf(600)));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSpecialist.DeleteAsync($"{Api}/files/{ownFile.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherSpecialist.DeleteAsync($"{Api}/files/{theirs.Files.Single().Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legalHead.DeleteAsync($"{Api}/files/{ownFile.Id}")).StatusCode);

        var sub = await otherSpecialist.PostAsJsonAsync($"{Api}/folders", new { parentId = legal.Id, name = "Góp ý của phòng Hạ tầng" });
        Assert.Equal(HttpStatusCode.Created, sub.StatusCode);
        var actions = await app.WithDbAsync(db => db.Set<Eoffice.Web.Platform.Audit.AuditEntry>().AsNoTracking()
            .Where(e => e.Action.StartsWith("cabinet.")).Select(e => e.Action).ToListAsync());
        Assert.Contains("cabinet.file.upload", actions);
        Assert.Contains("cabinet.folder.grants", actions);
        Assert.Contains("cabinet.file.delete", actions);
    }

    [DbFact]
    public async Task A_replaced_file_keeps_its_versions_and_a_deleted_file_is_restored_from_the_recycle_bin_then_purged_after_the_grace_period()
    {
        var specialist = await app.SignedInClientAsync("nvana");
        var folder = await UnitFolderAsync(specialist, DemoAgency.Units.PlanningFinance);
        var unitId = await OrganizationTestKit.DemoUnitIdAsync(app, DemoAgency.Units.PlanningFinance);
        var usedBefore = await UsedAsync(unitId);
        var (first, second) = (Pdf(700), Pdf(900));
        var file = (await ReadAsync<CabinetUploadResponse>(await UploadAsync(specialist, folder.Id, "du-toan.pdf", first))).Files.Single();
        var replaced = await ReadAsync<CabinetFileResponse>(await PostFileAsync(specialist, $"{Api}/files/{file.Id}/versions", "du-toan-sua.pdf", second));
        Assert.Equal(2, replaced.VersionNumber);
        Assert.Equal([2, 1], replaced.Versions.Select(v => v.Number));
        Assert.Equal(first, await specialist.GetByteArrayAsync($"{Api}/files/{file.Id}/content?version=1"));
        Assert.Equal(second, await specialist.GetByteArrayAsync($"{Api}/files/{file.Id}/content"));
        var inline = await specialist.GetAsync($"{Api}/files/{file.Id}/content?inline=true");
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(usedBefore + first.Length + second.Length, await UsedAsync(unitId));

        Assert.Equal(HttpStatusCode.OK, (await specialist.DeleteAsync($"{Api}/files/{file.Id}")).StatusCode);
        Assert.DoesNotContain((await FolderAsync(specialist, folder.Id)).Files, f => f.Id == file.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"{Api}/files/{file.Id}")).StatusCode);
        var bin = (await specialist.GetFromJsonAsync<CabinetRecycleBinResponse>($"{Api}/recycle-bin", Json))!;
        var recycled = bin.Files.Single(f => f.Id == file.Id);
        Assert.Equal(TimeSpan.FromDays(30), recycled.PurgeAt - recycled.DeletedAt);
        Assert.Equal(HttpStatusCode.OK, (await specialist.PostAsync($"{Api}/files/{file.Id}/restore", null)).StatusCode);
        Assert.Contains((await FolderAsync(specialist, folder.Id)).Files, f => f.Id == file.Id);

        Assert.Equal(HttpStatusCode.OK, (await specialist.DeleteAsync($"{Api}/files/{file.Id}")).StatusCode);
        var storedIds = replaced.Versions.Count;
        var start = app.Clock.GetUtcNow();
        app.Clock.Set(start.AddDays(29));
        await PurgeAsync();
        Assert.True(await app.WithDbAsync(db => db.Set<CabinetFile>().AnyAsync(f => f.Id == file.Id)));
        app.Clock.Set(start.AddDays(31));
        await PurgeAsync();
        app.Clock.Set(start);
        Assert.False(await app.WithDbAsync(db => db.Set<CabinetFile>().AnyAsync(f => f.Id == file.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<CabinetFileVersion>().AnyAsync(v => v.FileId == file.Id)));
        Assert.Equal(2, storedIds);
        Assert.Equal(usedBefore, await UsedAsync(unitId));
    }

    [DbFact]
    public async Task A_full_quota_refuses_the_upload_with_a_clear_message_and_nothing_is_stored()
    {
        var clerk = await app.SignedInClientAsync("dtmai");
        var specialist = await app.SignedInClientAsync("hvson");
        var folder = await UnitFolderAsync(specialist, DemoAgency.Units.Transport);
        var unitId = await OrganizationTestKit.DemoUnitIdAsync(app, DemoAgency.Units.Transport);
        var refusedQuota = await specialist.PutAsJsonAsync($"{Api}/quotas/{unitId}", new { quotaBytes = 1000 });
        Assert.Equal(HttpStatusCode.Forbidden, refusedQuota.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync($"{Api}/quotas/{unitId}", new { quotaBytes = 1500 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(specialist, folder.Id, "nho.pdf", Pdf(1000))).StatusCode);

        var (files, stored) = await CountsAsync();
        var blobs = BlobCount();
        var full = await UploadAsync(specialist, folder.Id, "lon.pdf", Pdf(5000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, full.StatusCode);
        Assert.StartsWith($"Tủ tài liệu của {DemoAgency.Units.Transport} đã hết dung lượng", (await OrganizationTestKit.ProblemAsync(full)).GetProperty("title").GetString(),
            StringComparison.Ordinal);
        Assert.Equal((files, stored), await CountsAsync());
        Assert.Equal(blobs, BlobCount());
        Assert.Equal(1000, await UsedAsync(unitId));
        await clerk.PutAsJsonAsync($"{Api}/quotas/{unitId}", new { quotaBytes = (long?)null });
    }

    // ---- intents ----

    private async Task PurgeAsync() => await app.WithServiceAsync<PurgeRecycleBin, bool>(async job =>
    {
        await job.RunAsync(CancellationToken.None);
        return true;
    });

    private static byte[] Pdf(int length)
    {
        var head = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n");
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)'a';
        }

        return bytes;
    }

    private int BlobCount() => Directory.Exists(Path.Combine(app.DataPath, "files"))
        ? Directory.EnumerateFiles(Path.Combine(app.DataPath, "files"), "*", SearchOption.AllDirectories).Count()
        : 0;

    private Task<(int Files, int Stored)> CountsAsync() => app.WithDbAsync(async db => (await db.Set<CabinetFile>().CountAsync(), await db.Set<StoredFile>().CountAsync()));

    private Task<long> UsedAsync(Guid unitId) => app.WithDbAsync(db => db.Set<CabinetUnitStorage>().Where(s => s.UnitId == unitId).Select(s => s.UsedBytes).SingleAsync());

    private static async Task<CabinetFolderNode> UnitFolderAsync(HttpClient client, string unitName) =>
        (await client.GetFromJsonAsync<CabinetTreeResponse>($"{Api}/folders", Json))!.Folders.Single(f => f.Kind == "unit" && f.Name == unitName);

    private static async Task<CabinetFolderResponse> FolderAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<CabinetFolderResponse>($"{Api}/folders/{id}", Json))!;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid folderId, string name, byte[] content) =>
        PostFileAsync(client, $"{Api}/folders/{folderId}/files", name, content);

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "files", name);
        return await client.PostAsync(path, form);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }
}

public sealed class CabinetSqliteApp : ClockedSqliteApp, IClockedApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jobs:DisabledJobs:0"] = PurgeRecycleBin.JobName };
}

public sealed class CabinetPostgresApp : ClockedPostgresApp, IClockedApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jobs:DisabledJobs:0"] = PurgeRecycleBin.JobName };
}

public sealed class CabinetTestsOnSqlite(CabinetSqliteApp app) : CabinetTests<CabinetSqliteApp>(app);

public sealed class CabinetTestsOnPostgres(CabinetPostgresApp app) : CabinetTests<CabinetPostgresApp>(app), IPostgresSuite;
