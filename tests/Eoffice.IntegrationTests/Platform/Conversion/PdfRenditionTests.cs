using System.Net;
using Eoffice.IntegrationTests.Documents.Outputs;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Platform.Conversion;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Conversion;

/// <summary>
/// The PDF view of a .docx: requested inside a change, converted by the background worker with the real LibreOffice,
/// stored in the file store and readable by whoever may read the .docx.
/// </summary>
public abstract class PdfRenditionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [SofficeFact]
    public async Task A_requested_rendition_is_converted_by_the_worker_and_its_pdf_reads_the_number_the_date_and_the_signer()
    {
        var (_, drafterName) = await app.CreateUserAsync("Cao Xuân Soạn");
        var (_, strangerName) = await app.CreateUserAsync("Người Ngoài Cuộc");
        var drafter = await app.SignedInAsAsync(drafterName);
        var stranger = await app.SignedInAsAsync(strangerName);
        var docx = new OfficialLayoutWriter().Write(Layout(), null, null);
        var sourceId = await UploadAsync(drafter, docx, "quyet-dinh-bao-tri.docx");

        await RequestAsync(app, sourceId);
        var ready = await Eventually.WaitForAsync(() => StatusAsync(app, sourceId), s => s.State is not PdfViewState.Pending,
            "the PDF view", TimeSpan.FromMinutes(3));

        Assert.Equal(PdfViewState.Ready, ready.State);
        var pdfId = ready.PdfFileId!.Value;
        var download = await drafter.GetAsync($"/api/v1/files/{pdfId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(FileTypeSniffer.Pdf, download.Content.Headers.ContentType?.MediaType);
        var text = string.Join('\n', await OutputsTestKit.PdfLinesAsync(await download.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Số: 05/QĐ-SGTVT", text, StringComparison.Ordinal);
        Assert.Contains("Ninh Bình, ngày 05 tháng 02 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bích Hạnh", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);

        // Who may read the .docx may read its PDF; anyone else is told it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/files/{sourceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/files/{pdfId}")).StatusCode);
        Assert.Equal(sourceId, await app.WithServiceAsync<PdfRenditions, Guid?>(r => r.SourceOfAsync(pdfId)));
        Assert.Null(await app.WithServiceAsync<PdfRenditions, Guid?>(r => r.SourceOfAsync(sourceId)));
        var pdf = await app.WithDbAsync(db => db.Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == pdfId));
        Assert.Equal(("quyet-dinh-bao-tri.pdf", (Guid?)null), (pdf.FileName, pdf.CreatedBy));
        var row = await app.WithDbAsync(db => db.Set<PdfRendition>().AsNoTracking().SingleAsync(r => r.SourceFileId == sourceId));
        Assert.Equal((1, (string?)null, (string?)null), (row.Attempts, row.LockedBy, row.Error));
        Assert.NotNull(row.FinishedAt);

        // Asking again for a PDF that exists changes nothing.
        await RequestAsync(app, sourceId);
        Assert.Equal(PdfView.Ready(pdfId), await StatusAsync(app, sourceId));
    }

    internal static OfficialLayout Layout() => new(
        "UBND tỉnh Ninh Bình", "Sở Giao thông vận tải", "Số: 05/QĐ-SGTVT", "Ninh Bình, ngày 05 tháng 02 năm 2026", "QĐ", "Quyết định",
        "Về việc phê duyệt kế hoạch bảo trì đường tỉnh năm 2026", null, [], "KT. Giám đốc", "Phó Giám đốc", "Trần Thị Bích Hạnh",
        ["Như Điều 3;", "Lưu: VT, KHTC."]);

    internal static async Task<Guid> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var response = await FileStoreClient.UploadAsync(client, (content, fileName, FileTypeSniffer.Docx));
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>(response.Content))!.Files.Single().Id;
    }

    /// <summary>As a module does it: the request joins the module's change and is committed with it.</summary>
    internal static async Task RequestAsync(EofficeApp app, Guid sourceId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PdfRenditions>().RequestAsync(sourceId);
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(null, CancellationToken.None);
    }

    internal static Task<PdfView> StatusAsync(EofficeApp app, Guid sourceId) =>
        app.WithServiceAsync<PdfRenditions, PdfView>(r => r.StatusAsync(sourceId));
}

/// <summary>
/// Without LibreOffice (a path that does not exist): the page is told to offer the .docx, and requests wait — they are
/// converted once LibreOffice is installed.
/// </summary>
public abstract class PdfRenditionsWithoutLibreOfficeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task With_a_bogus_libreoffice_path_the_status_is_unavailable_with_its_message_and_the_request_waits()
    {
        var admin = await app.SignedInClientAsync();
        var sourceId = await PdfRenditionTests<TApp>.UploadAsync(admin, new OfficialLayoutWriter().Write(PdfRenditionTests<TApp>.Layout(), null, null), "cong-van.docx");

        Assert.Equal(PdfViewState.Unavailable, (await PdfRenditionTests<TApp>.StatusAsync(app, sourceId)).State);
        await PdfRenditionTests<TApp>.RequestAsync(app, sourceId);
        await Task.Delay(TimeSpan.FromSeconds(1)); // several poll intervals of the worker
        var status = await PdfRenditionTests<TApp>.StatusAsync(app, sourceId);

        Assert.Equal(PdfViewState.Unavailable, status.State);
        Assert.Equal("Máy chủ chưa cài LibreOffice nên chưa xem được bản PDF; vui lòng tải tệp .docx.", status.Message);
        var row = await app.WithDbAsync(db => db.Set<PdfRendition>().AsNoTracking().SingleAsync(r => r.SourceFileId == sourceId));
        Assert.Equal((PdfRenditionStatus.Pending, 0, (string?)null), (row.Status, row.Attempts, row.LockedBy));
    }

    [DbFact]
    public async Task A_request_is_saved_only_with_the_change_that_made_it_and_asking_twice_keeps_one_request()
    {
        var admin = await app.SignedInClientAsync();
        var sourceId = await PdfRenditionTests<TApp>.UploadAsync(admin, new OfficialLayoutWriter().Write(PdfRenditionTests<TApp>.Layout(), null, null), "to-trinh.docx");

        using (var scope = app.Services.CreateScope())
        {
            // The caller's change fails before it commits: no request either.
            await scope.ServiceProvider.GetRequiredService<PdfRenditions>().RequestAsync(sourceId);
        }

        Assert.False(await app.WithDbAsync(db => db.Set<PdfRendition>().AnyAsync(r => r.SourceFileId == sourceId)));
        await PdfRenditionTests<TApp>.RequestAsync(app, sourceId);
        await PdfRenditionTests<TApp>.RequestAsync(app, sourceId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<PdfRendition>().CountAsync(r => r.SourceFileId == sourceId)));
    }
}

/// <summary>
/// LibreOffice that never finishes in time (a limit of 50 ms): each attempt is stopped, retried after the back-off,
/// and given up after three; asking again starts afresh.
/// </summary>
public abstract class FailingPdfRenditionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [SofficeFact]
    public async Task A_conversion_that_keeps_failing_is_given_up_after_three_attempts_and_a_new_request_starts_again()
    {
        var admin = await app.SignedInClientAsync();
        var sourceId = await PdfRenditionTests<TApp>.UploadAsync(admin, new OfficialLayoutWriter().Write(PdfRenditionTests<TApp>.Layout(), null, null), "ke-hoach.docx");

        await PdfRenditionTests<TApp>.RequestAsync(app, sourceId);
        var failed = await Eventually.WaitForAsync(() => PdfRenditionTests<TApp>.StatusAsync(app, sourceId), s => s.State is not PdfViewState.Pending,
            "the PDF view to be given up", TimeSpan.FromMinutes(2));

        Assert.Equal(PdfViewState.Failed, failed.State);
        Assert.Equal(PdfRenditions.FailedMessage, failed.Message);
        Assert.Contains("did not finish within", failed.Detail, StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.Set<PdfRendition>().AsNoTracking().SingleAsync(r => r.SourceFileId == sourceId));
        Assert.Equal((PdfRenditionStatus.Failed, PdfRendition.MaxAttempts, (Guid?)null), (row.Status, row.Attempts, row.PdfFileId));

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PdfRenditions>().RequestAsync(sourceId);
            var again = scope.ServiceProvider.GetRequiredService<EofficeDbContext>().Set<PdfRendition>().Local.Single(r => r.SourceFileId == sourceId);
            Assert.Equal((PdfRenditionStatus.Pending, 0), (again.Status, again.Attempts));
        }
    }
}

public sealed class PdfRenditionTestsOnSqlite(SofficeSqliteApp app) : PdfRenditionTests<SofficeSqliteApp>(app);

public sealed class PdfRenditionTestsOnPostgres(SofficePostgresApp app) : PdfRenditionTests<SofficePostgresApp>(app), IPostgresSuite;

public sealed class PdfRenditionsWithoutLibreOfficeTestsOnSqlite(NoSofficeSqliteApp app) : PdfRenditionsWithoutLibreOfficeTests<NoSofficeSqliteApp>(app);

public sealed class PdfRenditionsWithoutLibreOfficeTestsOnPostgres(NoSofficePostgresApp app)
    : PdfRenditionsWithoutLibreOfficeTests<NoSofficePostgresApp>(app), IPostgresSuite;

public sealed class FailingPdfRenditionTestsOnSqlite(ImpatientSofficeSqliteApp app) : FailingPdfRenditionTests<ImpatientSofficeSqliteApp>(app);

public sealed class FailingPdfRenditionTestsOnPostgres(ImpatientSofficePostgresApp app)
    : FailingPdfRenditionTests<ImpatientSofficePostgresApp>(app), IPostgresSuite;

/// <summary>The settings of the LibreOffice fixtures: the program of EOFFICE_TEST_SOFFICE (none: a path that does not exist).</summary>
internal static class SofficeSettings
{
    public const string Missing = "/nonexistent/libreoffice/program/soffice";

    public static Dictionary<string, string?> With(string? program, string? timeout = null)
    {
        var settings = new Dictionary<string, string?> { ["Eoffice:LibreOfficePath"] = program ?? Missing };
        if (timeout is not null)
        {
            settings["Eoffice:LibreOfficeTimeout"] = timeout;
            settings["Jobs:RetryBaseDelay"] = "00:00:00.200";
            settings["Jobs:RetryMaxDelay"] = "00:00:01";
        }

        return settings;
    }
}

public sealed class SofficeSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => SofficeSettings.With(SofficeFactDiscoverer.ProgramPath);
}

public sealed class SofficePostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => SofficeSettings.With(SofficeFactDiscoverer.ProgramPath);
}

public sealed class NoSofficeSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => SofficeSettings.With(null);
}

public sealed class NoSofficePostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => SofficeSettings.With(null);
}

public sealed class ImpatientSofficeSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => SofficeSettings.With(SofficeFactDiscoverer.ProgramPath, "00:00:00.050");
}

public sealed class ImpatientSofficePostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => SofficeSettings.With(SofficeFactDiscoverer.ProgramPath, "00:00:00.050");
}
