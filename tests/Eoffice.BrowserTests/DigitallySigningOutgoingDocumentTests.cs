using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// Ký số through the pages with the demo certificates: the deputy director signs the draft's layout PDF digitally
/// ("Ký số", her demo certificate, her handwriting in the signature block); the clerk numbers and issues it with the
/// agency seal; the document's page then shows the issued original in the viewer, says it is signed digitally, links
/// the file, gives the public verification code, and the file's signatures check as valid. Or she drags the box of
/// her signature on the page herself, and the signature goes there.
/// </summary>
public sealed partial class DigitallySigningOutgoingDocumentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserSofficeFact]
    public async Task The_deputy_director_signs_digitally_and_the_clerk_issues_it_with_the_seal_into_a_validly_signed_original()
    {
        var subject = "Kiểm tra tải trọng xe trên quốc lộ 1A " + Guid.NewGuid().ToString("N")[..6];
        var documentUrl = await app.DraftThroughLegalReviewAsync(subject);

        var (deputy, deputyErrors) = await app.SignedInAsync("ttbhanh");
        await deputy.GotoAsync(documentUrl);
        await deputy.ExpectLayoutPdfShownAsync();
        await deputy.Locator("#outgoing-actions a[data-action='sign']").ClickAsync();
        await Assertions.Expect(deputy.Locator("#sign-digital")).ToBeCheckedAsync();
        await Assertions.Expect(deputy.Locator("#Input_CertificateId option")).ToHaveCountAsync(1);
        await Assertions.Expect(deputy.Locator("#Input_CertificateId option").First).ToContainTextAsync("Trần Thị Bích Hạnh");
        await deputy.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(deputy).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(deputy.Locator("#outgoing-message")).ToContainTextAsync("Đã ký số");
        await Assertions.Expect(deputy.Locator("#outgoing-signed")).ToContainTextAsync("Bản đã ký số");
        await Assertions.Expect(deputy.Locator("#outgoing-fields")).ToContainTextAsync("Trần Thị Bích Hạnh");
        IncomingPages.NoConsoleErrors("ttbhanh", deputyErrors);

        var (clerk, clerkErrors) = await app.SignedInAsync("dtmai");
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-di?box=cho-phat-hanh");
        await clerk.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await clerk.Locator("#outgoing-actions a[data-action='issue']").ClickAsync();
        await Assertions.Expect(clerk.Locator("#issue-seal")).ToContainTextAsync("Trần Thị Bích Hạnh");
        await Assertions.Expect(clerk.Locator("#Input_SealCertificateId option").First).ToContainTextAsync(DemoAgency.FullName);
        await clerk.Locator("#issue-form button[type=submit]").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(clerk.Locator("#outgoing-message")).ToContainTextAsync("Đã cấp số");
        await Assertions.Expect(clerk.Locator("#outgoing-status")).ToHaveTextAsync("Đã phát hành");

        // The page says it is signed digitally, links the issued original and shows it, with the public code.
        var original = clerk.Locator("#outgoing-issued-original a").First;
        await Assertions.Expect(clerk.Locator("#outgoing-issued-original")).ToContainTextAsync("ký số của người có thẩm quyền và của cơ quan");
        var originalUrl = (await original.GetAttributeAsync("href"))!;
        await Assertions.Expect(clerk.Locator("#pdf-preview")).ToHaveAttributeAsync("data-pdf-url", originalUrl);
        await Assertions.Expect(clerk.Locator("#pdf-preview canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#outgoing-fields")).ToContainTextAsync(VerificationCode());
        await clerk.SaveScreenshotAsync("outgoing-digitally-signed");

        // The original carries the leader's and the agency's signatures, both valid: the demo CA is trusted in demo mode.
        var fileId = originalUrl.Split('/')[^1];
        var check = await clerk.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/signing/files/{fileId}/signatures");
        Assert.True(check.Ok, $"{check.Status} {await check.TextAsync()}");
        using var result = JsonDocument.Parse(await check.TextAsync());
        Assert.Equal("valid", result.RootElement.GetProperty("summary").GetString());
        var signers = result.RootElement.GetProperty("signatures").EnumerateArray()
            .Select(s => (s.GetProperty("verdict").GetString(), s.GetProperty("signerName").GetString())).ToList();
        Assert.Equal([("valid", "Trần Thị Bích Hạnh"), ("valid", DemoAgency.FullName)], signers);
        IncomingPages.NoConsoleErrors("dtmai", clerkErrors);
    }

    [BrowserSofficeFact]
    public async Task The_signer_drags_a_rectangle_on_page_one_and_the_signature_goes_exactly_there()
    {
        var subject = "Tăng cường tuần tra cầu Ninh Bình " + Guid.NewGuid().ToString("N")[..6];
        var documentUrl = await app.DraftThroughLegalReviewAsync(subject);
        var (deputy, errors) = await app.SignedInAsync("ttbhanh");
        await deputy.GotoAsync(documentUrl);
        await deputy.ExpectLayoutPdfShownAsync();
        await deputy.Locator("#outgoing-actions a[data-action='sign']").ClickAsync();
        await Assertions.Expect(deputy.Locator("#signature-placement")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(deputy.Locator("#signature-placement-auto")).ToBeVisibleAsync(); // the signature block found in the layout
        await Assertions.Expect(deputy.Locator("#Input_Placement_Left")).ToBeDisabledAsync();

        // A box outside the page is refused by the server, with the reason under the viewer.
        await deputy.EvaluateAsync("""
            () => [['PageIndex', '0'], ['Left', '500'], ['Top', '780'], ['Width', '200'], ['Height', '120']].forEach(([name, value]) => {
                const field = document.getElementById('Input_Placement_' + name);
                field.disabled = false;
                field.value = value;
            })
            """);
        await deputy.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(deputy.Locator("#signature-placement-error")).ToContainTextAsync("Vùng đặt chữ ký phải nằm trong trang");
        await Assertions.Expect(deputy.Locator("#signature-placement")).ToHaveAttributeAsync("data-ready", "true");
        await deputy.Locator("#signature-placement-reset").ClickAsync();
        await Assertions.Expect(deputy.Locator("#Input_Placement_Left")).ToBeDisabledAsync();
        await Assertions.Expect(deputy.Locator("#signature-placement-auto")).ToBeVisibleAsync();

        // She drags a rectangle in the upper left quarter of page 1 with the mouse.
        var page1 = deputy.Locator("#signature-placement canvas").First;
        await page1.ScrollIntoViewIfNeededAsync();
        var bounds = (await page1.BoundingBoxAsync())!;
        var pageWidth = double.Parse((await page1.GetAttributeAsync("data-page-width"))!, CultureInfo.InvariantCulture);
        var pageHeight = double.Parse((await page1.GetAttributeAsync("data-page-height"))!, CultureInfo.InvariantCulture);
        var scale = bounds.Width / pageWidth;
        var (left, top, width, height) = (60.0, 120.0, 180.0, 90.0); // points
        await deputy.Mouse.MoveAsync((float)(bounds.X + left * scale), (float)(bounds.Y + top * scale));
        await deputy.Mouse.DownAsync();
        await deputy.Mouse.MoveAsync((float)(bounds.X + (left + width / 2) * scale), (float)(bounds.Y + (top + height / 2) * scale), new() { Steps = 4 });
        await deputy.Mouse.MoveAsync((float)(bounds.X + (left + width) * scale), (float)(bounds.Y + (top + height) * scale), new() { Steps = 4 });
        await deputy.Mouse.UpAsync();
        await Assertions.Expect(deputy.Locator("#signature-placement-chosen")).ToBeVisibleAsync();
        await Assertions.Expect(deputy.Locator("#signature-placement-auto")).ToBeHiddenAsync();
        await Assertions.Expect(deputy.Locator("#signature-placement-status")).ToContainTextAsync("trang 1");
        async Task<double> Field(string name) =>
            double.Parse(await deputy.Locator($"#Input_Placement_{name}").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(0, await Field("PageIndex"));
        Assert.Equal(left, await Field("Left"), 2.0);
        Assert.Equal(top, await Field("Top"), 2.0);
        Assert.Equal(width, await Field("Width"), 2.0);
        Assert.Equal(height, await Field("Height"), 2.0);
        await deputy.SaveScreenshotAsync("outgoing-sign-placement");

        await deputy.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(deputy).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(deputy.Locator("#outgoing-message")).ToContainTextAsync("Đã ký số");

        // The signature's box, kept from the page's bottom-left corner, is the dragged one.
        var id = documentUrl.Split('/')[^1];
        var response = await deputy.APIRequest.GetAsync($"{app.BaseUrl}/api/v1/documents/outgoing/{id}");
        Assert.True(response.Ok, $"{response.Status} {await response.TextAsync()}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        var box = json.RootElement.GetProperty("signaturePlacement");
        Assert.Equal(0, box.GetProperty("pageIndex").GetInt32());
        Assert.Equal(left, box.GetProperty("x").GetDouble(), 2.0);
        Assert.Equal(pageHeight - top - height, box.GetProperty("y").GetDouble(), 2.0);
        Assert.Equal(width, box.GetProperty("width").GetDouble(), 2.0);
        Assert.Equal(height, box.GetProperty("height").GetDouble(), 2.0);
        IncomingPages.NoConsoleErrors("ttbhanh", errors);
    }

    [GeneratedRegex(@"Mã xác thực\s*[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex VerificationCode();
}
