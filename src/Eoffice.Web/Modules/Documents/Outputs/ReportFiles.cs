using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Outputs;

/// <summary>The file formats a book or report is exported in.</summary>
public enum ReportFormat
{
    Xlsx = 0,
    Pdf = 1,
}

/// <summary>
/// Turns a <see cref="PrintedReport"/> into a downloadable file (<see cref="IReportPdfRenderer"/>, <see cref="XlsxWriter"/>)
/// and records the export in the audit log (<see cref="PrintMarks"/>).
/// </summary>
public sealed class ReportFiles(IReportPdfRenderer pdf, PrintMarks marks)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";

    /// <summary>The message of a <c>format</c> that is neither <c>xlsx</c> nor <c>pdf</c>.</summary>
    public const string FormatMessage = "Định dạng tệp phải là xlsx hoặc pdf.";

    public async Task<byte[]> PdfAsync(PrintedReport report, OutputSubject subject, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await pdf.RenderAsync(report, buffer, cancellationToken);
        await marks.RecordAsync(subject, report, "PDF", cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The .xlsx in a temporary file that deletes itself once the response has been sent.</summary>
    public async Task<Stream> XlsxAsync(PrintedReport report, string sheetName, OutputSubject subject, CancellationToken cancellationToken)
    {
        var file = await XlsxWriter.WriteAsync(report, sheetName, cancellationToken);
        await marks.RecordAsync(subject, report, ".xlsx", cancellationToken);
        return file;
    }

    /// <summary>The report as the file a <c>format=xlsx|pdf</c> endpoint answers (<paramref name="sheetName"/>: the .xlsx table's sheet).</summary>
    public async Task<FileStreamHttpResult> DownloadAsync(PrintedReport report, ReportFormat format, string sheetName, OutputSubject subject,
        CancellationToken cancellationToken) =>
        format == ReportFormat.Pdf
            ? TypedResults.File(new MemoryStream(await PdfAsync(report, subject, cancellationToken)), PdfContentType, report.FileName + ".pdf")
            : TypedResults.File(await XlsxAsync(report, sheetName, subject, cancellationToken), XlsxContentType, report.FileName + ".xlsx");

    /// <summary><c>xlsx</c> or <c>pdf</c> (any case); <c>null</c> for anything else, a missing value included.</summary>
    public static ReportFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => ReportFormat.Xlsx,
        "pdf" => ReportFormat.Pdf,
        _ => null,
    };
}

public static class ReportExportEndpoints
{
    /// <summary>
    /// What a <c>format=xlsx|pdf</c> export endpoint declares: the permission it needs, its two file types, 400 for a
    /// wrong period or format, 404 for what the viewer may not see.
    /// </summary>
    public static RouteHandlerBuilder AsReportExport(this RouteHandlerBuilder endpoint, string permission) =>
        endpoint.RequireAuthorization(Policies.For(permission))
            .Produces(StatusCodes.Status200OK, contentType: ReportFiles.XlsxContentType, additionalContentTypes: ReportFiles.PdfContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
