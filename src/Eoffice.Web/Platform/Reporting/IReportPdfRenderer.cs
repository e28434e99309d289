namespace Eoffice.Web.Platform.Reporting;

/// <summary>Renders a <see cref="PrintedReport"/> as PDF (A4, serif, the printed-by mark and page numbers on every page).</summary>
public interface IReportPdfRenderer
{
    Task RenderAsync(PrintedReport report, Stream output, CancellationToken cancellationToken);
}
