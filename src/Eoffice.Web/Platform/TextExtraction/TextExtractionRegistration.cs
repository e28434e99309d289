using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>Text extraction: options, OCR, <see cref="IFileTexts"/>, the workers, the event and the endpoints.</summary>
public static class TextExtractionRegistration
{
    public static IServiceCollection AddFileTexts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileTextOptions>()
            .Bind(configuration.GetSection(FileTextOptions.Section))
            .Validate(o => o.Workers is >= 1 and <= 64, "TextExtraction:Workers must be between 1 and 64.")
            .Validate(o => o.TimeLimit > TimeSpan.Zero, "TextExtraction:TimeLimit must be positive.")
            .Validate(o => o.MaxPages >= 1, "TextExtraction:MaxPages must be positive.")
            .Validate(o => o.ImageDpi is >= 50 and <= 1200, "TextExtraction:ImageDpi must be between 50 and 1200.")
            .ValidateOnStart();
        services.AddSingleton<OcrEngine>();
        services.AddSingleton<FileTextSignal>();
        services.AddSingleton<FileTextProcessor>();
        services.AddScoped<FileTexts>();
        services.AddScoped<IFileTexts>(sp => sp.GetRequiredService<FileTexts>());
        services.AddScoped<IFileAccessPolicy, SearchablePdfAccessPolicy>();
        services.AddOutboxEvents<FileTextExtracted>([FileTextEvents.Extracted]);
        services.AddHostedService<FileTextWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapFileTexts(this IEndpointRouteBuilder endpoints) => endpoints.MapFileTextApi();
}
