using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>An extraction that cannot succeed however often it is tried (encrypted, corrupt, too long): the message is for the clerk.</summary>
internal sealed class FileTextFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The text layer of a PDF, page by page: a page without text (a scanned page) is <c>null</c>.</summary>
internal sealed record PdfTextLayer(int PageCount, IReadOnlyList<string?> Pages)
{
    /// <summary>Letters and digits a page needs to count as having text (a scan may carry a stamp or a scanner's name).</summary>
    public const int MinimumCharacters = 20;

    public const string EncryptedMessage = "Tệp PDF được mã hóa (có mật khẩu) nên không trích xuất được văn bản; vui lòng tải bản không đặt mật khẩu.";

    public const string CorruptMessage = "Tệp PDF bị hỏng hoặc không đúng định dạng nên không đọc được văn bản.";

    public bool IsScan => Pages.All(p => p is null);

    public bool NeedsOcr => Pages.Any(p => p is null);

    /// <summary>Reads at most <paramref name="maxPages"/> pages with PdfPig (in-process: no program to install, pages decided one by one).</summary>
    public static PdfTextLayer Read(byte[] pdf, int maxPages, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var pages = new List<string?>();
            for (var number = 1; number <= Math.Min(document.NumberOfPages, maxPages); number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = ContentOrderTextExtractor.GetText(document.GetPage(number), true);
                pages.Add(text.Count(char.IsLetterOrDigit) >= MinimumCharacters ? text : null);
            }

            return new PdfTextLayer(document.NumberOfPages, pages);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new FileTextFailure(EncryptedMessage, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not FileTextFailure and not OutOfMemoryException)
        {
            throw new FileTextFailure(CorruptMessage, ex);
        }
    }
}

/// <summary>The text of Office Open XML files (Open XML SDK) and of plain text files.</summary>
internal static class OfficeText
{
    public const string CorruptMessage = "Tệp Office bị hỏng hoặc không đúng định dạng nên không đọc được văn bản.";

    /// <summary>Headers, the body (paragraphs and tables, in order) and footers of a .docx.</summary>
    public static string ReadDocx(byte[] content) => Guarded(() =>
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The document has no main part.");
        var text = new StringBuilder();
        foreach (var header in main.HeaderParts)
        {
            AppendParagraphs(text, header.Header);
        }

        AppendParagraphs(text, main.Document?.Body);
        foreach (var footer in main.FooterParts)
        {
            AppendParagraphs(text, footer.Footer);
        }

        return text.ToString();
    });

    /// <summary>Every sheet's cells, a row a line and cells separated by tabs: shared strings, inline strings and values.</summary>
    public static string ReadXlsx(byte[] content) => Guarded(() =>
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no main part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var text = new StringBuilder();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().Select(cell => CellText(cell, shared)).Where(t => t.Length > 0).ToList();
                if (cells.Count > 0)
                {
                    text.AppendJoin('\t', cells).Append('\n');
                }
            }
        }

        return text.ToString();
    });

    public static string ReadPlain(byte[] content) => new UTF8Encoding(false, false).GetString(content).TrimStart('\uFEFF');

    private static string CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Count ? shared[index] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        return cell.CellValue?.Text ?? string.Empty;
    }

    private static void AppendParagraphs(StringBuilder text, OpenXmlElement? root)
    {
        if (root is null)
        {
            return;
        }

        foreach (var paragraph in root.Descendants<Word.Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Word.Text t:
                        text.Append(t.Text);
                        break;
                    case Word.TabChar:
                        text.Append('\t');
                        break;
                    case Word.Break or Word.CarriageReturn:
                        text.Append('\n');
                        break;
                }
            }

            text.Append('\n');
        }
    }

    private static string Guarded(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.IO.FileFormatException or System.Xml.XmlException
                                       or InvalidOperationException or ArgumentException or IOException)
        {
            throw new FileTextFailure(CorruptMessage, ex);
        }
    }
}
