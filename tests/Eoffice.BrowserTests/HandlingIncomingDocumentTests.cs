using Microsoft.Playwright;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Eoffice.BrowserTests;

/// <summary>
/// The whole life of an incoming document through the pages, in the demo agency's route (regulation 000 Điều 5.2.a):
/// the clerk registers a scanned PDF and presents it, the chief of office passes it to the director, the director
/// assigns the infrastructure department as lead, its head assigns a specialist, the specialist finishes; the
/// processing tree and timeline show every step.
/// </summary>
public sealed class HandlingIncomingDocumentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Eoffice@2026";

    private async Task<(IPage Page, List<string> Errors)> SignedInAsync(string userName)
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        return (page, errors);
    }

    private static string ScannedPdf()
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawRectangle(XPens.Black, XBrushes.LightGray, 60, 60, 300, 120);
        }

        var path = Path.Combine(Path.GetTempPath(), $"cong-van-{Guid.NewGuid():N}.pdf");
        document.Save(path);
        return path;
    }

    private static async Task ForwardAsync(IPage page, string documentUrl, string recipient, string role, string? instruction = null)
    {
        await page.GotoAsync(documentUrl);
        await page.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        if (instruction is not null)
        {
            await page.GetByLabel("Ý kiến chỉ đạo (bút phê)").FillAsync(instruction);
        }

        await page.GetByLabel("Vai trò của " + recipient, new() { Exact = true }).SelectOptionAsync(role);
        await page.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(documentUrl);
    }

    /// <summary>Fills the registration form's required fields, as the clerk types them from the paper.</summary>
    private static async Task FillRegistrationAsync(IPage clerk, string subject)
    {
        await clerk.Locator("#Input_Document_TypeCode").SelectOptionAsync(new SelectOptionValue { Label = "Công văn" });
        await clerk.Locator("#Input_Document_CodeNumber").FillAsync(Random.Shared.Next(100, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await clerk.Locator("#Input_Document_CodeNotation").FillAsync("UBND-KT");
        await clerk.Locator("#Input_Document_IssuingOrganName").FillAsync("Ủy ban nhân dân tỉnh Ninh Bình");
        await clerk.Locator("#Input_Document_Subject").FillAsync(subject);
    }

    private static void NoConsoleErrors(string who, List<string> errors) =>
        Assert.True(errors.Count == 0, $"Console errors for {who}: " + string.Join(" | ", errors));

    [BrowserFact]
    public async Task Clerk_chief_of_office_director_department_head_and_specialist_take_a_document_to_its_finish()
    {
        var subject = "V/v kiểm tra an toàn công trình cầu Non Nước mùa mưa bão " + Guid.NewGuid().ToString("N")[..6];

        // The clerk registers the scanned document: the PDF is previewed beside the form.
        var (clerk, clerkErrors) = await SignedInAsync("dtmai");
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-den/vao-so");
        await FillRegistrationAsync(clerk, subject);
        await clerk.Locator("#Input_Document_Urgency").SelectOptionAsync(new SelectOptionValue { Label = "Khẩn" });
        await clerk.Locator("#file-picker").SetInputFilesAsync(ScannedPdf());
        await Assertions.Expect(clerk.Locator("#file-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(clerk.Locator("#pdf-preview canvas").First).ToBeVisibleAsync();
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "incoming-register-form.png"), FullPage = true });
        await clerk.Locator("#register-submit").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/van-ban-den/[0-9a-f-]{36}$"));
        var documentUrl = clerk.Url;
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(subject);

        // … and presents it to the chief of office, who screens documents first in this agency.
        await clerk.Locator("#incoming-actions a[data-action='present']").ClickAsync();
        await clerk.Locator("#present-form select").SelectOptionAsync(new SelectOptionValue { Label = "Lê Thị Thu Hà — Chánh Văn phòng - Văn phòng" });
        await clerk.Locator("#present-form button[type=submit]").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(clerk.Locator("#processing-tree")).ToContainTextAsync("Lê Thị Thu Hà");
        NoConsoleErrors("dtmai", clerkErrors);

        // The chief of office finds it first in her inbox (urgent) and passes it to the director.
        var (chief, chiefErrors) = await SignedInAsync("lttha");
        await chief.GotoAsync(app.BaseUrl + "/van-ban-den");
        await Assertions.Expect(chief.Locator("main")).ToContainTextAsync(subject);
        await ForwardAsync(chief, documentUrl, "Nguyễn Văn An", "direct");
        NoConsoleErrors("lttha", chiefErrors);

        // The director writes his direction and gives the lead to the infrastructure department.
        var (director, directorErrors) = await SignedInAsync("nvan");
        await ForwardAsync(director, documentUrl, "Phòng Quản lý kết cấu hạ tầng giao thông", "lead",
            "Giao Phòng QLKCHTGT chủ trì kiểm tra, báo cáo kết quả.");
        NoConsoleErrors("nvan", directorErrors);

        // The head of the department assigns his specialist.
        var (head, headErrors) = await SignedInAsync("pvhung");
        await ForwardAsync(head, documentUrl, "Cao Xuân Trường", "lead", "Đồng chí Trường kiểm tra hiện trường.");
        NoConsoleErrors("pvhung", headErrors);

        // The specialist handles it and finishes.
        var (specialist, specialistErrors) = await SignedInAsync("cxtruong");
        await specialist.GotoAsync(documentUrl);
        await specialist.Locator("#incoming-actions a[data-action='finish']").ClickAsync();
        await specialist.GetByLabel("Kết quả xử lý").FillAsync("Đã kiểm tra hiện trường ngày 20/11, công trình an toàn; báo cáo kèm theo.");
        await specialist.GetByLabel("Lưu vào hồ sơ công việc").FillAsync("Hồ sơ kiểm tra an toàn công trình 2026");
        await specialist.Locator("#finish-form button[type=submit]").ClickAsync();
        await Assertions.Expect(specialist).ToHaveURLAsync(documentUrl);
        NoConsoleErrors("cxtruong", specialistErrors);

        // The director sees the whole processing tree and timeline, finished.
        await director.GotoAsync(documentUrl);
        await Assertions.Expect(director.Locator("#processing-timeline")).ToContainTextAsync("Hoàn thành");
        await Assertions.Expect(director.Locator("#processing-tree")).ToContainTextAsync("Cao Xuân Trường");
        await Assertions.Expect(director.Locator("#processing-tree")).ToContainTextAsync("Phòng Quản lý kết cấu hạ tầng giao thông");
        await Assertions.Expect(director.Locator("main")).ToContainTextAsync("Đã hoàn thành");
        await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "incoming-processing-timeline.png"), FullPage = true });
        NoConsoleErrors("nvan", directorErrors);

        // A specialist of another department cannot open it.
        var (outsider, _) = await SignedInAsync("hvson");
        var response = await outsider.GotoAsync(documentUrl);
        Assert.Equal(404, response!.Status);
    }

    [BrowserFact]
    public async Task The_clerk_cannot_register_while_the_scan_is_uploading_is_warned_without_it_and_adds_it_later_on_the_edit_page()
    {
        var (clerk, errors) = await SignedInAsync("dtmai");
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-den/vao-so");
        await FillRegistrationAsync(clerk, "V/v bản quét tải lên chậm " + Guid.NewGuid().ToString("N")[..6]);
        var submit = clerk.Locator("#register-submit");
        var wait = clerk.Locator("#upload-wait");

        // A slow upload: "Vào sổ" is disabled, and says why, until the file has arrived.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await clerk.RouteAsync("**/api/v1/files", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await clerk.Locator("#file-picker").SetInputFilesAsync(ScannedPdf());
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await Assertions.Expect(wait).ToBeVisibleAsync();
        await Assertions.Expect(wait).ToHaveTextAsync("Đang tải tệp lên… vui lòng chờ");
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "incoming-register-uploading.png"), FullPage = true });
        release.SetResult();
        await Assertions.Expect(clerk.Locator("#file-list [data-file-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await Assertions.Expect(wait).ToBeHiddenAsync();
        await clerk.UnrouteAsync("**/api/v1/files");

        // A refused upload re-enables saving, says why and can be taken off the list.
        await clerk.Locator("#file-list .registers-remove-file").ClickAsync();
        await clerk.RouteAsync("**/api/v1/files", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 415, ContentType = "application/problem+json", Body = "{\"title\":\"Loại tệp không được phép.\",\"status\":415}",
        }));
        await clerk.Locator("#file-picker").SetInputFilesAsync(ScannedPdf());
        var failed = clerk.Locator("#file-list li.registers-upload-failed");
        await Assertions.Expect(failed).ToContainTextAsync("Loại tệp không được phép.");
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await failed.Locator(".registers-remove-file").ClickAsync();
        await Assertions.Expect(clerk.Locator("#file-list li")).ToHaveCountAsync(0);
        await clerk.UnrouteAsync("**/api/v1/files");
        errors.RemoveAll(e => e.Contains("415", StringComparison.Ordinal)); // the refusal staged above, not a fault of the page

        // Without a file the server warns; the clerk confirms, then adds the scan from the document page.
        await submit.ClickAsync();
        await Assertions.Expect(clerk.Locator("#register-warnings li[data-kind='no-file']")).ToContainTextAsync("chưa có bản quét");
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "incoming-register-no-file.png"), FullPage = true });
        await clerk.Locator("#confirm-warnings").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/van-ban-den/[0-9a-f-]{36}$"));
        var documentUrl = clerk.Url;
        await clerk.Locator("#incoming-actions a[data-action='edit']").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl + "/sua");
        await clerk.Locator("#file-picker").SetInputFilesAsync(ScannedPdf());
        await Assertions.Expect(clerk.Locator("#file-list [data-file-id]")).ToHaveCountAsync(1);
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "incoming-edit-files.png"), FullPage = true });
        await clerk.Locator("#files-attach").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("Văn bản chính");
        NoConsoleErrors("dtmai", errors);
    }
}
