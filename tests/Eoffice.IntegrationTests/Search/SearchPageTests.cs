using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Search.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace Eoffice.IntegrationTests.Search;

/// <summary>
/// The search page /tim-kiem and its exports over real HTTP, with documents registered and indexed through the outbox:
/// a hostile query is shown encoded, an over-long one answers a message beside the box (never 500), a document is found
/// by its number, the chosen columns are remembered, and the results export as .xlsx, PDF and .docx (audited).
/// Most need the search engine of branch h-search: run them after merging.
/// </summary>
public abstract class SearchPageTests(EofficeApp app)
{
    private async Task<(string Code, string Subject)> RegisteredAsync(string subject)
    {
        var number = Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        subject += " " + Guid.NewGuid().ToString("N")[..6];
        await app.RegisterDirectAsync(subject, codeNumber: number, codeNotation: "STC-QLNS", organ: "Sở Tài chính tỉnh Ninh Bình");
        await app.OutboxDrainedAsync();
        return ($"{number}/STC-QLNS", subject);
    }

    [DbFact]
    public async Task A_query_of_six_hundred_characters_is_answered_with_a_message_beside_the_box_not_an_error()
    {
        var client = await app.SignedInDemoAsync("dtmai");

        var response = await client.GetAsync("/tim-kiem?q=" + new string('a', 600));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"search-q-error\">Từ khóa tìm kiếm dài tối đa 500 ký tự.</div>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"search-list\"", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_hostile_query_is_shown_encoded_in_the_box_and_the_empty_result_message()
    {
        var client = await app.SignedInDemoAsync("dtmai");
        const string hostile = "\"><script>alert(1)</script> OR 1=1 -- NEAR(\"x\") *";

        var response = await client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(hostile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("id=\"search-empty\"", page, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy văn bản nào", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_document_is_found_by_its_number_and_the_chosen_columns_are_remembered_for_the_person()
    {
        var (code, subject) = await RegisteredAsync("V/v thẩm định dự toán sửa chữa cầu Non Nước");
        var client = await app.SignedInDemoAsync("dtmai");

        var first = await client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(code) + "&cols=code&cols=title");
        var page = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(subject, page, StringComparison.Ordinal);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("eoffice.search.cols=", StringComparison.Ordinal));
        var again = await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(code));
        Assert.Contains("data-col=\"code\"", again, StringComparison.Ordinal);
        Assert.Contains("data-col=\"title\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("data-col=\"snippet\"", again, StringComparison.Ordinal);
        // Another person on the same browser does not inherit them.
        var other = await app.SignedInDemoAsync("nvan");
        Assert.Contains("data-col=\"snippet\"", await other.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(code)), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_saved_search_run_through_the_api_gives_its_owner_the_results_and_another_persons_id_is_not_found()
    {
        var (code, subject) = await RegisteredAsync("V/v kiểm tra an toàn hồ chứa nước Yên Thắng");
        var owner = await app.SignedInDemoAsync("dtmai");
        var other = await app.SignedInDemoAsync("nvan");
        var created = await owner.PostAsJsonAsync("/api/v1/search/saved", new { name = "Hồ chứa " + code, query = "q=" + Uri.EscapeDataString(code), columns = new[] { "code", "title" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var run = await owner.PostAsync($"/api/v1/search/saved/{id}/run", null);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var body = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("saved").GetProperty("id").GetGuid());
        var hits = body.GetProperty("results").GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("title").GetString() == subject && h.GetProperty("code").GetString() == code);
        Assert.NotNull((await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.Id == id))).LastRunAt);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/search/saved/{id}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/api/v1/search/saved/{Guid.NewGuid()}/run", null)).StatusCode);
    }

    [DbFact]
    public async Task The_search_page_renames_a_saved_search_and_refuses_an_empty_a_too_long_or_a_duplicate_name_beside_its_field()
    {
        var (_, userName) = await app.CreateUserAsync("Hoàng Văn Đổi Tên");
        var client = await app.SignedInClientAsync(userName, TestAccounts.Password);
        async Task<Guid> SaveAsync(string name)
        {
            var response = await client.PostAsJsonAsync("/api/v1/search/saved", new { name, query = "q=cau%20duong" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var id = await SaveAsync("Cầu đường");
        await SaveAsync("Đã có tên này");
        var page = await client.GetStringAsync("/tim-kiem");
        Assert.Contains($"id=\"rename-{id}\"", page, StringComparison.Ordinal);

        async Task<string> RefusedAsync(string name)
        {
            var response = await client.PostAsync($"/tim-kiem?handler=Rename&id={id}", OrganizationTestKit.Form(page, ("Renaming", id.ToString()), ("Rename.Name", name), ("back", "")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var error = System.Text.RegularExpressions.Regex.Match(html, $"id=\"rename-{id}-error\">([^<]*)</div>");
            Assert.True(error.Success, "no message beside the rename field");
            return error.Groups[1].Value;
        }

        Assert.Equal("Vui lòng đặt tên cho tìm kiếm.", await RefusedAsync("  "));
        Assert.Contains("tối đa 200 ký tự", await RefusedAsync(new string('x', 201)), StringComparison.Ordinal);
        Assert.Equal(RenameSavedSearch.DuplicateMessage("Đã có tên này"), await RefusedAsync(" Đã có tên này "));
        Assert.Equal("Cầu đường", (await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.Id == id))).Name);

        // Without the antiforgery token (neither in the form nor as the header the test client sends): refused.
        var header = client.DefaultRequestHeaders.GetValues(RequestForgeryGuard.HeaderName).ToList();
        client.DefaultRequestHeaders.Remove(RequestForgeryGuard.HeaderName);
        var forged = await client.PostAsync($"/tim-kiem?handler=Rename&id={id}", new FormUrlEncodedContent([KeyValuePair.Create("Rename.Name", "Giả mạo")]));
        client.DefaultRequestHeaders.Add(RequestForgeryGuard.HeaderName, header);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Cầu đường", (await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.Id == id))).Name);

        var renamed = await client.PostAsync($"/tim-kiem?handler=Rename&id={id}", OrganizationTestKit.Form(page, ("Renaming", id.ToString()), ("Rename.Name", "Cầu đường tỉnh"), ("back", "")));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Cầu đường tỉnh", (await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.Id == id))).Name);
        Assert.Contains(">Cầu đường tỉnh</a>", await client.GetStringAsync("/tim-kiem"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "search.saved.rename" && e.ObjectId == id.ToString())));

        // Another person's saved search cannot be renamed from the page either.
        var stranger = await app.SignedInDemoAsync("nvan");
        var strangerPage = await stranger.GetStringAsync("/tim-kiem");
        var refused = await stranger.PostAsync($"/tim-kiem?handler=Rename&id={id}", OrganizationTestKit.Form(strangerPage, ("Renaming", id.ToString()), ("Rename.Name", "Lấy mất")));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [DbFact]
    public async Task Saving_without_a_name_shows_the_message_beside_the_name_and_keeps_the_results()
    {
        var (code, subject) = await RegisteredAsync("V/v bố trí vốn duy tu đường tỉnh ĐT 477");
        var client = await app.SignedInDemoAsync("dtmai");
        var page = await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(code));

        var response = await client.PostAsync("/tim-kiem?handler=Save", OrganizationTestKit.Form(page,
            ("Input.Name", " "), ("Input.Query", "q=" + Uri.EscapeDataString(code)), ("Input.Columns", "title")));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng đặt tên cho tìm kiếm.", html, StringComparison.Ordinal);
        Assert.Contains(subject, html, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_results_export_as_xlsx_pdf_and_docx_with_the_chosen_columns_and_each_export_is_audited()
    {
        var (code, subject) = await RegisteredAsync("V/v quyết toán kinh phí bảo trì Quốc lộ 12B");
        var client = await app.SignedInDemoAsync("dtmai");
        var query = "q=" + Uri.EscapeDataString(code) + "&cols=code,title,organ";

        var xlsx = await client.GetAsync("/tim-kiem/xuat?format=xlsx&" + query);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var workbook = document.WorkbookPart!;
            var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == "Kết quả").Id!);
            var rows = sheet.Worksheet.Descendants<Spreadsheet.Row>().Select(r => r.Elements<Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text).ToList()).ToList();
            Assert.Equal(["STT", "Số, ký hiệu", "Trích yếu", "Cơ quan ban hành"], rows[0]);
            Assert.Contains(rows, r => r.Contains(code) && r.Contains(subject));
        }

        var pdf = await client.GetAsync("/tim-kiem/xuat?format=pdf&" + query);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var read = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormC);
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.Contains("In bởi Đinh Thị Mai", text, StringComparison.Ordinal);
        }

        var docx = await client.GetAsync("/tim-kiem/xuat?format=docx&" + query);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains(subject, word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "search.export" && e.Details!.Contains(code.Split('/')[0]))
            .Select(e => e.Details!).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.Contains(audited, d => d.StartsWith("Kết quả tìm kiếm (docx, ", StringComparison.Ordinal));
    }

    [DbFact]
    public async Task An_export_in_an_unknown_format_or_with_an_over_long_query_is_refused_with_400()
    {
        var client = await app.SignedInDemoAsync("dtmai");

        var format = await client.GetAsync("/tim-kiem/xuat?format=doc&q=abc");
        var longQuery = await client.GetAsync("/tim-kiem/xuat?format=pdf&q=" + new string('a', 600));

        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Contains("Định dạng tệp phải là xlsx, pdf hoặc docx.", await format.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, longQuery.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "search.export" && e.Details!.Contains("abc"))));
    }
}

public sealed class SearchPageTestsOnSqlite(SqliteApp app) : SearchPageTests(app), IClassFixture<SqliteApp>;

public sealed class SearchPageTestsOnPostgres(PostgresApp app) : SearchPageTests(app), IClassFixture<PostgresApp>;
