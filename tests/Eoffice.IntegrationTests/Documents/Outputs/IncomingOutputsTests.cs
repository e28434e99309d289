using System.Net;
using Eoffice.IntegrationTests.Identity.Rights;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using static Eoffice.IntegrationTests.Documents.Outputs.OutputsTestKit;

namespace Eoffice.IntegrationTests.Documents.Outputs;

/// <summary>
/// The outputs of incoming documents: the register book as .xlsx and PDF, the handling slip, the daily list for units to
/// sign — their content, the printed-by mark, the audit of every print and export, and who gets 404.
/// </summary>
public abstract class IncomingOutputsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static readonly string[] BookHeaders =
    [
        "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng văn bản", "Tên loại và trích yếu", "Đơn vị hoặc người nhận",
        "Ngày chuyển", "Ký nhận", "Ghi chú",
    ];

    [DbFact]
    public async Task The_register_book_xlsx_has_the_ten_columns_in_order_and_one_row_per_document_in_arrival_number_order()
    {
        var marker = "Sổ xlsx " + Guid.NewGuid().ToString("N")[..6];
        var first = await app.RegisterDirectAsync($"V/v {marker} thứ nhất", codeNumber: "15", codeNotation: "UBND-KT", organ: "Ủy ban nhân dân tỉnh Ninh Bình");
        var second = await app.RegisterDirectAsync($"V/v {marker} thứ hai", codeNumber: "27", codeNotation: "SXD-QLN", organ: "Sở Xây dựng tỉnh Ninh Bình");
        var third = await app.RegisterDirectAsync($"V/v {marker} thứ ba");
        var clerk = await app.PersonAsync("dtmai");
        var director = await app.PersonAsync("nvan");
        await app.ActOnIncomingAsync(second, (d, now) => d.Present(new KitParty(clerk.Actor), director.As(AssignmentRole.Direct), null, now));
        await app.ActOnIncomingAsync(third, (d, now) => d.Cancel(new KitParty(clerk.Actor), "Vào sổ trùng văn bản", now));
        var registerId = await app.AgencyRegisterIdAsync();
        var today = app.Today();

        using var client = await app.SignedInDemoAsync("dtmai");
        var response = await client.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.xlsx?from={Iso(today)}&to={Iso(today)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportFiles.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var xlsx = await response.Content.ReadAsByteArrayAsync();

        Assert.Empty(XlsxProblems(xlsx));
        var rows = ReadSheet(xlsx, "Sổ đăng ký");
        Assert.Equal(BookHeaders, rows[0]);
        var mine = rows.Skip(1).Where(r => r[5].Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mine.Count);
        var a = await app.LoadIncomingAsync(first);
        var b = await app.LoadIncomingAsync(second);
        var c = await app.LoadIncomingAsync(third);
        Assert.Equal([a.ArrivalNumber, b.ArrivalNumber, c.ArrivalNumber], mine.Select(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        var numbers = rows.Skip(1).Select(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);

        Assert.Equal(Vn(today), mine[0][0]);
        Assert.Equal("Ủy ban nhân dân tỉnh Ninh Bình", mine[0][2]);
        Assert.Equal("15/UBND-KT", mine[0][3]);
        Assert.Equal(Vn(a.Metadata.IssuedDate!.Value), mine[0][4]);
        Assert.Equal($"Công văn: V/v {marker} thứ nhất", mine[0][5]);
        Assert.Equal("", mine[0][7]);
        Assert.Equal("Sở Xây dựng tỉnh Ninh Bình", mine[1][2]);
        Assert.Equal("27/SXD-QLN", mine[1][3]);
        Assert.Equal("", mine[1][8]);
        Assert.Contains("Đã hủy đăng ký: Vào sổ trùng văn bản", mine[2][9], StringComparison.Ordinal);

        var cover = ReadSheet(xlsx, "Bìa").SelectMany(r => r).ToList();
        Assert.Contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", cover);
        Assert.Contains(cover, l => l.Contains("Sổ văn bản đến", StringComparison.Ordinal));
        Assert.Contains(cover, l => l.Contains(Vn(today), StringComparison.Ordinal));
        Assert.Contains($"In bởi {clerk.Name} lúc ", SheetFooter(xlsx, "Sổ đăng ký"), StringComparison.Ordinal);
        Assert.NotEmpty(await app.AuditAsync(OutputAudit.Incoming.ExportAction, registerId.ToString()));

        // A period that ends before it starts is refused, at the API and on the print view.
        var backwards = $"from={Iso(today)}&to={Iso(today.AddDays(-1))}";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.xlsx?{backwards}")).StatusCode);
        var view = WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban-den/so-va-bao-cao/so-dang-ky?registerId={registerId}&{backwards}"));
        Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", view, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_register_book_pdf_carries_the_vietnamese_headers_the_subjects_page_numbers_and_who_printed_it()
    {
        var marker = "Sổ PDF " + Guid.NewGuid().ToString("N")[..6];
        await app.RegisterDirectAsync($"V/v {marker} đường ĐT.477");
        var registerId = await app.AgencyRegisterIdAsync();
        var today = app.Today();
        var clerk = await app.PersonAsync("dtmai");

        using var client = await app.SignedInDemoAsync("dtmai");
        var response = await client.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.pdf?from={Iso(today)}&to={Iso(today)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains($"In bởi {clerk.Name}", text, StringComparison.Ordinal);
        if (HasPdfToText)
        {
            Assert.Contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", text, StringComparison.Ordinal);
            foreach (var header in new[] { "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Tên loại và trích yếu", "Ký nhận", "Ghi chú" })
            {
                Assert.Contains(header, text, StringComparison.Ordinal);
            }

            Assert.Contains(marker, text, StringComparison.Ordinal);
            Assert.Contains("đường ĐT.477", text, StringComparison.Ordinal);
            Assert.Contains("Trang 1/", text, StringComparison.Ordinal);
        }
    }

    [DbFact]
    public async Task The_handling_slip_shows_the_leaders_direction_the_units_with_their_deadlines_and_the_handlers_result()
    {
        var (id, flow) = await RunFlowAsync("Phiếu giải quyết");

        using var clerkClient = await app.SignedInDemoAsync("dtmai");
        var response = await clerkClient.GetAsync($"/van-ban-den/{id}/phieu-giai-quyet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", html, StringComparison.Ordinal);
        Assert.Contains(flow.Subject, html, StringComparison.Ordinal);
        Assert.Contains(flow.Instruction, html, StringComparison.Ordinal);
        Assert.Contains($"Ý kiến của {flow.Director}", html, StringComparison.Ordinal);
        Assert.Contains(DemoAgency.Units.Infrastructure, html, StringComparison.Ordinal);
        Assert.Contains(DemoAgency.Units.Legal, html, StringComparison.Ordinal);
        Assert.Contains("Chủ trì", html, StringComparison.Ordinal);
        Assert.Contains("Phối hợp", html, StringComparison.Ordinal);
        Assert.Contains(Vn(flow.LeadDue), html, StringComparison.Ordinal);
        Assert.Contains(Vn(flow.SupportDue), html, StringComparison.Ordinal);
        Assert.Contains(flow.UnitInstruction, html, StringComparison.Ordinal);
        Assert.Contains(flow.Specialist, html, StringComparison.Ordinal);
        Assert.Contains(Vn(flow.PersonDue), html, StringComparison.Ordinal);
        Assert.Contains(flow.Result, html, StringComparison.Ordinal);
        Assert.Contains("In bởi ", html, StringComparison.Ordinal);
        Assert.Contains("id=\"print-button\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(await app.AuditAsync(OutputAudit.Incoming.PrintAction, id.ToString()));

        var pdf = await clerkClient.GetAsync($"/api/v1/documents/incoming/{id}/handling-slip.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("In bởi ", text, StringComparison.Ordinal);
        if (HasPdfToText)
        {
            Assert.Contains("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", text, StringComparison.Ordinal);
            Assert.Contains(flow.Instruction, text, StringComparison.Ordinal);
            Assert.Contains(Vn(flow.LeadDue), text, StringComparison.Ordinal);
            Assert.Contains("Chủ trì", text, StringComparison.Ordinal);
            Assert.Contains(flow.Result, text, StringComparison.Ordinal);
        }

        Assert.NotEmpty(await app.AuditAsync(OutputAudit.Incoming.ExportAction, id.ToString()));

        // The specialist who handled it prints it too.
        using var specialist = await app.SignedInDemoAsync("cxtruong");
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/van-ban-den/{id}/phieu-giai-quyet")).StatusCode);
    }

    [DbFact]
    public async Task A_specialist_of_another_unit_gets_404_for_the_print_view_and_the_pdf_slip_of_a_document_not_sent_to_them()
    {
        var (id, _) = await RunFlowAsync("Không gửi KH-TC");

        using var other = await app.SignedInDemoAsync("nvana");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/van-ban-den/{id}/phieu-giai-quyet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/incoming/{id}/handling-slip.pdf")).StatusCode);
        Assert.DoesNotContain(await app.AuditAsync(OutputAudit.Incoming.ExportAction, id.ToString()), e => e.ActorName == "nvana");
    }

    [DbFact]
    public async Task Only_the_registers_keepers_and_agency_wide_trackers_print_its_book_and_another_agencys_clerk_sees_nothing()
    {
        var (id, _) = await RunFlowAsync("Quyền in sổ");
        var registerId = await app.AgencyRegisterIdAsync();
        var query = $"?from={Iso(app.Today())}&to={Iso(app.Today())}";

        // A unit leader (may print reports, keeps no register) and the project board's clerk (keeps another register).
        foreach (var userName in new[] { "pvhung", "ktloan" })
        {
            using var client = await app.SignedInDemoAsync(userName);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.xlsx{query}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.pdf{query}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/van-ban-den/so-va-bao-cao/so-dang-ky{query}&registerId={registerId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/documents/registers/{registerId}/daily-list.pdf")).StatusCode);
        }

        using (var director = await app.SignedInDemoAsync("nvan"))
        {
            Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.xlsx{query}")).StatusCode);
            var view = await director.GetAsync($"/van-ban-den/so-va-bao-cao/so-dang-ky{query}&registerId={registerId}");
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
            Assert.Contains("Quyền in sổ", WebUtility.HtmlDecode(await view.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var agency = await app.CreateAgencyAsync("Sở Tài chính tỉnh Thử nghiệm");
        var (_, clerkName) = await app.AddPersonAsync(agency.Id, "Văn thư Sở Tài chính", agency.OfficeId, (DefaultRoles.Clerk, null));
        using var stranger = await app.SignedInAsAsync(clerkName);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.xlsx{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/documents/registers/{registerId}/incoming-book.pdf{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/van-ban-den/{id}/phieu-giai-quyet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/documents/incoming/{id}/handling-slip.pdf")).StatusCode);
    }

    [DbFact]
    public async Task The_daily_list_groups_the_days_documents_by_receiving_unit_with_a_column_to_sign()
    {
        var (_, flow) = await RunFlowAsync("Danh sách trong ngày");
        var waiting = "V/v chưa chuyển " + Guid.NewGuid().ToString("N")[..6];
        await app.RegisterDirectAsync(waiting);
        var registerId = await app.AgencyRegisterIdAsync();

        using var client = await app.SignedInDemoAsync("dtmai");
        var response = await client.GetAsync($"/van-ban-den/so-va-bao-cao/van-ban-den-trong-ngay?registerId={registerId}&day={Iso(app.Today())}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("BẢNG THỐNG KÊ VĂN BẢN ĐẾN TRONG NGÀY", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Ký nhận</th>", html, StringComparison.Ordinal);
        var infrastructure = html.IndexOf($"{DemoAgency.Units.Infrastructure} (", StringComparison.Ordinal);
        var legal = html.IndexOf($"{DemoAgency.Units.Legal} (", StringComparison.Ordinal);
        var notSent = html.IndexOf($"{DailyReceivedList.NotSent} (", StringComparison.Ordinal);
        Assert.True(infrastructure >= 0 && legal >= 0 && notSent >= 0, "each receiving unit has its own group");
        Assert.True(html.IndexOf(flow.Subject, infrastructure, StringComparison.Ordinal) > infrastructure);
        Assert.True(html.IndexOf(waiting, notSent, StringComparison.Ordinal) > notSent);
        Assert.Contains("In bởi ", html, StringComparison.Ordinal);

        var pdf = await client.GetAsync($"/api/v1/documents/registers/{registerId}/daily-list.pdf?day={Iso(app.Today())}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        if (HasPdfToText)
        {
            Assert.Contains("Ký nhận", text, StringComparison.Ordinal);
            Assert.Contains(DemoAgency.Units.Infrastructure, text, StringComparison.Ordinal);
        }
    }

    [DbFact]
    public async Task The_daily_list_pdf_keeps_STT_and_each_number_and_symbol_on_one_line()
    {
        var subject = "V/v thẩm định dự toán " + Guid.NewGuid().ToString("N")[..6];
        await app.RegisterDirectAsync(subject, codeNumber: "1234", codeNotation: "STC-QLNS", organ: "Sở Tài chính tỉnh Ninh Bình");
        await app.RegisterDirectAsync(subject + " (liên ngành)", codeNumber: "12345", codeNotation: "KH-UBND-STC", organ: "Ủy ban nhân dân tỉnh Ninh Bình");
        var registerId = await app.AgencyRegisterIdAsync();

        using var client = await app.SignedInDemoAsync("dtmai");
        var pdf = await client.GetAsync($"/api/v1/documents/registers/{registerId}/daily-list.pdf?day={Iso(app.Today())}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        if (HasPdfToText)
        {
            var lines = await PdfLinesAsync(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("STT"));
            Assert.Contains(lines, l => l.Contains("1234/STC-QLNS", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("12345/KH-UBND-STC", StringComparison.Ordinal)); // wider than its column: smaller, whole
        }
    }

    [DbFact]
    public async Task The_handling_slip_writes_the_hour_before_the_day_and_tells_the_presentation_from_a_forward()
    {
        var (id, _) = await RunFlowAsync("Giờ và ngày");

        using var client = await app.SignedInDemoAsync("dtmai");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban-den/{id}/phieu-giai-quyet"));
        var moment = @"\d{2} giờ \d{2}, ngày \d{2}/\d{2}/\d{4}";
        Assert.Matches($"{moment}: Đinh Thị Mai trình Lê Thị Thu Hà", html);
        Assert.Matches($"{moment}: Lê Thị Thu Hà chuyển Nguyễn Văn An: Kính trình Giám đốc.", html);
        Assert.Matches($"Ý kiến của Nguyễn Văn An, {moment}:", html);
        Assert.DoesNotMatch(@"ngày \d{2}:\d{2}", html);
        Assert.DoesNotContain("Lê Thị Thu Hà trình Nguyễn Văn An", html, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Print_views_opened_without_a_register_show_the_form_that_asks_for_one()
    {
        using var client = await app.SignedInDemoAsync("dtmai");
        foreach (var (path, form) in new[] { ("so-dang-ky", "book-form"), ("van-ban-den-trong-ngay", "daily-form") })
        {
            var response = await client.GetAsync($"/van-ban-den/so-va-bao-cao/{path}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/van-ban-den/so-va-bao-cao#{form}", response.Headers.Location?.OriginalString);
            Assert.Contains($"id=\"{form}\"", await client.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/van-ban-den/so-va-bao-cao/so-theo-doi")).StatusCode);
    }

    [DbFact]
    public async Task The_reports_page_offers_the_books_of_the_registers_one_keeps()
    {
        using var client = await app.SignedInDemoAsync("dtmai");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/van-ban-den/so-va-bao-cao"));
        Assert.Contains("Sổ đăng ký văn bản đến", html, StringComparison.Ordinal);
        Assert.Contains("Sổ theo dõi giải quyết văn bản đến", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{await app.AgencyRegisterIdAsync()}\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/report-outputs.js", html, StringComparison.Ordinal);

        using var specialist = await app.SignedInDemoAsync("cxtruong");
        Assert.NotEqual(HttpStatusCode.OK, (await specialist.GetAsync("/van-ban-den/so-va-bao-cao")).StatusCode);
    }

    private sealed record Flow(string Subject, string Director, string Instruction, DateOnly LeadDue, DateOnly SupportDue, string UnitInstruction,
        string Specialist, DateOnly PersonDue, string Result);

    /// <summary>
    /// Regulation 000 Điều 5.2.a up to the specialist's result: the clerk presents to the chief of office, who passes it to
    /// the director; the director gives the infrastructure department the lead and the legal department support, each
    /// with a deadline; the department head assigns a specialist, who finishes with a result.
    /// </summary>
    private async Task<(Guid Id, Flow Flow)> RunFlowAsync(string label)
    {
        var subject = $"V/v {label} {Guid.NewGuid().ToString("N")[..6]}";
        var id = await app.RegisterDirectAsync(subject);
        var clerk = await app.PersonAsync("dtmai");
        var chief = await app.PersonAsync("lttha");
        var director = await app.PersonAsync("nvan");
        var head = await app.PersonAsync("pvhung");
        var specialist = await app.PersonAsync("cxtruong");
        var infrastructure = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);
        var today = app.Today();
        var flow = new Flow(subject, director.Name, "Giao Phòng QLKCHT chủ trì, Phòng Pháp chế phối hợp tham mưu.", today.AddDays(10), today.AddDays(7),
            "Đồng chí Trường dự thảo văn bản trả lời.", specialist.Name, today.AddDays(8), "Đã dự thảo công văn trả lời, trình lãnh đạo phòng.");

        await app.ActOnIncomingAsync(id, (d, now) => d.Present(new KitParty(clerk.Actor), chief.As(AssignmentRole.Direct), null, now));
        await app.ActOnIncomingAsync(id, (d, now) => d.Forward(new KitParty(chief.Actor), d.Assignments.Single(a => a.RecipientUserId == chief.Id).Id,
            [director.As(AssignmentRole.Direct)], "Kính trình Giám đốc.", now));
        await app.ActOnIncomingAsync(id, (d, now) => d.Forward(new KitParty(director.Actor), d.Assignments.Single(a => a.RecipientUserId == director.Id).Id,
            [
                AssignmentTarget.Unit(infrastructure, DemoAgency.Units.Infrastructure, AssignmentRole.Lead, flow.LeadDue),
                AssignmentTarget.Unit(legal, DemoAgency.Units.Legal, AssignmentRole.Support, flow.SupportDue),
            ],
            flow.Instruction, now));
        await app.ActOnIncomingAsync(id, (d, now) => d.Forward(new KitParty(head.Actor), d.Assignments.Single(a => a.RecipientUnitId == infrastructure).Id,
            [specialist.As(AssignmentRole.Lead, flow.PersonDue)], flow.UnitInstruction, now));
        await app.ActOnIncomingAsync(id, (d, now) => d.FinishAndFile(new KitParty(specialist.Actor), d.Assignments.Single(a => a.RecipientUserId == specialist.Id).Id, flow.Result, null, now));
        return (id, flow);
    }
}

public sealed class IncomingOutputsTestsOnSqlite(SqliteApp app) : IncomingOutputsTests<SqliteApp>(app);

public sealed class IncomingOutputsTestsOnPostgres(PostgresApp app) : IncomingOutputsTests<PostgresApp>(app), IPostgresSuite;
