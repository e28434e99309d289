using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Eoffice.IntegrationTests.Platform.Storage.FileStoreClient;

namespace Eoffice.IntegrationTests.Platform.Storage;

public abstract class FileStoreTests(EofficeApp app)
{
    private string StorePath => Path.Combine(app.DataPath, "files");

    private int BlobCount() => Directory.Exists(StorePath)
        ? Directory.GetFiles(StorePath, "*", SearchOption.AllDirectories).Count(p => !p.Contains("/.tmp/", StringComparison.Ordinal))
        : 0;

    private int TemporaryCount() => Directory.Exists(Path.Combine(StorePath, ".tmp"))
        ? Directory.GetFiles(Path.Combine(StorePath, ".tmp")).Length
        : 0;

    private Task<int> RowCountAsync() => app.WithDbAsync(db => db.Set<StoredFile>().CountAsync());

    [DbFact]
    public async Task A_pdf_with_a_vietnamese_name_is_uploaded_and_downloads_byte_identical()
    {
        var client = await app.SignedInClientAsync();
        var pdf = Pdf();
        const string name = "Quyết định số 15-QĐ-UBND về việc giao chỉ tiêu.pdf";

        var response = await UploadAsync(client, (pdf, name, "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uploaded = Assert.Single((await response.Content.ReadFromJsonAsync<UploadResponseDto>())!.Files);
        Assert.Equal(name, uploaded.FileName);
        Assert.Equal(pdf.Length, uploaded.Length);
        Assert.Equal("application/pdf", uploaded.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), uploaded.Sha256);

        var download = await client.GetAsync($"/api/v1/files/{uploaded.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf.Length, download.Content.Headers.ContentLength);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);

        var metadata = await client.GetFromJsonAsync<UploadedFileDto>($"/api/v1/files/{uploaded.Id}/metadata");
        Assert.Equal(uploaded with { CreatedAt = metadata!.CreatedAt }, metadata);

        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e =>
            e.Action == "file.download" && e.ObjectId == uploaded.Id.ToString() && e.ActorName == "quantri"));
        Assert.True(audited);
    }

    [DbFact]
    public async Task An_executable_is_refused_with_415_and_nothing_is_stored()
    {
        var client = await app.SignedInClientAsync();
        var rows = await RowCountAsync();
        var blobs = BlobCount();
        var exe = new byte[50_000];
        "MZ"u8.CopyTo(exe);

        var response = await UploadAsync(client, (exe, "bao-cao.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.StartsWith("Không chấp nhận tệp thực thi", problem!.Title);
        Assert.Equal(rows, await RowCountAsync());
        Assert.Equal(blobs, BlobCount());
        Assert.Equal(0, TemporaryCount());
    }

    [DbFact]
    public async Task Several_files_in_one_request_are_all_recorded_and_identical_contents_are_stored_once()
    {
        var client = await app.SignedInClientAsync();
        var pdf = Pdf(30_000);
        var csv = "Số,Trích yếu\n15,V/v giao chỉ tiêu\n"u8.ToArray();
        var blobs = BlobCount();

        var response = await UploadAsync(client, (pdf, "ban-goc.pdf", "application/pdf"), (pdf, "ban-sao.pdf", "application/pdf"), (csv, "so-van-ban.csv", "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = (await response.Content.ReadFromJsonAsync<UploadResponseDto>())!.Files;
        Assert.Equal(["ban-goc.pdf", "ban-sao.pdf", "so-van-ban.csv"], files.Select(f => f.FileName));
        Assert.Equal(files[0].Sha256, files[1].Sha256);
        Assert.NotEqual(files[0].Id, files[1].Id);
        Assert.Equal("text/csv", files[2].ContentType.Split(';')[0]);
        Assert.Equal(blobs + 2, BlobCount());
    }

    [DbFact]
    public async Task An_upload_without_the_antiforgery_header_is_refused_before_anything_is_stored()
    {
        var client = await app.SignedInClientAsync();
        client.DefaultRequestHeaders.Remove(RequestForgeryGuard.HeaderName);
        var rows = await RowCountAsync();

        var response = await client.PostAsync("/api/v1/files", Multipart((Pdf(10_000), "a.pdf", "application/pdf")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(rows, await RowCountAsync());
    }

    [DbFact]
    public async Task Another_users_file_answers_404_and_an_anonymous_caller_401()
    {
        var admin = await app.SignedInClientAsync();
        var uploaded = (await (await UploadAsync(admin, (Pdf(5_000), "noi-bo.pdf", "application/pdf"))).Content.ReadFromJsonAsync<UploadResponseDto>())!.Files[0];
        var (_, userName) = await app.CreateUserAsync("Nguyễn Văn Bình");
        var other = await app.SignedInAsAsync(userName);
        var download = await other.GetAsync($"/api/v1/files/{uploaded.Id}");
        var metadata = await other.GetAsync($"/api/v1/files/{uploaded.Id}/metadata");
        var unknown = await admin.GetAsync($"/api/v1/files/{Guid.CreateVersion7()}");
        var anonymous = await app.AnonymousClient().GetAsync($"/api/v1/files/{uploaded.Id}");

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [DbFact]
    public async Task A_corrupted_content_fails_the_download_instead_of_serving_altered_bytes()
    {
        var client = await app.SignedInClientAsync();
        var pdf = Pdf(1_000);
        var uploaded = (await (await UploadAsync(client, (pdf, "hong.pdf", "application/pdf"))).Content.ReadFromJsonAsync<UploadResponseDto>())!.Files[0];
        var path = Path.Combine(StorePath, uploaded.Sha256[..2], uploaded.Sha256[2..4], uploaded.Sha256);
        var damaged = (byte[])pdf.Clone();
        damaged[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(path, damaged);

        var download = await client.GetAsync($"/api/v1/files/{uploaded.Id}");

        Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
        Assert.NotEqual(damaged, await download.Content.ReadAsByteArrayAsync());
        await File.WriteAllBytesAsync(path, pdf);
    }

    [DbFact]
    public async Task Garbage_collection_deletes_only_old_unreferenced_contents()
    {
        var client = await app.SignedInClientAsync();
        var referenced = (await (await UploadAsync(client, (Pdf(2_000), "con-dung.pdf", "application/pdf"))).Content.ReadFromJsonAsync<UploadResponseDto>())!.Files[0].Sha256;
        var (freshOrphan, oldOrphan) = await app.WithServiceAsync<IBlobStore, (string, string)>(async blobs =>
            ((await blobs.WriteAsync(new MemoryStream(Pdf(2_000)), long.MaxValue)).Sha256,
             (await blobs.WriteAsync(new MemoryStream(Pdf(2_000)), long.MaxValue)).Sha256));
        string PathOf(string sha256) => Path.Combine(StorePath, sha256[..2], sha256[2..4], sha256);
        File.SetLastWriteTimeUtc(PathOf(referenced), DateTime.UtcNow.AddDays(-3));
        File.SetLastWriteTimeUtc(PathOf(oldOrphan), DateTime.UtcNow.AddDays(-3));
        var staleTemporary = Path.Combine(StorePath, ".tmp", "up-interrupted");
        await File.WriteAllBytesAsync(staleTemporary, [1, 2, 3]);
        File.SetLastWriteTimeUtc(staleTemporary, DateTime.UtcNow.AddDays(-3));

        await app.WithServiceAsync<IEnumerable<IRecurringJob>, bool>(async jobs =>
        {
            var job = jobs.Single(j => j.Name == "files.garbage-collection");
            Assert.Equal("Dọn tệp không còn sử dụng", job.DisplayName);
            await job.RunAsync(CancellationToken.None);
            return true;
        });

        Assert.True(File.Exists(PathOf(referenced)));
        Assert.True(File.Exists(PathOf(freshOrphan)));
        Assert.False(File.Exists(PathOf(oldOrphan)));
        Assert.False(File.Exists(staleTemporary));
    }

    [DbFact]
    public async Task Readiness_covers_the_file_store()
    {
        var response = await app.AnonymousClient().GetAsync("/health/ready");
        var registrations = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(registrations, r => r.Name == "file-store" && r.Tags.Contains("ready"));
        Assert.True(Directory.Exists(StorePath));
    }
}

public sealed class FileStoreTestsOnSqlite(SqliteApp app) : FileStoreTests(app), IClassFixture<SqliteApp>;

public sealed class FileStoreTestsOnPostgres(PostgresApp app) : FileStoreTests(app), IClassFixture<PostgresApp>;

/// <summary>The same application with a 64 KB file limit.</summary>
public sealed class SmallFileLimitSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Storage:MaxFileSizeBytes"] = "65536" };
}

/// <inheritdoc cref="SmallFileLimitSqliteApp"/>
public sealed class SmallFileLimitPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Storage:MaxFileSizeBytes"] = "65536" };
}

public abstract class FileSizeLimitTests(EofficeApp app)
{
    [DbFact]
    public async Task A_file_over_the_limit_is_refused_with_413_and_leaves_nothing_behind()
    {
        var client = await app.SignedInClientAsync();
        var store = Path.Combine(app.DataPath, "files");
        int FileCount() => Directory.Exists(store) ? Directory.GetFiles(store, "*", SearchOption.AllDirectories).Length : 0;
        var rows = await app.WithDbAsync(db => db.Set<StoredFile>().CountAsync());
        var files = FileCount();

        var response = await UploadAsync(client, (Pdf(300_000), "qua-lon.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Tệp “qua-lon.pdf” vượt quá dung lượng tối đa cho phép (64 KB).", problem!.Title);
        Assert.Equal(rows, await app.WithDbAsync(db => db.Set<StoredFile>().CountAsync()));
        Assert.Equal(files, FileCount());
    }

    [DbFact]
    public async Task A_file_at_the_limit_is_accepted()
    {
        var client = await app.SignedInClientAsync();

        var response = await UploadAsync(client, (Pdf(65_536), "vua-du.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class FileSizeLimitTestsOnSqlite(SmallFileLimitSqliteApp app) : FileSizeLimitTests(app), IClassFixture<SmallFileLimitSqliteApp>;

public sealed class FileSizeLimitTestsOnPostgres(SmallFileLimitPostgresApp app)
    : FileSizeLimitTests(app), IClassFixture<SmallFileLimitPostgresApp>, IPostgresSuite;
