using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Web;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Storage;

/// <summary>The file store's registration: options, blob store, <see cref="FileStore"/>, access rule, garbage collection, readiness and endpoints.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddEofficeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure<IOptions<EofficeOptions>, IWebHostEnvironment>((storage, eoffice, environment) =>
                storage.Path = string.IsNullOrWhiteSpace(storage.Path)
                    ? Path.Combine(eoffice.Value.ResolveDataPath(environment.ContentRootPath), "files")
                    : Path.GetFullPath(storage.Path, environment.ContentRootPath))
            .Validate(o => o.MaxFileSizeBytes > 0, "Storage:MaxFileSizeBytes must be positive.")
            .Validate(o => o.GarbageGracePeriod >= TimeSpan.FromMinutes(1), "Storage:GarbageGracePeriod must be at least one minute.")
            .ValidateOnStart();

        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.FileSystem => ActivatorUtilities.CreateInstance<FileSystemBlobStore>(sp),
            var other => throw new InvalidOperationException($"Storage provider '{other}' is not available in this build."),
        });
        services.AddScoped<FileStore>();
        services.AddScoped<IFileAccessPolicy, UploaderOrFileManagerPolicy>();
        services.AddScoped<IRecurringJob, FileGarbageCollectionJob>();
        services.AddHealthChecks().AddCheck<FileStoreHealthCheck>("file-store", tags: [HealthTags.Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapEofficeStorage(this IEndpointRouteBuilder endpoints) => endpoints.MapFilesApi();
}
