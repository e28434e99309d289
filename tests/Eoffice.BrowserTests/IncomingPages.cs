using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Eoffice.BrowserTests;

/// <summary>
/// What the incoming-document browser tests do through the pages, as the demo people would: sign in, register a scanned
/// document, present it, forward it with the recipient picker; and what they check on every page (no console error,
/// nothing wider than the screen).
/// </summary>
internal static partial class IncomingPages
{
    public const string Password = "Eoffice@2026";

    /// <summary>An iPhone-sized screen (CSS pixels).</summary>
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    public static async Task<(IPage Page, List<string> Errors)> SignedInAsync(this BrowserFixture app, string userName, int width = 1280, int height = 900)
    {
        var (page, errors) = await app.NewPageAsync(width, height);
        await page.GotoAsync(app.BaseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        return (page, errors);
    }

    public static string ScannedPdf()
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

    /// <summary>The clerk opens the registration form and fills its fields as typed from the paper; no file yet.</summary>
    public static async Task FillRegistrationFieldsAsync(this IPage clerk, BrowserFixture app, string subject, string urgency = "Khẩn")
    {
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-den/vao-so");
        await clerk.Locator("#Input_Document_TypeCode").SelectOptionAsync(new SelectOptionValue { Label = "Công văn" });
        await clerk.Locator("#Input_Document_CodeNumber").FillAsync(Random.Shared.Next(100, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await clerk.Locator("#Input_Document_CodeNotation").FillAsync("UBND-KT");
        await clerk.Locator("#Input_Document_IssuingOrganName").FillAsync("Ủy ban nhân dân tỉnh Ninh Bình");
        await clerk.Locator("#Input_Document_Subject").FillAsync(subject);
        await clerk.Locator("#Input_Document_Urgency").SelectOptionAsync(new SelectOptionValue { Label = urgency });
    }

    /// <summary>The clerk fills the registration form and drops the scanned PDF (previewed beside the form); not yet saved.</summary>
    public static async Task FillRegistrationAsync(this IPage clerk, BrowserFixture app, string subject, string urgency = "Khẩn")
    {
        await clerk.FillRegistrationFieldsAsync(app, subject, urgency);
        await clerk.Locator("#file-picker").SetInputFilesAsync(ScannedPdf());
        await Assertions.Expect(clerk.Locator("#file-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(clerk.Locator("#pdf-preview canvas").First).ToBeVisibleAsync();
    }

    /// <summary>Saves the filled registration form; the document's page address.</summary>
    public static async Task<string> SaveRegistrationAsync(this IPage clerk, string subject)
    {
        await clerk.Locator("#register-submit").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(DocumentAddress());
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync(subject);
        return clerk.Url;
    }

    /// <summary>The clerk registers a document and presents it to the chief of office, as the demo agency's route says.</summary>
    public static async Task<string> RegisterAndPresentAsync(this IPage clerk, BrowserFixture app, string subject, string urgency = "Khẩn")
    {
        await clerk.FillRegistrationAsync(app, subject, urgency);
        var documentUrl = await clerk.SaveRegistrationAsync(subject);
        await clerk.PresentToChiefAsync(documentUrl);
        return documentUrl;
    }

    /// <summary>From the document's page, the clerk presents it to the chief of office, who screens documents first in the demo agency.</summary>
    public static async Task PresentToChiefAsync(this IPage clerk, string documentUrl)
    {
        await clerk.GotoAsync(documentUrl);
        await clerk.Locator("#incoming-actions a[data-action='present']").ClickAsync();
        await clerk.Locator("#present-form select").SelectOptionAsync(new SelectOptionValue { Label = "Lê Thị Thu Hà — Chánh Văn phòng - Văn phòng" });
        await clerk.Locator("#present-form button[type=submit]").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(clerk.Locator("#processing-tree")).ToContainTextAsync("Lê Thị Thu Hà");
    }

    /// <summary>
    /// Chooses a recipient in the forward form's picker as a person would: types part of the name without diacritics in
    /// the search box, then gives the role to the one offered.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string search, string recipient, string role)
    {
        await page.Locator("#recipient-filter").FillAsync(search);
        var select = page.GetByLabel("Vai trò của " + recipient, new() { Exact = true });
        await Assertions.Expect(select).ToBeVisibleAsync();
        await select.SelectOptionAsync(role);
    }

    /// <summary>Opens the forward form of the document, writes the direction, chooses the recipients and sends it.</summary>
    public static async Task ForwardAsync(this IPage page, string documentUrl, string? instruction, params (string Search, string Recipient, string Role)[] recipients)
    {
        await page.GotoAsync(documentUrl);
        await page.Locator("#incoming-actions a[data-action='forward']").ClickAsync();
        if (instruction is not null)
        {
            await page.GetByLabel("Ý kiến chỉ đạo (bút phê)").FillAsync(instruction);
        }

        foreach (var (search, recipient, role) in recipients)
        {
            await page.ChooseAsync(search, recipient, role);
        }

        await page.Locator("#forward-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(documentUrl);
    }

    /// <summary>The box of a recipient's part in the document's processing tree.</summary>
    public static ILocator PartOf(this IPage page, string recipient) =>
        page.Locator($"#processing-tree .incoming-node-body:has(> div > strong:text-is('{recipient}'))");

    /// <summary>The deadline shown on a recipient's part of the processing tree ("Hạn 09/12/2026"), or null when it has none.</summary>
    public static async Task<string?> DueOfAsync(this IPage page, string recipient)
    {
        var part = page.PartOf(recipient);
        await Assertions.Expect(part).ToBeVisibleAsync();
        var badge = part.Locator(".badge", new() { HasTextString = "Hạn " });
        return await badge.CountAsync() == 0 ? null : (await badge.TextContentAsync())!.Split('·')[0].Trim();
    }

    public static void NoConsoleErrors(string who, List<string> errors) =>
        Assert.True(errors.Count == 0, $"Console errors for {who}: " + string.Join(" | ", errors));

    /// <summary>Nothing on the page is wider than the screen: no sideways scrolling.</summary>
    public static async Task NoHorizontalScrollAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= clientWidth, $"{page.Url} scrolls sideways: {scrollWidth} px of content on a {clientWidth} px screen.");
    }

    public static Task SaveScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name + ".png"), FullPage = true });

    /// <summary>A computed style of the first element the selector finds.</summary>
    public static Task<string> StyleAsync(this IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>("(e, p) => getComputedStyle(e).getPropertyValue(p)", property);

    [GeneratedRegex("/van-ban-den/[0-9a-f-]{36}$")]
    public static partial Regex DocumentAddress();
}
