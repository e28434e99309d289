using System.Globalization;
using Eoffice.Web.Platform.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// The one search from the header of every page (issue 12): the clerk registers a document with an electronic PDF,
/// types its number in the header's box and sees it suggested, presses Enter and finds it on the results page; then
/// types a word of its body without diacritics and sees the snippet with the word marked. The same on a phone's width,
/// without sideways scrolling. Needs the search engine and the text extraction (branch h-search) to pass.
/// </summary>
public sealed class SearchingDocumentsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>A one-page text PDF (not a scan) whose body holds <paramref name="body"/>, made by the platform's PDF writer.</summary>
    private async Task<string> TextPdfAsync(string body)
    {
        var report = new PrintedReport("Công văn", "Ủy ban nhân dân huyện Hoa Lư", Landscape: false, "", null,
            [new ReportLetterhead("ỦY BAN NHÂN DÂN HUYỆN HOA LƯ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), new ReportParagraph(body)], "cong-van");
        var path = Path.Combine(Path.GetTempPath(), $"cong-van-dien-tu-{Guid.NewGuid():N}.pdf");
        await using (var file = File.Create(path))
        {
            await app.Services.GetRequiredService<IReportPdfRenderer>().RenderAsync(report, file, CancellationToken.None);
        }

        return path;
    }

    [BrowserFact]
    public async Task The_clerk_finds_a_document_from_the_header_by_its_number_then_by_a_body_word_typed_without_diacritics()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var subject = $"V/v kiểm tra công trình thủy lợi trước mùa mưa lũ {tag}";
        var number = Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        const string bodyWord = "Trường Yên";
        var pdf = await TextPdfAsync($"Đề nghị Sở Giao thông vận tải kiểm tra kè bờ sông đoạn qua xã {bodyWord} trước ngày 15 tháng 5.");

        // The clerk registers it with its number and the electronic PDF.
        var (clerk, errors) = await app.SignedInAsync("dtmai");
        await clerk.FillRegistrationFieldsAsync(app, subject);
        await clerk.Locator("#Input_Document_CodeNumber").FillAsync(number);
        await clerk.Locator("#file-picker").SetInputFilesAsync(pdf);
        await Assertions.Expect(clerk.Locator("#file-list li")).ToHaveCountAsync(1);
        var documentUrl = await clerk.SaveRegistrationAsync(subject);

        // From the home page's header: the number typed is suggested (indexing and extraction run in the background).
        await clerk.GotoAsync(app.BaseUrl + "/");
        var box = clerk.Locator("#header-search-input");
        await Assertions.Expect(box).ToHaveAttributeAsync("placeholder", "Tìm văn bản: số, ký hiệu, trích yếu, nội dung…");
        var suggestion = clerk.Locator("#header-search-list [role=option]", new() { HasTextString = subject });
        await RetryAsync(async () =>
        {
            await box.FillAsync("");
            await box.PressSequentiallyAsync(number, new() { Delay = 30 });
            await Assertions.Expect(suggestion).ToBeVisibleAsync(new() { Timeout = 3000 });
        });
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(suggestion).ToContainTextAsync($"{number}/UBND-KT");

        // Enter (no suggestion chosen) opens the results page, which lists it, linked to the document.
        await box.PressAsync("Enter");
        await Assertions.Expect(clerk).ToHaveURLAsync(app.BaseUrl + "/tim-kiem?q=" + number);
        var row = clerk.Locator("#search-list tbody tr", new() { HasTextString = subject });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("a.search-title")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(
            System.Text.RegularExpressions.Regex.Escape(new Uri(documentUrl).AbsolutePath) + "$"));

        // Arrows choose a suggestion and Enter opens the document itself.
        await box.FillAsync("");
        await box.PressSequentiallyAsync(number, new() { Delay = 30 });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(clerk.Locator("#header-search-list [aria-selected=true]")).ToHaveCountAsync(1);
        await box.PressAsync("Escape");
        await Assertions.Expect(clerk.Locator("#header-search-list")).ToBeHiddenAsync();

        // A word of the body, typed without diacritics: the snippet shows it marked (the text was extracted from the PDF).
        await RetryAsync(async () =>
        {
            await clerk.GotoAsync(app.BaseUrl + "/");
            await clerk.Locator("#header-search-input").FillAsync("truong yen");
            await clerk.Locator("#header-search-input").PressAsync("Enter");
            await Assertions.Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tim-kiem\\?q=truong(%20|\\+)yen$"));
            await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 3000 });
        });
        // Each matched word is marked on its own: "<mark>trường</mark> <mark>yên</mark>".
        var marks = row.Locator("td.search-snippet mark");
        await Assertions.Expect(marks.First).ToBeVisibleAsync();
        var marked = string.Join(' ', (await marks.AllInnerTextsAsync()).Select(m => m.Trim().ToLowerInvariant()));
        Assert.Contains(bodyWord.ToLowerInvariant(), marked, StringComparison.Ordinal);
        await clerk.SaveScreenshotAsync("search-results");
        IncomingPages.NoConsoleErrors("dtmai", errors);

        // On a phone the box stays in sight with the menu closed, and the results fit the screen.
        var (phone, phoneErrors) = await app.SignedInAsync("dtmai", IncomingPages.PhoneWidth, IncomingPages.PhoneHeight);
        await Assertions.Expect(phone.Locator("#main-nav")).ToBeHiddenAsync();
        await Assertions.Expect(phone.Locator("#header-search-input")).ToBeVisibleAsync();
        await phone.Locator("#header-search-input").FillAsync(number);
        await phone.Locator("#header-search-input").PressAsync("Enter");
        await Assertions.Expect(phone.Locator("#search-list tbody tr", new() { HasTextString = subject })).ToBeVisibleAsync();
        await phone.NoHorizontalScrollAsync();
        await phone.SaveScreenshotAsync("phone-search-results");
        IncomingPages.NoConsoleErrors("dtmai (phone)", phoneErrors);
    }

    /// <summary>Indexing and text extraction happen after the commit, in the background: tries again for up to a minute.</summary>
    private static async Task RetryAsync(Func<Task> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception e) when (e is PlaywrightException or Xunit.Sdk.XunitException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000);
            }
        }
    }
}
