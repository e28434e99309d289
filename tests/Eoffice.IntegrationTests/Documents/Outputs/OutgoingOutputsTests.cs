using System.Net;
using System.Text.Json;
using Eoffice.IntegrationTests.Identity.Rights;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using static Eoffice.IntegrationTests.Documents.Outputs.OutputsTestKit;

namespace Eoffice.IntegrationTests.Documents.Outputs;

/// <summary>
/// The outputs of outgoing documents: the Sổ đăng ký văn bản đi of a register (its ten columns, which documents, their
/// order, the notes), as .xlsx, PDF and print view; the report by status and drafting unit; who reads what (keepers and
/// agency-wide reporters everything, a unit leader their unit's drafts, anyone else 404); bad requests; the audit.
/// Each test has a register of its own, and the report's test a period nobody else creates drafts in.
/// </summary>
public abstract class OutgoingOutputsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static readonly string[] BookHeaders =
    [
        "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu", "Người ký", "Nơi nhận", "Đơn vị, người nhận bản lưu", "Số lượng bản",
        "Ngày chuyển", "Ký nhận", "Ghi chú",
    ];

    private static readonly string[] ReportHeaders =
        ["STT", "Đơn vị soạn thảo", "Đang soạn", "Đang trình duyệt", "Chờ phát hành", "Đã phát hành", "Đã thu hồi", "Đã hủy", "Tổng số"];

    private static readonly DateOnly March1 = new(2025, 3, 1);
    private static readonly DateOnly March31 = new(2025, 3, 31);

    private static string Book(Guid registerId, string query) => $"/api/v1/documents/outgoing-registers/{registerId}/book?{query}";

    private static string March(string format) => $"from={Iso(March1)}&to={Iso(March31)}&format={format}";

    private static string Marker(string label) => $"{label} {Guid.NewGuid().ToString("N")[..6]}";

    private Task<Guid> RegisterAsync(string label) => app.OutgoingRegisterAsync($"{SeedDemoOutgoing.AgencyRegisterName} - {Marker(label)}");

    private async Task<List<List<string>>> BookRowsAsync(HttpClient client, Guid registerId)
    {
        var response = await client.GetAsync(Book(registerId, March("xlsx")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportFiles.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxProblems(xlsx));
        return ReadSheet(xlsx, "Sổ đăng ký");
    }

    [DbFact]
    public async Task The_book_has_the_ten_columns_in_order_and_the_issued_and_recalled_documents_of_the_period_in_number_order()
    {
        var registerId = await RegisterAsync("Sổ xlsx");
        var marker = Marker("V/v sổ đi");
        var (first, firstCode) = await app.IssuedOutgoingAsync($"{marker} thứ nhất", new DateOnly(2025, 3, 20), registerId: registerId);
        var (second, secondCode) = await app.IssuedOutgoingAsync($"{marker} thứ hai", new DateOnly(2025, 3, 5), registerId: registerId, copies: 5,
            recipientLines: ["Như trên;", "Phòng Kế hoạch - Tài chính;"], description: "Gửi kèm dự toán");
        var (recalled, recalledCode) = await app.IssuedOutgoingAsync($"{marker} bị thu hồi", new DateOnly(2025, 3, 10), registerId: registerId);
        await app.WithdrawOutgoingAsync(recalled, "Ban hành sai thẩm quyền");
        await app.IssuedOutgoingAsync($"{marker} tháng trước", new DateOnly(2025, 2, 28), registerId: registerId);
        await app.IssuedOutgoingAsync($"{marker} tháng sau", new DateOnly(2025, 4, 1), registerId: registerId);
        var (_, replacementCode) = await app.IssuedOutgoingAsync($"{marker} thay thế", new DateOnly(2025, 3, 25), registerId: registerId, replaces: first);
        var (_, correctionCode) = await app.IssuedOutgoingAsync($"{marker} đính chính", new DateOnly(2025, 3, 26), registerId: registerId, corrects: second);
        await app.RecordPaperCopiesAsync(second, 2, new DateOnly(2025, 3, 6));
        await app.DraftOutgoingAsync($"{marker} còn soạn", registerId: registerId);
        var signed = await app.DraftOutgoingAsync($"{marker} chờ phát hành", registerId: registerId);
        await app.SubmitOutgoingAsync(signed);
        await app.SignOutgoingAsync(signed);

        using var client = await app.SignedInDemoAsync("dtmai");
        var rows = await BookRowsAsync(client, registerId);

        Assert.Equal(BookHeaders, rows[0]);
        Assert.Equal([firstCode, secondCode, recalledCode, replacementCode, correctionCode], rows.Skip(1).Select(r => r[0]));
        var a = rows[1];
        Assert.Equal("20/03/2025", a[1]);
        Assert.Equal($"Công văn: {marker} thứ nhất", a[2]);
        Assert.Equal($"{DemoAgency.Positions.Director}\nNguyễn Văn An", a[3]);
        Assert.Equal("Sở Tài chính tỉnh Ninh Bình\nUBND tỉnh (để b/c)", a[4]);
        Assert.Equal($"{DemoAgency.Units.Infrastructure}\nCao Xuân Trường", a[5]);
        Assert.Equal("3", a[6]);
        Assert.Equal("", a[7]);
        Assert.Equal("", a[8]);
        Assert.Equal($"Được thay thế bởi văn bản số {replacementCode}", a[9]);
        var b = rows[2];
        Assert.Equal("05/03/2025", b[1]);
        Assert.Equal("Sở Tài chính tỉnh Ninh Bình\nPhòng Kế hoạch - Tài chính", b[4]);
        Assert.Equal("5\n(bản giấy: 2)", b[6]);
        Assert.Equal("06/03/2025", b[7]);
        Assert.Equal($"Được đính chính bởi văn bản số {correctionCode}; Gửi kèm dự toán", b[9]);
        Assert.StartsWith("Đã thu hồi ngày ", rows[3][9], StringComparison.Ordinal);
        Assert.EndsWith(": Ban hành sai thẩm quyền", rows[3][9], StringComparison.Ordinal);
        Assert.Equal($"Thay thế văn bản số {firstCode}", rows[4][9]);
        Assert.Equal($"Đính chính văn bản số {secondCode}", rows[5][9]);

        Assert.NotEmpty(await app.AuditAsync(OutputAudit.Outgoing.ExportAction, registerId.ToString()));
    }

    [DbFact]
    public async Task The_book_as_pdf_carries_its_title_headers_numbers_and_who_printed_it_and_the_print_view_is_audited()
    {
        var registerId = await RegisterAsync("Sổ PDF");
        var marker = Marker("V/v sổ PDF");
        var (_, firstCode) = await app.IssuedOutgoingAsync($"{marker} đường ĐT.477", new DateOnly(2025, 3, 3), registerId: registerId);
        var (_, secondCode) = await app.IssuedOutgoingAsync($"{marker} cầu Non Nước", new DateOnly(2025, 3, 4), registerId: registerId);
        var clerk = await app.PersonAsync("dtmai");

        using var client = await app.SignedInDemoAsync("dtmai");
        var response = await client.GetAsync(Book(registerId, March("pdf")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportFiles.PdfContentType, response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"In bởi {clerk.Name}", text, StringComparison.Ordinal);
        if (HasPdfToText)
        {
            Assert.Contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI", text, StringComparison.Ordinal);
            foreach (var header in new[] { "Người ký", "Nơi nhận", "Ngày chuyển", "Ký nhận", "Ghi chú" })
            {
                Assert.Contains(header, text, StringComparison.Ordinal);
            }

            Assert.Contains(firstCode, text, StringComparison.Ordinal);
            Assert.Contains(secondCode, text, StringComparison.Ordinal);
            Assert.Contains(marker, text, StringComparison.Ordinal);
            Assert.Contains("03/03/2025", text, StringComparison.Ordinal);
            Assert.Contains("Trang 1/", text, StringComparison.Ordinal);
        }

        var view = await client.GetAsync($"/van-ban-di/so-va-bao-cao/so-dang-ky?registerId={registerId}&from={Iso(March1)}&to={Iso(March31)}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var html = WebUtility.HtmlDecode(await view.Content.ReadAsStringAsync());
        Assert.Contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI", html, StringComparison.Ordinal);
        foreach (var header in BookHeaders)
        {
            Assert.Contains($"<th scope=\"col\">{header}</th>", html, StringComparison.Ordinal);
        }

        Assert.True(html.IndexOf(firstCode, StringComparison.Ordinal) < html.IndexOf(secondCode, StringComparison.Ordinal));
        Assert.Contains($"In bởi {clerk.Name}", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/documents/outgoing-registers/{registerId}/book?registerId={registerId}&from={Iso(March1)}&to={Iso(March31)}&format=pdf", html,
            StringComparison.Ordinal);
        Assert.Contains("href=\"/van-ban-di/so-va-bao-cao\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(await app.AuditAsync(OutputAudit.Outgoing.PrintAction, registerId.ToString()));
        Assert.NotEmpty(await app.AuditAsync(OutputAudit.Outgoing.ExportAction, registerId.ToString()));
    }

    [DbFact]
    public async Task A_unit_leader_reads_only_the_lines_of_his_units_drafts_while_the_keeper_and_the_director_read_them_all()
    {
        var registerId = await RegisterAsync("Phạm vi");
        var marker = Marker("V/v phạm vi");
        var (_, infrastructureCode) = await app.IssuedOutgoingAsync($"{marker} kết cấu hạ tầng", new DateOnly(2025, 3, 12), registerId: registerId);
        var (_, financeCode) = await app.IssuedOutgoingAsync($"{marker} kế hoạch tài chính", new DateOnly(2025, 3, 13), "nvana", "dddat", registerId);

        foreach (var (userName, expected) in new[]
        {
            ("pvhung", new[] { infrastructureCode }),
            ("dddat", [financeCode]),
            ("dtmai", [infrastructureCode, financeCode]),
            ("nvan", [infrastructureCode, financeCode]),
        })
        {
            using var client = await app.SignedInDemoAsync(userName);
            var rows = await BookRowsAsync(client, registerId);
            Assert.Equal(expected, rows.Skip(1).Select(r => r[0]));
        }

        using var head = await app.SignedInDemoAsync("pvhung");
        var cover = ReadSheet(await head.GetByteArrayAsync(Book(registerId, March("xlsx"))), "Bìa").SelectMany(r => r).ToList();
        Assert.Contains("Những văn bản do đơn vị thuộc phạm vi của người in soạn thảo", cover);
        var page = WebUtility.HtmlDecode(await head.GetStringAsync("/van-ban-di/so-va-bao-cao"));
        Assert.Contains("id=\"limited-scope\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{registerId}\"", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Another_agency_a_unit_register_beyond_ones_reach_and_a_register_that_is_no_outgoing_register_answer_404()
    {
        var registerId = await RegisterAsync("Người ngoài");
        var boardRegister = await app.OutgoingRegisterAsync($"Sổ văn bản đi - {Marker("Ban QLDA")}", DemoAgency.Units.ProjectBoard, keeper: "ktloan");
        await app.IssuedOutgoingAsync(Marker("V/v người ngoài"), new DateOnly(2025, 3, 14), registerId: registerId);

        var agency = await app.CreateAgencyAsync("Sở Tài chính tỉnh Thử nghiệm");
        var (_, clerkName) = await app.AddPersonAsync(agency.Id, "Văn thư Sở Tài chính", agency.OfficeId, (DefaultRoles.Clerk, null));
        using (var stranger = await app.SignedInAsAsync(clerkName))
        {
            foreach (var format in new[] { "xlsx", "pdf" })
            {
                await AssertNotFoundAsync(await stranger.GetAsync(Book(registerId, March(format))));
            }

            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/van-ban-di/so-va-bao-cao/so-dang-ky?registerId={registerId}")).StatusCode);
            Assert.DoesNotContain($"value=\"{registerId}\"", await stranger.GetStringAsync("/van-ban-di/so-va-bao-cao"), StringComparison.Ordinal);
        }

        // The head of the infrastructure department reads the agency's registers, not the project board's own.
        using (var head = await app.SignedInDemoAsync("pvhung"))
        {
            await AssertNotFoundAsync(await head.GetAsync(Book(boardRegister, March("xlsx"))));
            Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/van-ban-di/so-va-bao-cao/so-dang-ky?registerId={boardRegister}")).StatusCode);
            Assert.DoesNotContain($"value=\"{boardRegister}\"", await head.GetStringAsync("/van-ban-di/so-va-bao-cao"), StringComparison.Ordinal);
        }

        foreach (var userName in new[] { "ktloan", "tcdinh" })
        {
            using var board = await app.SignedInDemoAsync(userName);
            Assert.Equal(HttpStatusCode.OK, (await board.GetAsync(Book(boardRegister, March("xlsx")))).StatusCode);
        }

        using (var clerk = await app.SignedInDemoAsync("dtmai"))
        {
            await AssertNotFoundAsync(await clerk.GetAsync(Book(await app.AgencyRegisterIdAsync(), March("xlsx"))));
            await AssertNotFoundAsync(await clerk.GetAsync(Book(Guid.NewGuid(), March("xlsx"))));
        }

        // A specialist has no right to the outgoing books at all.
        using var specialist = await app.SignedInDemoAsync("cxtruong");
        Assert.NotEqual(HttpStatusCode.OK, (await specialist.GetAsync(Book(registerId, March("xlsx")))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await specialist.GetAsync("/van-ban-di/so-va-bao-cao")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await specialist.GetAsync("/api/v1/documents/outgoing-reports/by-unit?" + March("xlsx"))).StatusCode);
        Assert.Empty(await app.AuditAsync(OutputAudit.Outgoing.ExportAction, registerId.ToString()));
    }

    [DbFact]
    public async Task A_period_the_wrong_way_round_or_too_long_and_a_missing_or_unknown_format_answer_400_problem_details()
    {
        var registerId = await RegisterAsync("Tham số");
        using var client = await app.SignedInDemoAsync("dtmai");
        var cases = new (string Query, string Field, string Message)[]
        {
            ($"from={Iso(March31)}&to={Iso(March1)}&format=xlsx", "to", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."),
            ($"from=2024-01-01&to=2025-03-31&format=pdf", "to", "Mỗi lần in, xuất sổ tối đa một năm (366 ngày)."),
            ($"from={Iso(March1)}&to={Iso(March31)}", "format", ReportFiles.FormatMessage),
            ($"from={Iso(March1)}&to={Iso(March31)}&format=docx", "format", ReportFiles.FormatMessage),
        };
        foreach (var (query, field, message) in cases)
        {
            foreach (var url in new[] { Book(registerId, query), "/api/v1/documents/outgoing-reports/by-unit?" + query })
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var json = JsonDocument.Parse(body);
                Assert.Equal(message, json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
            }
        }

        var view = WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban-di/so-va-bao-cao/so-dang-ky?registerId={registerId}&from={Iso(March31)}&to={Iso(March1)}"));
        Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", view, StringComparison.Ordinal);
        Assert.Contains("id=\"print-error\"", view, StringComparison.Ordinal);
        var report = WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban-di/so-va-bao-cao/theo-don-vi?from={Iso(March31)}&to={Iso(March1)}"));
        Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", report, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_report_counts_the_drafts_created_in_the_period_by_status_for_each_drafting_unit()
    {
        // March 2024 in Vietnam time: no other test creates drafts then.
        DateTime At(int month, int day, int hour = 3) => new(2024, month, day, hour, 0, 0, DateTimeKind.Utc);
        var marker = Marker("V/v báo cáo");
        var registerId = await RegisterAsync("Báo cáo");
        await app.DraftOutgoingAsync($"{marker} 1", registerId: registerId, at: At(3, 2));
        await app.DraftOutgoingAsync($"{marker} 2", registerId: registerId, at: At(2, 29, 17)); // 01/03 00:00 in Vietnam
        await app.DraftOutgoingAsync($"{marker} ngoài kỳ", registerId: registerId, at: At(3, 31, 17)); // 01/04 in Vietnam
        var inReview = await app.DraftOutgoingAsync($"{marker} 3", registerId: registerId, at: At(3, 4));
        await app.SubmitOutgoingAsync(inReview);
        var toIssue = await app.DraftOutgoingAsync($"{marker} 4", registerId: registerId, at: At(3, 5));
        await app.SubmitOutgoingAsync(toIssue);
        await app.SignOutgoingAsync(toIssue);
        foreach (var day in new[] { 6, 7, 8 })
        {
            var issued = await app.DraftOutgoingAsync($"{marker} phát hành {day}", registerId: registerId, at: At(3, day));
            await app.SubmitOutgoingAsync(issued);
            await app.SignOutgoingAsync(issued);
            await app.IssueOutgoingAsync(issued, new DateOnly(2024, 3, day));
            if (day == 8)
            {
                await app.WithdrawOutgoingAsync(issued, "Sai số liệu");
            }
        }

        var cancelled = await app.DraftOutgoingAsync($"{marker} hủy", registerId: registerId, at: At(3, 9));
        await app.CancelOutgoingAsync(cancelled, "Không cần ban hành nữa");
        var finance = await app.DraftOutgoingAsync($"{marker} KH-TC", "nvana", registerId, at: At(3, 10));
        await app.SubmitOutgoingAsync(finance, "nvana", "dddat");
        await app.DraftOutgoingAsync($"{marker} KH-TC soạn", "nvana", registerId, at: At(3, 11));
        var query = "from=2024-03-01&to=2024-03-31&format=";

        using var director = await app.SignedInDemoAsync("nvan");
        var response = await director.GetAsync("/api/v1/documents/outgoing-reports/by-unit?" + query + "xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(XlsxProblems(xlsx));
        var rows = ReadSheet(xlsx, "Theo đơn vị");
        Assert.Equal(ReportHeaders, rows[0]);
        List<string> Line(string unit) => rows.Single(r => r[1] == unit);
        Assert.Equal(["2", "1", "1", "2", "1", "1", "8"], Line(DemoAgency.Units.Infrastructure).Skip(2));
        Assert.Equal(["1", "1", "0", "0", "0", "0", "2"], Line(DemoAgency.Units.PlanningFinance).Skip(2));
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0"], Line(DemoAgency.Units.Legal).Skip(2));
        Assert.Equal(["3", "2", "1", "2", "1", "1", "10"], Line(Web.Modules.Documents.Outgoing.Outputs.OutgoingReportByUnit.TotalLabel).Skip(2));
        Assert.Equal("1", rows[1][0]);
        Assert.Contains(await app.AuditAsync(OutputAudit.Outgoing.ExportAction, Guid.Empty.ToString()), e => e.ActorName == "nvan");

        var pdf = await director.GetAsync("/api/v1/documents/outgoing-reports/by-unit?" + query + "pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("In bởi Nguyễn Văn An", text, StringComparison.Ordinal);
        if (HasPdfToText)
        {
            Assert.Contains("BÁO CÁO VĂN BẢN ĐI THEO TRẠNG THÁI VÀ ĐƠN VỊ", text, StringComparison.Ordinal);
            Assert.Contains("Chờ phát hành", text, StringComparison.Ordinal);
            Assert.Contains("Tổng cộng", text, StringComparison.Ordinal);
        }

        // The head of the infrastructure department counts his unit only.
        using var head = await app.SignedInDemoAsync("pvhung");
        var own = ReadSheet(await head.GetByteArrayAsync("/api/v1/documents/outgoing-reports/by-unit?" + query + "xlsx"), "Theo đơn vị");
        Assert.Equal([DemoAgency.Units.Infrastructure, "Tổng cộng"], own.Skip(1).Select(r => r[1]));
        Assert.Equal("8", own[2][8]);

        var view = await head.GetAsync("/van-ban-di/so-va-bao-cao/theo-don-vi?from=2024-03-01&to=2024-03-31");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var html = WebUtility.HtmlDecode(await view.Content.ReadAsStringAsync());
        Assert.Contains("BÁO CÁO VĂN BẢN ĐI THEO TRẠNG THÁI VÀ ĐƠN VỊ", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Đang trình duyệt</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAgency.Units.PlanningFinance, html, StringComparison.Ordinal);
        Assert.Contains("In bởi Phan Văn Hùng", html, StringComparison.Ordinal);
        Assert.Contains(await app.AuditAsync(OutputAudit.Outgoing.PrintAction, Guid.Empty.ToString()), e => e.ActorName == "pvhung");
    }

    [DbFact]
    public async Task The_clerk_finds_the_page_in_the_menu_with_the_registers_to_print_and_a_print_view_without_a_register_shows_the_form()
    {
        var registerId = await RegisterAsync("Trang");
        using var client = await app.SignedInDemoAsync("dtmai");
        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("href=\"/van-ban-di/so-va-bao-cao\"", home, StringComparison.Ordinal);
        Assert.Contains("Sổ và báo cáo văn bản đi", home, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/van-ban-di/so-va-bao-cao"));
        Assert.Contains("Sổ đăng ký văn bản đi", html, StringComparison.Ordinal);
        Assert.Contains("Báo cáo văn bản đi theo trạng thái và đơn vị", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{registerId}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-export-action=\"/api/v1/documents/outgoing-registers/{registerId}/book?format=xlsx\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/report-outputs.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"limited-scope\"", html, StringComparison.Ordinal);

        var response = await client.GetAsync("/van-ban-di/so-va-bao-cao/so-dang-ky");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/van-ban-di/so-va-bao-cao#book-form", response.Headers.Location?.OriginalString);

        using var specialist = await app.SignedInDemoAsync("cxtruong");
        Assert.DoesNotContain("href=\"/van-ban-di/so-va-bao-cao\"", await specialist.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Sổ văn bản", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class OutgoingOutputsTestsOnSqlite(SqliteApp app) : OutgoingOutputsTests<SqliteApp>(app);

public sealed class OutgoingOutputsTestsOnPostgres(PostgresApp app) : OutgoingOutputsTests<PostgresApp>(app), IPostgresSuite;
