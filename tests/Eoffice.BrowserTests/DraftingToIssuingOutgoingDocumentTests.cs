using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// Regulation 000 Điều 8 through the outgoing pages: the specialist drafts a công văn with its .docx and submits it to
/// the head of his department, who passes it to legal review, which passes it to the deputy director; she signs it on
/// paper and attaches the scan; the clerk numbers and issues it, and finds the copy for the internal recipient (a unit
/// of the agency) waiting in the agency's "chờ tiếp nhận" list.
/// </summary>
public sealed partial class DraftingToIssuingOutgoingDocumentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_draft_goes_from_the_specialist_through_the_head_legal_review_and_the_deputy_director_to_the_clerk_who_issues_it()
    {
        var subject = "Sửa chữa cầu Non Nước trước mùa mưa bão " + Guid.NewGuid().ToString("N")[..6];

        var documentUrl = await app.DraftThroughLegalReviewAsync(subject);

        // The deputy director reviews it: the chain so far with each opinion.
        var (deputy, deputyErrors) = await app.SignedInAsync("ttbhanh");
        await deputy.GotoAsync(documentUrl);
        await Assertions.Expect(deputy.Locator("#outgoing-chain")).ToContainTextAsync("Đồng ý nội dung.");
        await Assertions.Expect(deputy.Locator("#outgoing-chain")).ToContainTextAsync("Đủ điều kiện ban hành.");
        await Assertions.Expect(deputy.Locator("#outgoing-actions a[data-action='sign']")).ToBeVisibleAsync();
        await deputy.ExpectLayoutPdfShownAsync();
        await deputy.SaveScreenshotAsync("outgoing-review-step");

        // She signs on paper and attaches the scan.
        await deputy.Locator("#outgoing-actions a[data-action='sign']").ClickAsync();
        await deputy.Locator("#Input_Upload").SetInputFilesAsync(IncomingPages.ScannedPdf());
        await deputy.Locator("#sign-form button[type=submit]").ClickAsync();
        await Assertions.Expect(deputy).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(deputy.Locator("#outgoing-signed")).ToBeVisibleAsync();
        IncomingPages.NoConsoleErrors("ttbhanh", deputyErrors);

        // The clerk finds it waiting to be issued, numbers and issues it.
        var (clerk, clerkErrors) = await app.SignedInAsync("dtmai");
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-di?box=cho-phat-hanh");
        await clerk.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await clerk.Locator("#outgoing-actions a[data-action='issue']").ClickAsync();
        await clerk.Locator("#issue-form button[type=submit]").ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(clerk.Locator("#outgoing-message")).ToContainTextAsync("Đã cấp số");
        await Assertions.Expect(clerk.Locator("#outgoing-status")).ToHaveTextAsync("Đã phát hành");
        await Assertions.Expect(clerk.Locator("h1 + p strong").First).ToHaveTextAsync(IssuedTitle());
        await Assertions.Expect(clerk.Locator("#outgoing-recipients")).ToContainTextAsync(DemoAgency.Units.Transport);
        await clerk.SaveScreenshotAsync("outgoing-issued");

        // The copy for the internal recipient waits in the agency's list of documents to receive.
        await clerk.GotoAsync(app.BaseUrl + "/van-ban-den/cho-tiep-nhan");
        await Assertions.Expect(clerk.Locator("#pending-table")).ToContainTextAsync(subject);
        IncomingPages.NoConsoleErrors("dtmai", clerkErrors);

        // A specialist of another department cannot open it.
        var (outsider, _) = await app.SignedInAsync("hvson");
        Assert.Equal(404, (await outsider.GotoAsync(documentUrl))!.Status);
    }

    [GeneratedRegex(@"^Công văn số \d+/SGTVT-KCHT$")]
    private static partial Regex IssuedTitle();
}

/// <summary>What the outgoing browser tests do through the pages.</summary>
internal static partial class OutgoingBrowserPages
{
    /// <summary>
    /// The first steps of regulation 000 Điều 8 through the pages: <c>cxtruong</c> drafts a công văn signed KT. by
    /// <c>ttbhanh</c>, with its .docx and an internal recipient, and submits it to <c>pvhung</c>, who passes it to legal
    /// review (<c>vdthang</c>), which passes it to <c>ttbhanh</c>. Returns the document's address.
    /// </summary>
    public static async Task<string> DraftThroughLegalReviewAsync(this BrowserFixture app, string subject)
    {
        // The specialist writes the draft on the form, with its .docx, and an internal recipient.
        var (drafter, drafterErrors) = await app.SignedInAsync("cxtruong");
        await drafter.GotoAsync(app.BaseUrl + "/van-ban-di");
        await drafter.Locator("#outgoing-compose").ClickAsync();
        await drafter.Locator("#Input_Draft_Document_TypeCode").SelectOptionAsync("CV");
        await drafter.Locator("#Input_Draft_Document_Subject").FillAsync(subject);
        await drafter.SelectByTextAsync("#Input_Draft_SignerId", "Trần Thị Bích Hạnh");
        await drafter.Locator("#Input_Draft_SigningAuthority").SelectOptionAsync("kt");
        await drafter.Locator("#Input_Draft_Document_SignerPosition").FillAsync("Phó Giám đốc");
        await drafter.Locator("#Input_Draft_Addressees").FillAsync("Ủy ban nhân dân tỉnh Ninh Bình");
        await drafter.Locator("#Input_Draft_RecipientLines").FillAsync("Như trên;\nLưu: VT, KCHT.");
        await drafter.Locator("#RecipientUnits").SelectOptionAsync(new SelectOptionValue { Label = DemoAgency.Units.Transport });
        await drafter.Locator("#file-picker").SetInputFilesAsync(Docx("Sở Giao thông vận tải đề nghị sửa chữa cầu Non Nước."));
        await Assertions.Expect(drafter.Locator("#file-list [data-file-id]")).ToHaveCountAsync(1);
        await drafter.Locator("#outgoing-save").ClickAsync();
        await Assertions.Expect(drafter).ToHaveURLAsync(DocumentAddress());
        var documentUrl = drafter.Url;
        await Assertions.Expect(drafter.Locator("#outgoing-subject")).ToHaveTextAsync(subject);
        await Assertions.Expect(drafter.Locator("#outgoing-versions")).ToContainTextAsync("du-thao.docx");

        // … and submits it to the head of his department.
        await drafter.ForwardOutgoingAsync("submit", "Phan Văn Hùng", "Kính trình anh xem xét.");
        await Assertions.Expect(drafter.Locator("#outgoing-step")).ToContainTextAsync("Phan Văn Hùng");
        IncomingPages.NoConsoleErrors("cxtruong", drafterErrors);

        // The head approves the content and passes it to legal review; legal review passes it to the deputy director.
        var (head, headErrors) = await app.SignedInAsync("pvhung");
        await head.GotoAsync(app.BaseUrl + "/van-ban-di?box=cho-xu-ly");
        await head.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(head).ToHaveURLAsync(documentUrl);
        await head.ForwardOutgoingAsync("approve", "Vũ Đức Thắng", "Đồng ý nội dung.");
        IncomingPages.NoConsoleErrors("pvhung", headErrors);

        var (legal, legalErrors) = await app.SignedInAsync("vdthang");
        await legal.GotoAsync(documentUrl);
        await legal.ForwardOutgoingAsync("approve", "Trần Thị Bích Hạnh", "Đủ điều kiện ban hành.");
        IncomingPages.NoConsoleErrors("vdthang", legalErrors);
        return documentUrl;
    }

    /// <summary>
    /// Waits until the details page shows the layout's PDF. LibreOffice makes it in the background, which on a loaded
    /// two-core machine can take longer than a locator's default wait; the page shows it without a reload once made.
    /// </summary>
    public static Task ExpectLayoutPdfShownAsync(this IPage page) =>
        Assertions.Expect(page.Locator("#pdf-preview canvas").First).ToBeVisibleAsync(new() { Timeout = 120_000 });

    /// <summary>A .docx with one paragraph, saved as du-thao.docx in a folder of its own.</summary>
    public static string Docx(string text)
    {
        var folder = Directory.CreateTempSubdirectory("eoffice-draft-").FullName;
        var path = Path.Combine(folder, "du-thao.docx");
        using (var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
            main.Document.Save();
        }

        return path;
    }

    [GeneratedRegex("/van-ban-di/[0-9a-f-]{36}$")]
    private static partial Regex DocumentAddress();

    /// <summary>Chooses the option of a select whose text starts with <paramref name="text"/>.</summary>
    public static async Task SelectByTextAsync(this IPage page, string select, string text)
    {
        var option = page.Locator($"{select} option", new() { HasTextRegex = new Regex("^" + Regex.Escape(text)) }).First;
        await page.Locator(select).SelectOptionAsync((await option.GetAttributeAsync("value"))!);
    }

    /// <summary>From the document's page, trình (<c>submit</c>) or duyệt (<c>approve</c>) to a person of the next step, with an opinion.</summary>
    public static async Task ForwardOutgoingAsync(this IPage page, string action, string person, string opinion)
    {
        var documentUrl = page.Url;
        await page.Locator($"#outgoing-actions a[data-action='{action}']").ClickAsync();
        await page.SelectByTextAsync("#next-choice", person);
        var form = action == "submit" ? "#submit-form" : "#approve-form";
        await page.Locator(action == "submit" ? "#Input_Note" : "#Input_Opinion").FillAsync(opinion);
        await page.Locator($"{form} button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(page.Locator("#outgoing-message")).ToContainTextAsync(person);
    }
}
