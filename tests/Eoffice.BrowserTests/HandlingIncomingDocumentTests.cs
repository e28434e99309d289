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
        await specialist.GetByLabel("Lưu vào hồ sơ công việc").FillAsync("Hồ sơ kiểm tra an toàn công trình 2026");
        await specialist.Locator("#finish-form button[type=submit]").ClickAsync();
        await Assertions.Expect(specialist).ToHaveURLAsync(documentUrl);
        IncomingPages.NoConsoleErrors("cxtruong", specialistErrors);

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
}
