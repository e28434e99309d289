namespace Eoffice.Web.Platform.Reporting;

/// <summary>
/// The report writers' registration (one line in <see cref="PlatformExtensions"/>): the PDF renderer, with PDFsharp's
/// licence and the bundled fonts set up once at start-up. <see cref="XlsxWriter"/> is static and needs nothing. Modules
/// build a <see cref="PrintedReport"/> (a register book, a list, statistics) and hand it to these writers.
/// </summary>
public static class ReportingRegistration
{
    public static IServiceCollection AddEofficeReporting(this IServiceCollection services)
    {
        PdfSharpReportRenderer.EnsureInitialized();
        services.AddSingleton<IReportPdfRenderer, PdfSharpReportRenderer>();
        return services;
    }
}
