using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.TextExtraction;

/// <summary>
/// The text of stored files, extracted by the background workers: text PDFs, .docx, .xlsx in-process; scans through
/// the real tesseract (Vietnamese) and poppler, producing a searchable PDF beside the untouched original; encrypted and
/// corrupt files failing with a message for the clerk; one event per outcome.
/// </summary>
public abstract class FileTextTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_text_pdf_is_read_from_its_text_layer_and_publishes_one_event_even_when_asked_twice()
    {
        var admin = await app.SignedInClientAsync();
        var id = await FileTextKit.UploadAsync(admin, TextSamples.TextPdf(TextSamples.Letter, ["Trang hai: Điều 2. Giám đốc Sở chịu trách nhiệm thi hành."]),
            "cong-van.pdf", FileTypeSniffer.Pdf);

        await FileTextKit.RequestAsync(app, id);
        await FileTextKit.RequestAsync(app, id);
        var view = await FileTextKit.FinishedAsync(app, id);

        Assert.Equal((FileTextState.Ready, "pdf-text", (int?)2, 2, (Guid?)null, (string?)null),
            (view.State, view.Method, view.Pages, view.PagesDone, view.SearchablePdfFileId, view.Message));
        var text = await FileTextKit.TextAsync(app, id);
        Assert.Contains("Số: 125/UBND-VP", text, StringComparison.Ordinal);
        Assert.Contains("khẩn trương thực hiện nhiệm vụ", text, StringComparison.Ordinal);
        Assert.Contains("Giám đốc Sở chịu trách nhiệm", text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
        await FileTextKit.RequestAsync(app, id);
        Assert.Equal(1, await FileTextKit.EventsAsync(app, id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<FileText>().CountAsync(t => t.FileId == id)));
    }

    [DbFact]
    public async Task A_docx_gives_its_header_body_and_table_text_and_an_xlsx_its_shared_and_inline_strings()
    {
        var admin = await app.SignedInClientAsync();
        var docx = await FileTextKit.UploadAsync(admin, TextSamples.Docx("SỞ TÀI CHÍNH", "Về việc quyết toán ngân sách năm 2026", "Phòng Quản lý ngân sách"),
            "to-trinh.docx", FileTypeSniffer.Docx);
        var xlsx = await FileTextKit.UploadAsync(admin, TextSamples.Xlsx("Kinh phí sửa chữa trụ sở", "Đơn vị: đồng", 125000000),
            "du-toan.xlsx", FileTypeSniffer.Xlsx);

        await FileTextKit.RequestAsync(app, docx, xlsx);

        Assert.Equal((FileTextState.Ready, "docx"), ((await FileTextKit.FinishedAsync(app, docx)).State, (await FileTextKit.FinishedAsync(app, docx)).Method));
        var word = await FileTextKit.TextAsync(app, docx);
        Assert.Contains("SỞ TÀI CHÍNH", word, StringComparison.Ordinal);
        Assert.Contains("Về việc quyết toán ngân sách năm 2026", word, StringComparison.Ordinal);
        Assert.Contains("Phòng Quản lý ngân sách", word, StringComparison.Ordinal);
        Assert.Equal("xlsx", (await FileTextKit.FinishedAsync(app, xlsx)).Method);
        Assert.Equal("Kinh phí sửa chữa trụ sở\tĐơn vị: đồng\t125000000", await FileTextKit.TextAsync(app, xlsx));
    }

    [DbFact]
    public async Task An_encrypted_pdf_and_a_corrupt_pdf_fail_at_once_with_a_message_for_the_clerk_and_asking_again_retries()
    {
        var admin = await app.SignedInClientAsync();
        var encrypted = await FileTextKit.UploadAsync(admin, TextSamples.EncryptedPdf(), "mat-khau.pdf", FileTypeSniffer.Pdf);
        var corrupt = await FileTextKit.UploadAsync(admin, FileStoreClient.Pdf(20_000), "hong.pdf", FileTypeSniffer.Pdf);

        await FileTextKit.RequestAsync(app, encrypted, corrupt);
        var locked = await FileTextKit.FinishedAsync(app, encrypted);
        var broken = await FileTextKit.FinishedAsync(app, corrupt);

        Assert.Equal(FileTextState.Failed, locked.State);
        Assert.StartsWith("Tệp PDF được mã hóa", locked.Message, StringComparison.Ordinal);
        Assert.Equal((FileTextState.Failed, "Tệp PDF bị hỏng hoặc không đúng định dạng nên không đọc được văn bản."), (broken.State, broken.Message));
        var row = await app.WithDbAsync(db => db.Set<FileText>().AsNoTracking().SingleAsync(t => t.FileId == corrupt));
        Assert.Equal((1, (string?)null, (string?)null), (row.Attempts, row.LockedBy, row.Text));
        Assert.Equal(1, await FileTextKit.EventsAsync(app, corrupt));

        // Asked again: a fresh attempt, ending the same way, and a second event for the second outcome.
        await FileTextKit.RequestAsync(app, corrupt);
        await Eventually.WaitForAsync(() => FileTextKit.EventsAsync(app, corrupt), n => n == 2, "the second outcome");
        Assert.Equal(FileTextState.Failed, (await FileTextKit.FinishedAsync(app, corrupt)).State);
    }

    [DbFact]
    public async Task The_text_endpoints_answer_only_whoever_may_download_the_file()
    {
        var (_, ownerName) = await app.CreateUserAsync("Lê Thị Văn Thư");
        var (_, strangerName) = await app.CreateUserAsync("Người Lạ Mặt");
        var owner = await app.SignedInAsAsync(ownerName);
        var stranger = await app.SignedInAsAsync(strangerName);
        var id = await FileTextKit.UploadAsync(owner, TextSamples.TextPdf(TextSamples.Letter), "den.pdf", FileTypeSniffer.Pdf);

        Assert.Equal(HttpStatusCode.NotFound, (await FileTextKit.PostAsync(stranger, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/files/{id}/text")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<FileText>().AnyAsync(t => t.FileId == id)));

        Assert.Equal(HttpStatusCode.Accepted, (await FileTextKit.PostAsync(owner, id)).StatusCode);
        var answer = await Eventually.WaitForAsync(() => owner.GetFromJsonAsync<FileTextApi.FileTextResponse>($"/api/v1/files/{id}/text"),
            a => a!.Status.State != FileTextState.Pending, "the text");
        Assert.Equal(FileTextState.Ready, answer!.Status.State);
        Assert.Contains("V/v triển khai kế hoạch chuyển đổi số", answer.Text, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Publishing_an_event_explicitly_adds_one_outbox_message_under_its_declared_name_with_the_change()
    {
        var id = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Publish(FileTextEvents.Extracted, new FileTextExtracted(id, FileTextState.Ready));
            Assert.Throws<InvalidOperationException>(() => outbox.Publish("files.never-declared", new FileTextExtracted(id, FileTextState.Ready)));
            Assert.Throws<InvalidOperationException>(() => outbox.Publish(FileTextEvents.Extracted, new { FileId = id }));
            await scope.ServiceProvider.GetRequiredService<EofficeDbContext>().SaveChangesAsync();
        }

        Assert.Equal(1, await FileTextKit.EventsAsync(app, id));
    }
}

/// <summary>Scans through the real OCR: the Vietnamese words come back, a searchable PDF is stored, the original is untouched.</summary>
public abstract class OcrTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [OcrFact]
    public async Task An_image_only_pdf_in_vietnamese_is_recognised_into_a_searchable_pdf_beside_the_untouched_original()
    {
        var (_, clerkName) = await app.CreateUserAsync("Phạm Thị Văn Thư");
        var (_, strangerName) = await app.CreateUserAsync("Người Ngoài");
        var clerk = await app.SignedInAsAsync(clerkName);
        var stranger = await app.SignedInAsAsync(strangerName);
        var scan = TextSamples.ScanPdf(TextSamples.Render(TextSamples.TextPdf(TextSamples.Letter), jpeg: true));
        var id = await FileTextKit.UploadAsync(clerk, scan, "ban-quet.pdf", FileTypeSniffer.Pdf);
        Assert.Empty(FileTextKit.PdfText(scan)); // image-only: what is read below, OCR read

        Assert.Equal(HttpStatusCode.Accepted, (await FileTextKit.PostAsync(clerk, id)).StatusCode);
        var view = await FileTextKit.FinishedAsync(app, id, TimeSpan.FromMinutes(3));

        Assert.Equal((FileTextState.Ready, "ocr", (int?)1, 1, (string?)null), (view.State, view.Method, view.Pages, view.PagesDone, view.Message));
        var text = await FileTextKit.TextAsync(app, id);
        foreach (var word in new[] { "NINH BÌNH", "125/UBND-VP", "chuyển đổi số", "Truyền thông", "nhiệm vụ", "Nguyễn Văn Hùng" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }

        var pdfId = view.SearchablePdfFileId!.Value;
        var searchable = await clerk.GetByteArrayAsync($"/api/v1/files/{pdfId}");
        Assert.Contains("chuyển đổi số", FileTextKit.PdfText(searchable), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/files/{pdfId}")).StatusCode);
        var original = await clerk.GetByteArrayAsync($"/api/v1/files/{id}");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(scan)), Convert.ToHexStringLower(SHA256.HashData(original)));
        Assert.Equal(1, await FileTextKit.EventsAsync(app, id));
    }

    [OcrFact]
    public async Task A_three_page_scan_is_read_page_by_page_with_its_progress_into_a_three_page_searchable_pdf_beside_the_untouched_original()
    {
        var admin = await app.SignedInClientAsync();
        var pages = TextSamples.Render(TextSamples.TextPdf(TextSamples.Letter, ["Trang hai: Điều 2. Hiệu lực thi hành."], ["Trang ba: Nơi nhận và lưu văn thư."]),
            jpeg: true);
        var scan = TextSamples.ScanPdf(pages);
        var id = await FileTextKit.UploadAsync(admin, scan, "ba-trang.pdf", FileTypeSniffer.Pdf);
        Assert.Empty(FileTextKit.PdfText(scan));

        await FileTextKit.RequestAsync(app, id);
        var seen = new List<FileTextView>();
        var view = await Eventually.WaitForAsync(async () =>
        {
            var current = await app.WithServiceAsync<IFileTexts, FileTextView>(t => t.StatusAsync(id));
            seen.Add(current);
            return current;
        }, v => v.State is not FileTextState.Pending, "the three pages", TimeSpan.FromMinutes(4));

        Assert.Equal((FileTextState.Ready, "ocr", (int?)3, 3), (view.State, view.Method, view.Pages, view.PagesDone));
        Assert.Contains(seen, v => v is { State: FileTextState.Pending, Pages: 3, PagesDone: 0 });
        Assert.Contains(seen, v => v is { State: FileTextState.Pending, Pages: 3, PagesDone: > 0 and < 3 });
        // Every page's text, in the order of the pages.
        var text = await FileTextKit.TextAsync(app, id);
        var positions = new[] { "chuyển đổi số", "Hiệu lực thi hành", "Nơi nhận" }.Select(w => text.IndexOf(w, StringComparison.Ordinal)).ToList();
        Assert.True(positions[0] >= 0 && positions[1] > positions[0] && positions[2] > positions[1], $"Pages missing or out of order: {text}");

        var searchable = await admin.GetByteArrayAsync($"/api/v1/files/{view.SearchablePdfFileId!.Value}");
        var layer = FileTextKit.PdfPages(searchable);
        Assert.Equal(3, layer.Count);
        Assert.Contains("chuyển đổi số", layer[0], StringComparison.Ordinal);
        Assert.Contains("Hiệu lực thi hành", layer[1], StringComparison.Ordinal);
        Assert.Contains("Nơi nhận", layer[2], StringComparison.Ordinal);
        var original = await admin.GetByteArrayAsync($"/api/v1/files/{id}");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(scan)), Convert.ToHexStringLower(SHA256.HashData(original)));
    }

    [OcrFact]
    public async Task A_mixed_pdf_keeps_its_typed_page_as_it_is_and_recognises_only_its_scanned_page()
    {
        var admin = await app.SignedInClientAsync();
        var typed = TextSamples.TextPdf(TextSamples.Letter);
        var scanned = TextSamples.ScanPdf(TextSamples.Render(TextSamples.TextPdf(["Trang hai: Điều 2. Hiệu lực thi hành."]), jpeg: true));
        var mixed = TextSamples.Concatenate(typed, scanned);
        var id = await FileTextKit.UploadAsync(admin, mixed, "hon-hop.pdf", FileTypeSniffer.Pdf);

        await FileTextKit.RequestAsync(app, id);
        var view = await FileTextKit.FinishedAsync(app, id, TimeSpan.FromMinutes(3));

        Assert.Equal((FileTextState.Ready, "ocr", (int?)2, 2), (view.State, view.Method, view.Pages, view.PagesDone));
        var text = await FileTextKit.TextAsync(app, id);
        Assert.StartsWith("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", text, StringComparison.Ordinal); // the typed page's own text
        Assert.Contains("Số: 125/UBND-VP", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Hiệu lực thi hành", StringComparison.Ordinal) > text.IndexOf("Chủ tịch Nguyễn Văn Hùng", StringComparison.Ordinal), text);
        var searchable = await admin.GetByteArrayAsync($"/api/v1/files/{view.SearchablePdfFileId!.Value}");
        using var document = UglyToad.PdfPig.PdfDocument.Open(searchable);
        Assert.Equal(2, document.NumberOfPages);
        // The typed page is the original page (its text, no image of it); the scanned one is an image with OCR text on it.
        Assert.Equal(FileTextKit.PdfPages(typed)[0], FileTextKit.PdfPages(searchable)[0]);
        Assert.Empty(document.GetPage(1).GetImages());
        Assert.Single(document.GetPage(2).GetImages());
        Assert.Contains("Hiệu lực thi hành", FileTextKit.PdfPages(searchable)[1], StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(mixed)), Convert.ToHexStringLower(SHA256.HashData(await admin.GetByteArrayAsync($"/api/v1/files/{id}"))));
    }

    [OcrFact]
    public async Task A_png_scan_is_recognised_too()
    {
        var admin = await app.SignedInClientAsync();
        var png = TextSamples.Render(TextSamples.TextPdf(["Quyết định về việc khen thưởng", "Điều 1. Tặng giấy khen"]))[0];
        var id = await FileTextKit.UploadAsync(admin, png, "anh.png", "image/png");

        await FileTextKit.RequestAsync(app, id);
        var view = await FileTextKit.FinishedAsync(app, id, TimeSpan.FromMinutes(3));

        Assert.Equal((FileTextState.Ready, "ocr"), (view.State, view.Method));
        Assert.NotNull(view.SearchablePdfFileId);
        Assert.Contains("khen thưởng", await FileTextKit.TextAsync(app, id), StringComparison.Ordinal);
    }
}

/// <summary>OCR that cannot finish in time (a limit of 300 ms): the process is killed and the file failed, visibly.</summary>
public abstract class ImpatientOcrTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [OcrFact]
    public async Task A_scan_that_takes_longer_than_the_time_limit_fails_with_the_limit_in_its_message()
    {
        var admin = await app.SignedInClientAsync();
        var scan = TextSamples.ScanPdf(TextSamples.Render(TextSamples.TextPdf(TextSamples.Letter), jpeg: true));
        var id = await FileTextKit.UploadAsync(admin, scan, "cham.pdf", FileTypeSniffer.Pdf);

        await FileTextKit.RequestAsync(app, id);
        var view = await FileTextKit.FinishedAsync(app, id, TimeSpan.FromMinutes(1));

        Assert.Equal(FileTextState.Failed, view.State);
        Assert.StartsWith("Quá thời gian cho phép (0,3 giây)", view.Message, StringComparison.Ordinal);
        Assert.Null(view.SearchablePdfFileId);
        Assert.Equal(1, await FileTextKit.EventsAsync(app, id));
    }
}

/// <summary>Without OCR (paths that do not exist; a page limit of 2): scans say so, everything else is read.</summary>
public abstract class NoOcrTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task Without_ocr_a_scan_is_ocr_unavailable_with_its_message_while_a_docx_is_still_read()
    {
        var admin = await app.SignedInClientAsync();
        var scan = await FileTextKit.UploadAsync(admin, TextSamples.ScanPdf([FileTextKit.BlankPng]), "quet.pdf", FileTypeSniffer.Pdf);
        var docx = await FileTextKit.UploadAsync(admin, TextSamples.Docx("UBND HUYỆN", "Giấy mời họp", "Thời gian: 8 giờ"), "moi.docx", FileTypeSniffer.Docx);

        await FileTextKit.RequestAsync(app, scan, docx);
        var unavailable = await FileTextKit.FinishedAsync(app, scan);

        Assert.Equal((FileTextState.OcrUnavailable, (int?)1, 0), (unavailable.State, unavailable.Pages, unavailable.PagesDone));
        Assert.StartsWith("Máy chủ chưa cài phần mềm nhận dạng chữ (OCR)", unavailable.Message, StringComparison.Ordinal);
        Assert.Equal(FileTextState.Ready, (await FileTextKit.FinishedAsync(app, docx)).State);
        Assert.Equal(1, await FileTextKit.EventsAsync(app, scan));
        Assert.False(await app.WithServiceAsync<OcrEngine, bool>(o => Task.FromResult(o.IsAvailable)));
    }
}

/// <summary>Limits without OCR installed: the page limit (2 here) and a file whose workers all died.</summary>
public abstract class FileTextLimitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_pdf_longer_than_the_page_limit_is_read_up_to_the_limit_and_says_so()
    {
        var admin = await app.SignedInClientAsync();
        var id = await FileTextKit.UploadAsync(admin, TextSamples.TextPdf(TextSamples.Letter, ["Trang hai: Điều 2. Hiệu lực thi hành."],
            ["Trang ba: Nơi nhận và lưu văn thư."]), "dai.pdf", FileTypeSniffer.Pdf);

        await FileTextKit.RequestAsync(app, id);
        var view = await FileTextKit.FinishedAsync(app, id);

        Assert.Equal((FileTextState.Ready, (int?)3, 2), (view.State, view.Pages, view.PagesDone));
        Assert.Equal("Tệp có 3 trang; chỉ trích xuất văn bản của 2 trang đầu (giới hạn của máy chủ).", view.Message);
        var text = await FileTextKit.TextAsync(app, id);
        Assert.Contains("Hiệu lực thi hành", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nơi nhận", text, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_file_whose_lease_ran_out_after_the_last_attempt_is_given_up_not_left_pending()
    {
        var admin = await app.SignedInClientAsync();
        var id = await FileTextKit.UploadAsync(admin, TextSamples.TextPdf(TextSamples.Letter), "treo.pdf", FileTypeSniffer.Pdf);
        using (var scope = app.Services.CreateScope())
        {
            // As left by a node that died during its third attempt: leased, the lease long over.
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            await scope.ServiceProvider.GetRequiredService<IFileTexts>().RequestAsync(id);
            var entry = db.Entry(db.Set<FileText>().Local.Single(t => t.FileId == id));
            entry.Property(t => t.Attempts).CurrentValue = FileText.MaxAttempts;
            entry.Property(t => t.LockedBy).CurrentValue = "node-that-died";
            entry.Property(t => t.LockedUntil).CurrentValue = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var view = await FileTextKit.FinishedAsync(app, id);

        Assert.Equal((FileTextState.Failed, FileTextProcessor.GivenUpMessage), (view.State, view.Message));
        var row = await app.WithDbAsync(db => db.Set<FileText>().AsNoTracking().SingleAsync(t => t.FileId == id));
        Assert.Equal((FileText.MaxAttempts + 1, (string?)null), (row.Attempts, row.LockedBy));
        Assert.Equal(1, await FileTextKit.EventsAsync(app, id));
    }
}

/// <summary>OCR needs tesseract and poppler's pdftoppm, pdfseparate and pdfunite: any one missing means OCR unavailable.</summary>
public sealed class OcrAvailabilityTests
{
    [OcrFact]
    public void Ocr_is_available_with_the_installed_programs_and_unavailable_when_tesseract_or_the_poppler_programs_are_missing()
    {
        static OcrEngine Engine(FileTextOptions options) =>
            new(Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Logging.Abstractions.NullLogger<OcrEngine>.Instance);

        var poppler = Environment.GetEnvironmentVariable("EOFFICE_TEST_POPPLER") is { Length: > 0 } p ? p : "/usr/bin";
        Assert.True(Engine(new FileTextOptions()).IsAvailable);
        Assert.True(Engine(new FileTextOptions { PopplerFolder = poppler }).IsAvailable);
        Assert.False(Engine(new FileTextOptions { TesseractPath = "/nonexistent/tesseract" }).IsAvailable);

        // A folder with pdftoppm but without pdfunite (or pdfseparate) is not enough.
        var folder = Directory.CreateTempSubdirectory("eoffice-poppler-").FullName;
        try
        {
            File.Copy(Path.Combine(poppler, "pdftoppm"), Path.Combine(folder, "pdftoppm"));
            var partial = Engine(new FileTextOptions { PopplerFolder = folder });
            Assert.Equal((false, true, (string?)null), (partial.IsAvailable, partial.PdfToPpmPath is not null, partial.PdfUnitePath));
            File.Copy(Path.Combine(poppler, "pdfunite"), Path.Combine(folder, "pdfunite"));
            Assert.False(Engine(new FileTextOptions { PopplerFolder = folder }).IsAvailable);
            File.Copy(Path.Combine(poppler, "pdfseparate"), Path.Combine(folder, "pdfseparate"));
            Assert.True(Engine(new FileTextOptions { PopplerFolder = folder }).IsAvailable);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

internal static class FileTextKit
{
    /// <summary>A white page rendered at 50 dpi: a scan with no text at all.</summary>
    public static byte[] BlankPng => TextSamples.Render(TextSamples.TextPdf([[]]), 50, jpeg: true)[0];

    public static async Task<Guid> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType)
    {
        var response = await FileStoreClient.UploadAsync(client, (content, fileName, contentType));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files.Single().Id;
    }

    /// <summary>As a module does it: the requests join the module's change and are committed with it.</summary>
    public static async Task RequestAsync(EofficeApp app, params Guid[] ids)
    {
        using var scope = app.Services.CreateScope();
        foreach (var id in ids)
        {
            await scope.ServiceProvider.GetRequiredService<IFileTexts>().RequestAsync(id);
        }

        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(null, CancellationToken.None);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id)
    {
        using var request = await FileStoreClient.UploadRequestAsync(client, new StringContent(string.Empty));
        request.RequestUri = new Uri($"/api/v1/files/{id}/text", UriKind.Relative);
        request.Content = null;
        return await client.SendAsync(request);
    }

    public static Task<FileTextView> FinishedAsync(EofficeApp app, Guid id, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(() => app.WithServiceAsync<IFileTexts, FileTextView>(t => t.StatusAsync(id)),
            v => v.State is not FileTextState.Pending and not FileTextState.NotRequested, "the file's text", timeout ?? TimeSpan.FromSeconds(60));

    public static async Task<string> TextAsync(EofficeApp app, Guid id) =>
        (await app.WithServiceAsync<IFileTexts, IReadOnlyDictionary<Guid, string>>(t => t.TextsAsync([id])))[id];

    /// <summary>Outbox messages of the "text extracted" event for <paramref name="fileId"/>.</summary>
    public static async Task<int> EventsAsync(EofficeApp app, Guid fileId)
    {
        var messages = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == FileTextEvents.Extracted).ToListAsync());
        return messages.Count(m => m.Payload.Contains(fileId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text layer of each page, NFC.</summary>
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text.Normalize(System.Text.NormalizationForm.FormC).Trim()).ToList();
    }

    public static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(p => p.Text)).Normalize(System.Text.NormalizationForm.FormC).Trim();
    }
}

public sealed class FileTextTestsOnSqlite(SqliteApp app) : FileTextTests<SqliteApp>(app);

public sealed class FileTextTestsOnPostgres(PostgresApp app) : FileTextTests<PostgresApp>(app), IPostgresSuite;

public sealed class OcrTestsOnSqlite(SqliteApp app) : OcrTests<SqliteApp>(app);

public sealed class OcrTestsOnPostgres(PostgresApp app) : OcrTests<PostgresApp>(app), IPostgresSuite;

public sealed class ImpatientOcrTestsOnSqlite(ImpatientOcrSqliteApp app) : ImpatientOcrTests<ImpatientOcrSqliteApp>(app);

public sealed class ImpatientOcrTestsOnPostgres(ImpatientOcrPostgresApp app) : ImpatientOcrTests<ImpatientOcrPostgresApp>(app), IPostgresSuite;

public sealed class FileTextLimitTestsOnSqlite(NoOcrSqliteApp app) : FileTextLimitTests<NoOcrSqliteApp>(app);

public sealed class FileTextLimitTestsOnPostgres(NoOcrPostgresApp app) : FileTextLimitTests<NoOcrPostgresApp>(app), IPostgresSuite;

public sealed class NoOcrTestsOnSqlite(NoOcrSqliteApp app) : NoOcrTests<NoOcrSqliteApp>(app);

public sealed class NoOcrTestsOnPostgres(NoOcrPostgresApp app) : NoOcrTests<NoOcrPostgresApp>(app), IPostgresSuite;

internal static class OcrSettings
{
    public static Dictionary<string, string?> Missing => new()
    {
        ["TextExtraction:PopplerFolder"] = "/nonexistent/poppler",
        ["TextExtraction:TesseractPath"] = "/nonexistent/tesseract",
        ["TextExtraction:MaxPages"] = "2",
    };

    public static Dictionary<string, string?> Impatient => new() { ["TextExtraction:TimeLimit"] = "00:00:00.300" };
}

public sealed class ImpatientOcrSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => OcrSettings.Impatient;
}

public sealed class ImpatientOcrPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => OcrSettings.Impatient;
}

public sealed class NoOcrSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => OcrSettings.Missing;
}

public sealed class NoOcrPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => OcrSettings.Missing;
}
