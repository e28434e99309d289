using Eoffice.Web.Platform.Storage;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>Document conversion: LibreOffice, the PDF views of stored files and their background worker.</summary>
public static class ConversionRegistration
{
    public static IServiceCollection AddEofficeConversion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LibreOfficeOptions>()
            .Bind(configuration.GetSection(EofficeOptions.Section))
            .Validate(o => o.LibreOfficeTimeout > TimeSpan.Zero, "Eoffice:LibreOfficeTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<LibreOfficeConverter>();
        services.AddSingleton<PdfRenditionSignal>();
        services.AddSingleton<PdfRenditionProcessor>();
        services.AddScoped<PdfRenditions>();
        services.AddScoped<IFileAccessPolicy, PdfRenditionAccessPolicy>();
        services.AddHostedService<PdfRenditionWorker>();
        return services;
    }
}
