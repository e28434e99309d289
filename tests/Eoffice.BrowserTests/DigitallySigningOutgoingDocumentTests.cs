using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// Ký số through the pages with the demo certificates: the deputy director signs the draft's layout PDF digitally
/// ("Ký số", her demo certificate, her handwriting in the signature block); the clerk numbers and issues it with the
/// agency seal; the document's page then shows the issued original in the viewer, says it is signed digitally, links
/// the file, gives the public verification code, and the file's signatures check as valid.
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
        await Assertions.Expect(deputy.Locator("#pdf-preview canvas").First).ToBeVisibleAsync(); // the layout PDF is ready
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

    [GeneratedRegex(@"Mã xác thực\s*[0-9A-Z]{5}-[0-9A-Z]{5}")]
    private static partial Regex VerificationCode();
}
