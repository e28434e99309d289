using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Cabinet.CabinetTestKit;

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

        var (filesBefore, storedBefore) = await CountsAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSpecialist.GetAsync($"{Api}/folders/{legal.Id}")).StatusCode);
        var hidden = await UploadAsync(otherSpecialist, legal.Id, "bao-cao.pdf", Pdf(500));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal((filesBefore, storedBefore), await CountsAsync(app));

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
        Assert.Equal((filesBefore + 1, storedBefore + 1), await CountsAsync(app));
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
        var usedBefore = await UsedAsync(app, unitId);
        var (first, second) = (Pdf(700), Pdf(900));
        var file = (await ReadAsync<CabinetUploadResponse>(await UploadAsync(specialist, folder.Id, "du-toan.pdf", first))).Files.Single();
        var replaced = await ReadAsync<CabinetFileResponse>(await PostFileAsync(specialist, $"{Api}/files/{file.Id}/versions", "du-toan-sua.pdf", second));
        Assert.Equal(2, replaced.VersionNumber);
        Assert.Equal([2, 1], replaced.Versions.Select(v => v.Number));
        Assert.Equal(first, await specialist.GetByteArrayAsync($"{Api}/files/{file.Id}/content?version=1"));
        Assert.Equal(second, await specialist.GetByteArrayAsync($"{Api}/files/{file.Id}/content"));
        var inline = await specialist.GetAsync($"{Api}/files/{file.Id}/content?inline=true");
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(usedBefore + first.Length + second.Length, await UsedAsync(app, unitId));

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
        Assert.Equal(usedBefore, await UsedAsync(app, unitId));
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

        var (files, stored) = await CountsAsync(app);
        var blobs = BlobCount(app);
        var full = await UploadAsync(specialist, folder.Id, "lon.pdf", Pdf(5000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, full.StatusCode);
        Assert.StartsWith($"Tủ tài liệu của {DemoAgency.Units.Transport} đã hết dung lượng", (await OrganizationTestKit.ProblemAsync(full)).GetProperty("title").GetString(),
            StringComparison.Ordinal);
        Assert.Equal((files, stored), await CountsAsync(app));
        Assert.Equal(blobs, BlobCount(app));
        Assert.Equal(1000, await UsedAsync(app, unitId));

        // Two files of which only the first fits: the whole upload is refused and the first one's content is gone too.
        using (var form = new MultipartFormDataContent())
        {
            foreach (var (name, length) in new[] { ("vua.pdf", 400), ("thua.pdf", 400) })
            {
                var part = new ByteArrayContent(Pdf(length));
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                form.Add(part, "files", name);
            }

            var second = await specialist.PostAsync($"{Api}/folders/{folder.Id}/files", form);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
            Assert.Contains("“thua.pdf”", (await OrganizationTestKit.ProblemAsync(second)).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal((files, stored), await CountsAsync(app));
        Assert.Equal(blobs, BlobCount(app));
        Assert.Equal(1000, await UsedAsync(app, unitId));
        await clerk.PutAsJsonAsync($"{Api}/quotas/{unitId}", new { quotaBytes = (long?)null });
    }

    [DbFact]
    public async Task A_64_MB_file_streams_into_the_units_folder_and_comes_back_intact()
    {
        var specialist = await app.SignedInClientAsync("nvana");
        var folder = await UnitFolderAsync(specialist, DemoAgency.Units.PlanningFinance);
        var unitId = await OrganizationTestKit.DemoUnitIdAsync(app, DemoAgency.Units.PlanningFinance);
        var usedBefore = await UsedAsync(app, unitId);
        var content = Pdf(64 * 1024 * 1024);

        var file = (await ReadAsync<CabinetUploadResponse>(await UploadAsync(specialist, folder.Id, "ban-do-quy-hoach.pdf", content))).Files.Single();

        Assert.Equal(content.Length, file.Length);
        Assert.Equal(usedBefore + content.Length, await UsedAsync(app, unitId));
        using var download = await specialist.GetAsync($"{Api}/files/{file.Id}/content", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await download.Content.ReadAsStreamAsync();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(content), await System.Security.Cryptography.SHA256.HashDataAsync(body));
    }

    [DbFact]
    public async Task An_upload_aborted_by_the_client_midway_leaves_no_row_no_content_and_no_temporary_file()
    {
        var specialist = await app.SignedInClientAsync("ntlan");
        var folder = await UnitFolderAsync(specialist, DemoAgency.Units.Legal);
        var unitId = await OrganizationTestKit.DemoUnitIdAsync(app, DemoAgency.Units.Legal);
        var (files, stored) = await CountsAsync(app);
        var blobs = BlobCount(app);
        var used = await UsedAsync(app, unitId);

        // A first file arrives whole, the second is cut off after 1 MB by the client failing.
        var aborted = specialist.PostAsync($"{Api}/folders/{folder.Id}/files", new AbortingMultipartContent(Pdf(300_000), 1024 * 1024));
        await Assert.ThrowsAnyAsync<Exception>(async () => (await aborted).EnsureSuccessStatusCode());

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (BlobCount(app) != blobs && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(blobs, BlobCount(app));
        Assert.Equal((files, stored), await CountsAsync(app));
        Assert.Equal(used, await UsedAsync(app, unitId));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(specialist, folder.Id, "sau-khi-huy.pdf", Pdf(500))).StatusCode);
    }

    /// <summary>multipart/form-data with one whole PDF part, then a second whose body fails after <c>cutAfter</c> bytes.</summary>
    private sealed class AbortingMultipartContent : HttpContent
    {
        private const string Boundary = "cabinet-abort-boundary";
        private readonly byte[] first;
        private readonly int cutAfter;

        public AbortingMultipartContent(byte[] first, int cutAfter)
        {
            this.first = first;
            this.cutAfter = cutAfter;
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Header("truoc.pdf"));
            await stream.WriteAsync(first);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("\r\n"));
            await stream.WriteAsync(Header("bi-cat.pdf"));
            var second = Pdf(cutAfter);
            for (var offset = 0; offset < second.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(second.AsMemory(offset, Math.Min(64 * 1024, second.Length - offset)));
                await stream.FlushAsync();
            }

            throw new IOException("The client went away in the middle of the upload.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        private static byte[] Header(string name) => System.Text.Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n");
    }

    // ---- intents ----

    private async Task PurgeAsync() => await app.WithServiceAsync<PurgeRecycleBin, bool>(async job =>
    {
        await job.RunAsync(CancellationToken.None);
        return true;
    });
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
