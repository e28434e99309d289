using DocumentFormat.OpenXml.Packaging;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Platform.Reporting;
using UglyToad.PdfPig;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Eoffice.UnitTests.Search;

/// <summary>
/// The export of search results (Decree 30 Phụ lục VI III.6) in the three formats, each opened again and read: the
/// title "Kết quả tìm kiếm", the words and filters described, the chosen columns, the rows, the printed-by mark.
/// </summary>
public sealed class SearchExportTests
{
    private const string PrintedBy = "In bởi Đinh Thị Mai lúc 08:00 ngày 02/01/2027";
    private const string Agency = "Sở Giao thông vận tải tỉnh Ninh Bình";

    private static readonly IReadOnlyList<SearchHit> Hits =
    [
        new("incoming", "Văn bản đến", Guid.NewGuid(), "V/v sửa chữa cầu Non Nước", "1234/STC-QLNS", "/van-ban-den/1", new DateOnly(2026, 3, 9),
            "Công văn", "Sở Tài chính", "Sổ văn bản đến", "Văn phòng", "Đang xử lý", "đề nghị <mark>sửa chữa</mark> cầu"),
        new("outgoing", "Văn bản đi", Guid.NewGuid(), "Quyết định phê duyệt kế hoạch bảo trì đường bộ năm 2027", "45/QĐ-SGTVT", "/van-ban-di/2",
            new DateOnly(2026, 4, 1), "Quyết định", null, "Sổ văn bản đi", "Phòng Kế hoạch - Tài chính", "Đã phát hành", null),
    ];

    private static readonly SearchRequest Request = new()
    {
        Q = "sửa chữa cầu", Kind = "incoming", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 6, 30), Sort = SearchSort.Relevance,
    };

    private static readonly IReadOnlyList<SearchColumn> Columns = SearchColumns.Parse("code,date,title,state,snippet")!;

    private static PrintedReport Report() =>
        ExportSearchResults.Build(Request, Columns, Hits, Agency, PrintedBy, new DateTimeOffset(2027, 1, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_report_describes_the_words_the_filters_with_their_names_and_the_sort()
    {
        var cover = Report().Cover!;

        Assert.Equal("Kết quả tìm kiếm", Report().Title);
        Assert.Equal(
            ["Từ khóa: sửa chữa cầu", "Loại: Văn bản đến", "Từ ngày 01/01/2026 đến ngày 30/06/2026", "Sắp xếp: liên quan nhất trước", "Số kết quả: 2"],
            cover.Lines);
        Assert.Equal("ket-qua-tim-kiem-20270102-0800", Report().FileName);
    }

    [Fact]
    public async Task The_xlsx_has_the_chosen_columns_and_one_row_per_result()
    {
        await using var file = await XlsxWriter.WriteAsync(Report(), "Kết quả", CancellationToken.None);

        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == "Kết quả").Id!);
        var rows = sheet.Worksheet.Descendants<Spreadsheet.Row>().Select(r => r.Elements<Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue!.Text).ToList()).ToList();
        Assert.Equal(["STT", "Số, ký hiệu", "Ngày", "Trích yếu", "Trạng thái", "Đoạn trích"], rows[0]);
        Assert.Equal(["1", "1234/STC-QLNS", "09/03/2026", "V/v sửa chữa cầu Non Nước", "Đang xử lý", "đề nghị sửa chữa cầu"], rows[1]);
        Assert.Equal("45/QĐ-SGTVT", rows[2][1]);
        Assert.Equal(3, rows.Count);
        var cover = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == "Bìa").Id!);
        Assert.Contains("Từ khóa: sửa chữa cầu", cover.Worksheet.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_docx_is_a_word_table_with_a_repeated_header_row_and_the_printed_by_mark_in_the_footer()
    {
        var bytes = await DocxReportWriter.WriteAsync(Report(), CancellationToken.None);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var texts = body.Elements<Word.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("KẾT QUẢ TÌM KIẾM", texts);
        Assert.Contains("Từ khóa: sửa chữa cầu", texts);
        var table = body.Elements<Word.Table>().Single();
        var rows = table.Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["STT", "Số, ký hiệu", "Ngày", "Trích yếu", "Trạng thái", "Đoạn trích"], rows[0]);
        Assert.Equal(["2", "45/QĐ-SGTVT", "01/04/2026", "Quyết định phê duyệt kế hoạch bảo trì đường bộ năm 2027", "Đã phát hành", ""], rows[2]);
        Assert.NotNull(table.Elements<Word.TableRow>().First().TableRowProperties!.GetFirstChild<Word.TableHeader>());
        Assert.Contains(PrintedBy, document.MainDocumentPart.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
        var size = body.Elements<Word.SectionProperties>().Single().GetFirstChild<Word.PageSize>()!;
        Assert.Equal(Word.PageOrientationValues.Landscape, size.Orient!.Value);
    }

    [Fact]
    public async Task The_pdf_reads_with_its_vietnamese_titles_headers_and_values()
    {
        using var output = new MemoryStream();

        await new PdfSharpReportRenderer().RenderAsync(Report(), output, CancellationToken.None);

        using var pdf = PdfDocument.Open(output.ToArray());
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Normalize(System.Text.NormalizationForm.FormC);
        Assert.Contains("KẾT QUẢ TÌM KIẾM", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("Từ khóa: sửa chữa cầu", text, StringComparison.Ordinal);
        Assert.Contains("Trích yếu", text, StringComparison.Ordinal);
        Assert.Contains("1234/STC-QLNS", text, StringComparison.Ordinal);
        Assert.Contains("Đinh Thị Mai", text, StringComparison.Ordinal);
    }
}
