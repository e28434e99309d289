using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>Wakes this node's PDF worker when a rendition is requested (a hint: polling finds every request anyway).</summary>
public sealed class PdfRenditionSignal
{
    public WorkerSignal Signal { get; } = new();
}

/// <summary>
/// One conversion for one node: claim the oldest due rendition with a lease, convert its .docx, store the PDF, record
/// the outcome. Claiming is <see cref="LeasedWorkQueue{TRow, TState}"/>'s (the outbox's, ADR 0007). The
/// attempt is counted when claimed, so a document that brings LibreOffice or the node down is given up after
/// <see cref="PdfRendition.MaxAttempts"/> all the same; failures are retried after the jobs' back-off.
/// </summary>
public sealed class PdfRenditionProcessor(
    IServiceScopeFactory scopes,
    LibreOfficeConverter converter,
    IOptions<JobsOptions> options,
    TimeProvider time,
    WorkerNode node,
    ILogger<PdfRenditionProcessor> logger)
{
    private sealed record Claimed(Guid SourceFileId, int Attempts);

    private static readonly LeasedWorkQueue<PdfRendition, PdfRenditionStatus> Queue =
        new(nameof(PdfRendition.Status), PdfRenditionStatus.Pending, nameof(PdfRendition.AvailableAt));

    /// <summary>How long a claim holds: the conversion's time limit and the jobs' lease on top, for storing the result.</summary>
    private TimeSpan Lease => converter.Timeout + options.Value.LeaseDuration;

    /// <summary>Converts at most one due rendition; false when none was due (or all were taken).</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed is null)
        {
            return false;
        }

        await ConvertAsync(claimed, cancellationToken);
        return true;
    }

    private async Task<Claimed?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        return await Queue.ClaimAsync(db, node.Id, now, now + Lease, cancellationToken) is { } claim
            ? new Claimed(claim.Id, claim.Attempts)
            : null;
    }

    private async Task ConvertAsync(Claimed claimed, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var files = scope.ServiceProvider.GetRequiredService<FileStore>();
            var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
            byte[] pdf;
            string name;
            // The worker has no user: it reads the source as the system (who may read the PDF is decided by the source).
            await using (var source = await files.OpenReadAsSystemAsync(claimed.SourceFileId, stoppingToken))
            {
                name = Path.ChangeExtension(source.File.FileName, ".pdf");
                pdf = await converter.ConvertToPdfAsync(source.Content, stoppingToken);
            }

            var stored = await files.StageAsync(new MemoryStream(pdf, writable: false), name, FileTypeSniffer.Pdf, stoppingToken);
            var rendition = await db.Set<PdfRendition>().FirstOrDefaultAsync(r => r.SourceFileId == claimed.SourceFileId && r.LockedBy == node.Id,
                stoppingToken);
            if (rendition is null)
            {
                // Another node took the rendition over after this one's lease ran out; its result stands (the PDF's
                // content is left to the file store's garbage collection).
                logger.LogWarning("The PDF of file {File} was made, but this node's lease had been taken over.", claimed.SourceFileId);
                return;
            }

            rendition.Complete(stored.Id, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(stoppingToken);
            logger.LogInformation("Made the PDF {Pdf} of file {File}.", stored.Id, claimed.SourceFileId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the attempt was interrupted, not failed.
            await using var scope = scopes.CreateAsyncScope();
            await Queue.ReleaseAsync(scope.ServiceProvider.GetRequiredService<EofficeDbContext>(), claimed.SourceFileId, node.Id);
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(claimed, ex);
        }
    }

    private async Task RecordFailureAsync(Claimed claimed, Exception error)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var givenUp = claimed.Attempts >= PdfRendition.MaxAttempts;
        var next = now + BackOff.Delay(claimed.Attempts, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble());
        var text = error is ConversionException ? error.Message : WorkerLoop.Describe(error);
        text = text.Length <= PdfRendition.ErrorMaxLength ? text : text[..PdfRendition.ErrorMaxLength];
        if (givenUp)
        {
            logger.LogError(error, "The PDF of file {File} failed {Attempts} times and is given up.", claimed.SourceFileId, claimed.Attempts);
        }
        else
        {
            logger.LogWarning(error, "The PDF of file {File} failed (attempt {Attempts} of {Max}); next attempt at {Next:O}.",
                claimed.SourceFileId, claimed.Attempts, PdfRendition.MaxAttempts, next);
        }

        await UpdateOwnedAsync(claimed.SourceFileId, q => q.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, givenUp ? PdfRenditionStatus.Failed : PdfRenditionStatus.Pending)
            .SetProperty(r => r.Error, text)
            .SetProperty(r => r.AvailableAt, next)
            .SetProperty(r => r.FinishedAt, givenUp ? now : null)
            .SetProperty(r => r.LockedBy, (string?)null)
            .SetProperty(r => r.LockedUntil, (DateTime?)null)));
    }

    /// <summary>Updates the rendition only while this node holds it. Runs to completion even during shutdown.</summary>
    private async Task<int> UpdateOwnedAsync(Guid sourceFileId, Func<IQueryable<PdfRendition>, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        return await update(Queue.Owned(db, sourceFileId, node.Id));
    }
}

/// <summary>
/// This node's PDF worker: converts due renditions one after another while LibreOffice is installed (without it,
/// requests wait and pages say why: they are converted once it is installed).
/// </summary>
public sealed class PdfRenditionWorker(
    PdfRenditionProcessor processor,
    LibreOfficeConverter converter,
    PdfRenditionSignal signal,
    WorkerHeartbeats heartbeats,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<PdfRenditionWorker> logger) : LeasedWorkWorker(heartbeats, options, time, logger)
{
    public const string HeartbeatName = "pdf-renditions";

    protected override string Heartbeat => HeartbeatName;

    protected override WorkerSignal Signal => signal.Signal;

    protected override bool IsEnabled => converter.IsAvailable;

    protected override Task<bool> ProcessNextAsync(CancellationToken stoppingToken) => processor.ProcessNextAsync(stoppingToken);
}
