using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Eoffice.Web.Platform.Storage;

/// <summary>Readiness: the file store's folder exists (or can be created) and accepts a write.</summary>
public sealed class FileStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await blobs.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The file store cannot be written to.", ex);
        }
    }
}
