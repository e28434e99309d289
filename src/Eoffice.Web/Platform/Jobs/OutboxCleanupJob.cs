using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>Deletes outbox messages processed longer ago than <c>Jobs:OutboxRetention</c>; dead and pending ones stay.</summary>
public sealed class OutboxCleanupJob(EofficeDbContext db, IOptions<JobsOptions> options, TimeProvider time, ILogger<OutboxCleanupJob> logger)
    : IRecurringJob
{
    public string Name => "platform.outbox.cleanup";

    public string DisplayName => "Dọn hàng đợi thông điệp đã xử lý";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.OutboxRetention;
        var deleted = await db.Set<OutboxMessage>()
            .Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} outbox message(s) processed before {Cutoff:O}.", deleted, cutoff);
        }
    }
}
