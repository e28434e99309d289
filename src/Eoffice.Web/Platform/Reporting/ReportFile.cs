namespace Eoffice.Web.Platform.Reporting;

/// <summary>The three files a <see cref="PrintedReport"/> is exported as.</summary>
public enum ReportFileFormat
{
    Xlsx = 0,
    Pdf = 1,
    Docx = 2,
}

/// <summary>A rendered report: its content (positioned at the start), media type and file name with its extension.</summary>
public sealed record ReportFile(Stream Content, string ContentType, string FileName)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string FormatMessage = "Định dạng tệp phải là xlsx, pdf hoặc docx.";

    /// <summary><c>xlsx</c>, <c>pdf</c> or <c>docx</c> (any case); <c>null</c> for anything else, a missing value included.</summary>
    public static ReportFileFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => ReportFileFormat.Xlsx,
        "pdf" => ReportFileFormat.Pdf,
        "docx" => ReportFileFormat.Docx,
        _ => null,
    };

    /// <summary>
    /// The report through the shared writers — <see cref="XlsxWriter"/> (its one table on the sheet
    /// <paramref name="sheetName"/>), <see cref="IReportPdfRenderer"/>, <see cref="DocxReportWriter"/> — so the three agree.
    /// </summary>
    public static async Task<ReportFile> RenderAsync(PrintedReport report, ReportFileFormat format, string sheetName, IReportPdfRenderer pdf,
        CancellationToken cancellationToken)
    {
        switch (format)
        {
            case ReportFileFormat.Pdf:
                var buffer = new MemoryStream();
                await pdf.RenderAsync(report, buffer, cancellationToken);
                buffer.Position = 0;
                return new ReportFile(buffer, PdfContentType, report.FileName + ".pdf");
            case ReportFileFormat.Docx:
                return new ReportFile(new MemoryStream(await DocxReportWriter.WriteAsync(report, cancellationToken)), DocxContentType, report.FileName + ".docx");
            default:
                return new ReportFile(await XlsxWriter.WriteAsync(report, sheetName, cancellationToken), XlsxContentType, report.FileName + ".xlsx");
        }
    }
}
