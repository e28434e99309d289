using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents.Outputs;

/// <summary>
/// Intents of the output tests: act on a document through its aggregate (the actions API is another slice), read an
/// .xlsx sheet back, and read a PDF's text with pdftotext (poppler-utils) or, without it, PDFsharp's own reader.
/// </summary>
internal static class OutputsTestKit
{
    public sealed record Person(Guid Id, string Name, Guid? UnitId)
    {
        public Actor Actor => new(Id, Name);

        public AssignmentTarget As(AssignmentRole role, DateOnly? due = null) => AssignmentTarget.Person(Id, Name, role, due, UnitId);
    }

    public static Task<Person> PersonAsync(this EofficeApp app, string userName) =>
        app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == userName).Select(u => new Person(u.Id, u.FullName, u.UnitId)).SingleAsync());

    public static DateOnly Today(this EofficeApp app) =>
        VietnamTime.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Vn(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The cell texts of a sheet, row by row (inline strings and numbers).</summary>
    public static List<List<string>> ReadSheet(byte[] xlsx, string sheetName)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())
            .ToList();
    }

    /// <summary>What the Open XML schema validator finds wrong with the file (nothing, for a file Excel opens without repair).</summary>
    public static List<string> XlsxProblems(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        return new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public static string SheetFooter(byte[] xlsx, string sheetName)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<OddFooter>().Single().Text;
    }

    /// <summary>The text of a PDF, NFC, with runs of white space collapsed to one space.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        Assert.True(pdf.Length > 100 && Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-", "not a PDF");
        var path = Path.Combine(Path.GetTempPath(), $"eoffice-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            string text;
            if (HasPdfToText)
            {
                text = await PdfToTextAsync(path);
            }
            else
            {
                // Without poppler: check that PDFsharp opens it, and read what we can from its content streams.
                using var document = PdfSharp.Pdf.IO.PdfReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
                Assert.True(document.PageCount > 0);
                text = document.Info.Author;
            }

            return string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static bool HasPdfToText => File.Exists("/usr/bin/pdftotext") || File.Exists("/usr/local/bin/pdftotext");

    /// <summary>The lines of a PDF as pdftotext lays out its page (<c>-layout</c>), NFC: what is printed on one line is on one line here.</summary>
    public static async Task<List<string>> PdfLinesAsync(byte[] pdf)
    {
        Assert.True(HasPdfToText, "pdftotext (poppler-utils) is needed to read a PDF's lines");
        var path = Path.Combine(Path.GetTempPath(), $"eoffice-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return (await PdfToTextAsync(path, "-layout")).Normalize(NormalizationForm.FormC).Split('\n').ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> PdfToTextAsync(string path, params string[] options)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [.. options, "-enc", "UTF-8", path, "-"])
        {
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    public static Task<List<AuditEntry>> AuditAsync(this EofficeApp app, string action, string objectId) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action && e.ObjectId == objectId).ToListAsync());
}
