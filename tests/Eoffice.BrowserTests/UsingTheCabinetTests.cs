using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// A specialist opens the cabinet (/tu-tai-lieu) on their unit's folder, drops a file into it with a progress bar, finds
/// it in the list, opens it in the in-page viewer, deletes it to the recycle bin and restores it from there.
/// </summary>
public sealed class UsingTheCabinetTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_specialist_uploads_into_the_unit_folder_opens_the_file_in_the_viewer_deletes_it_and_restores_it_from_the_recycle_bin()
    {
        var (specialist, errors) = await app.SignedInAsync("ntlan");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Tủ tài liệu", Exact = true }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#folder-title")).ToHaveTextAsync(DemoAgency.Units.Legal);
        await Assertions.Expect(specialist.Locator("nav[aria-label='Cây thư mục']")).ToContainTextAsync("Tin nội bộ");

        var pdf = IncomingPages.ScannedPdf();
        var name = Path.GetFileName(pdf);
        await specialist.Locator("#file-picker").SetInputFilesAsync(pdf);
        await Assertions.Expect(specialist.Locator("#upload-list .progress, #upload-list .list-group-item-success").First).ToBeAttachedAsync();
        var row = specialist.Locator("#cabinet-files tbody tr", new() { HasTextString = name });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ngô Thị Lan");
        await specialist.SaveScreenshotAsync("cabinet-unit-folder-uploaded");

        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#file-title")).ToHaveTextAsync(name);
        await Assertions.Expect(specialist.Locator("#pdf-preview canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(specialist.Locator("#file-versions tbody tr")).ToHaveCountAsync(1);
        await specialist.SaveScreenshotAsync("cabinet-file-viewer");

        await specialist.Locator("#file-delete").ClickAsync();
        await Assertions.Expect(specialist.Locator("#folder-title")).ToHaveTextAsync(DemoAgency.Units.Legal);
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await specialist.Locator("#recycle-bin-link").ClickAsync();
        var binned = specialist.Locator("#recycle-bin tbody tr", new() { HasTextString = name });
        await Assertions.Expect(binned).ToContainTextAsync(DemoAgency.Units.Legal);
        await specialist.SaveScreenshotAsync("cabinet-recycle-bin");
        await binned.GetByRole(AriaRole.Button, new() { Name = "Khôi phục tệp " + name }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#folder-title")).ToHaveTextAsync(DemoAgency.Units.Legal);
        await Assertions.Expect(row).ToBeVisibleAsync();
        IncomingPages.NoConsoleErrors("ntlan", errors);
    }
}
