using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// The whole life of an incoming document through the pages, in the demo agency's route (regulation 000 Điều 5.2.a):
/// the clerk registers a scanned PDF and presents it, the chief of office passes it to the director, the director
/// assigns the infrastructure department as lead, its head assigns a specialist, the specialist finishes; the
/// processing tree and timeline show every step, each part with the deadline the picker proposed.
/// </summary>
public sealed class HandlingIncomingDocumentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Infrastructure = DemoAgency.Units.Infrastructure;

    [BrowserFact]
    public async Task Clerk_chief_of_office_director_department_head_and_specialist_take_a_document_to_its_finish()
    {
        var subject = "V/v kiểm tra an toàn công trình cầu Non Nước mùa mưa bão " + Guid.NewGuid().ToString("N")[..6];

        // The clerk registers the scanned document: the PDF is previewed beside the form.
        var (clerk, clerkErrors) = await app.SignedInAsync("dtmai");
        await clerk.FillRegistrationAsync(app, subject);
        await clerk.SaveScreenshotAsync("incoming-register-form");
        var documentUrl = await clerk.SaveRegistrationAsync(subject);

        // … and presents it to the chief of office, who screens documents first in this agency.
        await clerk.PresentToChiefAsync(documentUrl);
        IncomingPages.NoConsoleErrors("dtmai", clerkErrors);

        // The chief of office finds it first in her inbox (urgent) and passes it up to the director: no deadline is proposed.
        var (chief, chiefErrors) = await app.SignedInAsync("lttha");
        await chief.GotoAsync(app.BaseUrl + "/van-ban-den");
        await Assertions.Expect(chief.Locator("main")).ToContainTextAsync(subject);
        await chief.GotoAsync(documentUrl);
        await chief.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        await chief.ChooseAsync("nguyen van an", "Nguyễn Văn An", "direct");
        await Assertions.Expect(chief.GetByLabel("Số ngày làm việc của Nguyễn Văn An")).ToHaveValueAsync("");
        await Assertions.Expect(chief.GetByLabel("Hạn xử lý của Nguyễn Văn An")).ToHaveValueAsync("");
        await chief.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(chief).ToHaveURLAsync(documentUrl);
        Assert.Null(await chief.DueOfAsync("Nguyễn Văn An"));
        IncomingPages.NoConsoleErrors("lttha", chiefErrors);

        // The director writes his direction and gives the lead to the infrastructure department, with the agency's
        // default deadline.
        var (director, directorErrors) = await app.SignedInAsync("nvan");
        await director.GotoAsync(documentUrl);
        await director.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        await director.GetByLabel("Ý kiến chỉ đạo (bút phê)").FillAsync("Giao Phòng QLKCHTGT chủ trì kiểm tra, báo cáo kết quả.");
        await director.ChooseAsync("ha tang", Infrastructure, "lead");
        await Assertions.Expect(director.GetByLabel("Số ngày làm việc của " + Infrastructure)).ToHaveValueAsync("10");
        await director.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(documentUrl);
        var departmentDue = await director.DueOfAsync(Infrastructure);
        Assert.NotNull(departmentDue);
        IncomingPages.NoConsoleErrors("nvan", directorErrors);

        // The head of the department assigns his specialist, by the department's own deadline.
        var (head, headErrors) = await app.SignedInAsync("pvhung");
        await head.ForwardAsync(documentUrl, "Đồng chí Trường kiểm tra hiện trường.", ("cao xuan truong", "Cao Xuân Trường", "lead"));
        Assert.Equal(departmentDue, await head.DueOfAsync("Cao Xuân Trường"));
        IncomingPages.NoConsoleErrors("pvhung", headErrors);

        // The specialist handles it and finishes.
        var (specialist, specialistErrors) = await app.SignedInAsync("cxtruong");
        await specialist.GotoAsync(documentUrl);
        await specialist.Locator("#incoming-actions a[data-action='finish']").ClickAsync();
        await specialist.GetByLabel("Kết quả xử lý").FillAsync("Đã kiểm tra hiện trường ngày 20/11, công trình an toàn; báo cáo kèm theo.");
        await specialist.GetByLabel("Hoặc ghi tên hồ sơ (hồ sơ giấy)").FillAsync("Hồ sơ kiểm tra an toàn công trình 2026");
        await specialist.Locator("#finish-form button[type=submit]").ClickAsync();
        await Assertions.Expect(specialist).ToHaveURLAsync(documentUrl);
        IncomingPages.NoConsoleErrors("cxtruong", specialistErrors);

        // The demo agency has unit heads confirm results: the head reviews the specialist's and confirms it.
        await head.GotoAsync(documentUrl);
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync("Đang xử lý");
        await head.Locator("#incoming-actions a[data-action='confirm']").ClickAsync();
        await head.Locator("#confirm-form button[type=submit]").ClickAsync();
        await Assertions.Expect(head).ToHaveURLAsync(documentUrl);
        IncomingPages.NoConsoleErrors("pvhung", headErrors);

        // The director sees the whole processing tree and timeline, finished.
        await director.GotoAsync(documentUrl);
        await Assertions.Expect(director.Locator("#processing-timeline")).ToContainTextAsync("Hoàn thành");
        await Assertions.Expect(director.Locator("#processing-tree")).ToContainTextAsync("Cao Xuân Trường");
        await Assertions.Expect(director.Locator("#processing-tree")).ToContainTextAsync("Phòng Quản lý kết cấu hạ tầng giao thông");
        await Assertions.Expect(director.Locator("main")).ToContainTextAsync("Đã hoàn thành");
        await director.SaveScreenshotAsync("incoming-processing-timeline");
        IncomingPages.NoConsoleErrors("nvan", directorErrors);

        // A specialist of another department cannot open it.
        var (outsider, _) = await app.SignedInAsync("hvson");
        var response = await outsider.GotoAsync(documentUrl);
        Assert.Equal(404, response!.Status);
    }

    [BrowserFact]
    public async Task The_clerk_cannot_register_while_the_scan_is_uploading_is_warned_without_it_and_adds_it_later_on_the_edit_page()
    {
        var (clerk, errors) = await app.SignedInAsync("dtmai");
        await clerk.FillRegistrationFieldsAsync(app, "V/v bản quét tải lên chậm " + Guid.NewGuid().ToString("N")[..6]);
        var submit = clerk.Locator("#register-submit");
        var wait = clerk.Locator("#upload-wait");

        // A slow upload: "Vào sổ" is disabled, and says why, until the file has arrived.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await clerk.RouteAsync("**/api/v1/files", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await clerk.Locator("#file-picker").SetInputFilesAsync(IncomingPages.ScannedPdf());
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await Assertions.Expect(wait).ToBeVisibleAsync();
        await Assertions.Expect(wait).ToHaveTextAsync("Đang tải tệp lên… vui lòng chờ");
        await clerk.SaveScreenshotAsync("incoming-register-uploading");
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
        await clerk.Locator("#file-picker").SetInputFilesAsync(IncomingPages.ScannedPdf());
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
        await clerk.SaveScreenshotAsync("incoming-register-no-file");
        await clerk.Locator("#confirm-warnings").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(IncomingPages.DocumentAddress());
        var documentUrl = clerk.Url;
        await clerk.Locator("#incoming-actions a[data-action='edit']").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl + "/sua");
        await clerk.Locator("#file-picker").SetInputFilesAsync(IncomingPages.ScannedPdf());
        await Assertions.Expect(clerk.Locator("#file-list [data-file-id]")).ToHaveCountAsync(1);
        await clerk.SaveScreenshotAsync("incoming-edit-files");
        await clerk.Locator("#files-attach").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("Văn bản chính");
        IncomingPages.NoConsoleErrors("dtmai", errors);
    }
}
