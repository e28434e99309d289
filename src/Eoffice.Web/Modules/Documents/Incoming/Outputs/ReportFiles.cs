using Eoffice.Web.Platform.Reporting;

namespace Eoffice.Web.Modules.Documents.Incoming.Outputs;

/// <summary>Turns a <see cref="PrintedReport"/> into a downloadable file and records the export in the audit log.</summary>
public sealed class ReportFiles(IReportPdfRenderer pdf, PrintMarks marks)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";

    public async Task<byte[]> PdfAsync(PrintedReport report, string objectType, Guid objectId, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await pdf.RenderAsync(report, buffer, cancellationToken);
        await marks.RecordAsync(true, objectType, objectId.ToString(), $"{report.Title} (PDF){Period(report)}", cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The .xlsx in a temporary file that deletes itself once the response has been sent.</summary>
    public async Task<Stream> XlsxAsync(PrintedReport report, string sheetName, string objectType, Guid objectId, CancellationToken cancellationToken)
    {
        var file = await XlsxWriter.WriteAsync(report, sheetName, cancellationToken);
        await marks.RecordAsync(true, objectType, objectId.ToString(), $"{report.Title} (.xlsx){Period(report)}", cancellationToken);
        return file;
    }

    private static string Period(PrintedReport report) => report.Cover is { Lines.Count: > 0 } c ? ", " + c.Lines[^1] : "";
}
