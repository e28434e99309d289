using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Eoffice.Web.Platform.Reporting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Eoffice.IntegrationTests.Platform.TextExtraction;

/// <summary>Files to extract text from, made here: text PDFs (PDFsharp), scans (rendered at 300 dpi by pdftoppm, wrapped as image-only PDF pages), .docx and .xlsx.</summary>
public static class TextSamples
{
    public static readonly string[] Letter =
    [
        "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH",
        "Số: 125/UBND-VP",
        "V/v triển khai kế hoạch chuyển đổi số",
        "Kính gửi: Sở Thông tin và Truyền thông",
        "Ủy ban nhân dân tỉnh đề nghị các cơ quan",
        "khẩn trương thực hiện nhiệm vụ được giao.",
        "Chủ tịch Nguyễn Văn Hùng",
    ];

    /// <summary>A PDF whose pages carry these lines as text (one page per array).</summary>
    public static byte[] TextPdf(params string[][] pages)
    {
        PdfSharpReportRenderer.EnsureInitialized();
        using var document = new PdfDocument();
        foreach (var lines in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var graphics = XGraphics.FromPdfPage(page);
            var font = new XFont(BundledFontResolver.Family, 16);
            for (var i = 0; i < lines.Length; i++)
            {
                graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(60, 90 + (i * 34)));
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    public static byte[] EncryptedPdf()
    {
        PdfSharpReportRenderer.EnsureInitialized();
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(TextPdf(Letter)), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        document.SecuritySettings.UserPassword = "mat-khau";
        document.SecuritySettings.OwnerPassword = "chu-so-huu";
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>
    /// Each page of <paramref name="pdf"/> rendered to a 300-dpi grey PNG or JPEG (poppler's pdftoppm). Scans wrapped
    /// into PDFs use JPEG, as scanners do (PDFsharp re-compresses PNGs with a zlib check qpdf warns about).
    /// </summary>
    public static IReadOnlyList<byte[]> Render(byte[] pdf, int dpi = 300, bool jpeg = false)
    {
        var folder = Directory.CreateTempSubdirectory("eoffice-scan-").FullName;
        try
        {
            var input = Path.Combine(folder, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var poppler = Environment.GetEnvironmentVariable("EOFFICE_TEST_POPPLER") is { Length: > 0 } p ? p : "/usr/bin";
            var start = new ProcessStartInfo(Path.Combine(poppler, "pdftoppm")) { RedirectStandardError = true };
            foreach (var argument in new[] { "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", jpeg ? "-jpeg" : "-png", input, Path.Combine(folder, "page") })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit(60_000);
            Assert.Equal(0, process.ExitCode);
            return Directory.GetFiles(folder, jpeg ? "page*.jpg" : "page*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The pages of these PDFs one after the other, as they are (a mixed file: typed pages and scans).</summary>
    public static byte[] Concatenate(params byte[][] pdfs)
    {
        PdfSharpReportRenderer.EnsureInitialized();
        using var document = new PdfDocument();
        foreach (var pdf in pdfs)
        {
            using var source = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages)
            {
                document.AddPage(page);
            }
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>An image-only PDF (a scan): each image a full A4 page, no text layer.</summary>
    public static byte[] ScanPdf(IEnumerable<byte[]> images)
    {
        PdfSharpReportRenderer.EnsureInitialized();
        using var document = new PdfDocument();
        foreach (var png in images)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var graphics = XGraphics.FromPdfPage(page);
            using var image = XImage.FromStream(new MemoryStream(png));
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    public static byte[] Docx(string header, string paragraph, string cell)
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var headerPart = main.AddNewPart<HeaderPart>();
            headerPart.Header = new W.Header(new W.Paragraph(new W.Run(new W.Text(header))));
            main.Document = new W.Document(new W.Body(
                new W.Paragraph(new W.Run(new W.Text(paragraph))),
                new W.Table(new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text(cell))))))));
            main.Document.Body!.Append(new W.SectionProperties(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) }));
        }

        return output.ToArray();
    }

    public static byte[] Xlsx(string shared, string inline, double number)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text(shared)));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                new Cell { CellReference = "B1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline)) },
                new Cell { CellReference = "C1", CellValue = new CellValue(number) })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Trang 1" }));
        }

        return output.ToArray();
    }
}
