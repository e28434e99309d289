using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Eoffice.Web.Platform.Reporting;
using PdfSharp.Pdf.IO;

namespace Eoffice.UnitTests.Platform.Reporting;

/// <summary>
/// The platform's report writers on a report that belongs to no module: what any register book or statistics table
/// relies on, independent of the incoming-document books that are tested end to end in the integration tests.
/// </summary>
public sealed class ReportWritersTests
{
    private static PrintedReport Book(int rows, string cellText = "Trích yếu") => new(
        "Sổ thử",
        "Sở Giao thông vận tải tỉnh Ninh Bình",
        Landscape: true,
        "In bởi Đinh Thị Mai lúc 08:00 ngày 02/01/2027",
        new ReportCover("Sở Giao thông vận tải tỉnh Ninh Bình", "Sổ thử", ["Năm 2027"]),
        [new ReportTable(
            [new ReportColumn("Số", 1, Numeric: true), new ReportColumn("Nội dung", 6)],
            ReportRows.From(Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{cellText} {i}"])))],
        "so-thu");

    [Fact]
    public async Task An_xlsx_book_has_a_cover_sheet_then_its_table_with_numeric_columns_as_numbers_and_control_characters_removed()
    {
        await using var file = await XlsxWriter.WriteAsync(Book(3, "Trích\u0007 yếu"), "Sổ", CancellationToken.None);

        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Bìa", "Sổ"], workbook.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value!));
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == "Sổ").Id!);
        var rows = sheet.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Số", "Nội dung"], rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText));
        var number = rows[3].Elements<Cell>().First();
        Assert.Null(number.DataType);
        Assert.Equal("3", number.CellValue!.Text);
        Assert.Equal("Trích yếu 3", rows[3].Elements<Cell>().Last().InlineString!.InnerText);
        Assert.Contains("In bởi Đinh Thị Mai", sheet.Worksheet.Descendants<OddFooter>().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pdf_of_a_long_table_runs_over_several_pages_after_its_cover_and_names_who_printed_it()
    {
        using var output = new MemoryStream();

        await new PdfSharpReportRenderer().RenderAsync(Book(200), output, CancellationToken.None);

        output.Position = 0;
        using var pdf = PdfReader.Open(output, PdfDocumentOpenMode.Import);
        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
        Assert.Equal("In bởi Đinh Thị Mai lúc 08:00 ngày 02/01/2027", pdf.Info.Author);
        Assert.Equal("Sổ thử", pdf.Info.Title);
    }
}
