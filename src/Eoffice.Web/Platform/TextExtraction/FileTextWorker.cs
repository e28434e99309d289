using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>
/// One extraction: claim the oldest due file with a lease (<see cref="LeasedWorkQueue{TRow, TState}"/>), read it by
/// its sniffed type, record the outcome and publish <see cref="FileTextEvents.Extracted"/> in the same transaction. An
/// encrypted, corrupt or too slow file fails at once (trying again cannot help); anything unexpected is retried with
/// the jobs' back-off and given up after <see cref="FileText.MaxAttempts"/>. A node that dies mid-file leaves a lease
/// that runs out, and the next claim counts the attempt: no file stays pending for ever.
/// </summary>
public sealed class FileTextProcessor(
    IServiceScopeFactory scopes,
    OcrEngine ocr,
    IOptions<FileTextOptions> textOptions,
    IOptions<JobsOptions> jobOptions,
    TimeProvider time,
    WorkerNode node,
    ILogger<FileTextProcessor> logger)
{
    public const string UnsupportedMessage = "Không trích xuất văn bản từ loại tệp này.";

    public const string GivenUpMessage = "Không trích xuất được văn bản của tệp sau nhiều lần thử; vui lòng báo quản trị hệ thống.";

    private static readonly LeasedWorkQueue<FileText, FileTextState> Queue =
        new(nameof(FileText.State), FileTextState.Pending, nameof(FileText.DueAt));

    private static readonly HashSet<string> Images = new(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/tiff" };

    /// <summary>The file's time limit and the jobs' lease on top, for storing the result.</summary>
    private TimeSpan Lease => textOptions.Value.TimeLimit + jobOptions.Value.LeaseDuration;

    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        LeasedWorkClaim? claim;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = time.GetUtcNow().UtcDateTime;
            claim = await Queue.ClaimAsync(scope.ServiceProvider.GetRequiredService<EofficeDbContext>(), node.Id, now, now + Lease, cancellationToken);
        }

        if (claim is null)
        {
            return false;
        }

        if (claim.Attempts > FileText.MaxAttempts)
        {
            // Every earlier attempt ended with its node (a file that crashes the reader, a node killed mid-OCR): the
            // leases ran out and were re-claimed. Not tried again.
            logger.LogError("The text of file {File} was claimed {Attempts} times without an outcome and is given up.", claim.Id, claim.Attempts);
            await FinishAsync(claim, FileTextState.Failed, new FileTextOutcome(null, Message: GivenUpMessage), null, null);
            return true;
        }

        await ExtractAsync(claim, cancellationToken);
        return true;
    }

    private async Task ExtractAsync(LeasedWorkClaim claim, CancellationToken stoppingToken)
    {
        var limit = textOptions.Value.TimeLimit;
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeLimit.CancelAfter(limit);
        try
        {
            byte[] content;
            StoredFile file;
            await using (var scope = scopes.CreateAsyncScope())
            {
                await using var opened = await scope.ServiceProvider.GetRequiredService<FileStore>().OpenReadAsSystemAsync(claim.Id, stoppingToken);
                file = opened.File;
                using var buffer = new MemoryStream();
                await opened.Content.CopyToAsync(buffer, stoppingToken);
                content = buffer.ToArray();
            }

            var (state, outcome, pdf) = await ReadAsync(claim, file, content, limit, timeLimit.Token);
            await FinishAsync(claim, state, outcome, pdf, file.FileName);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the attempt was interrupted, not failed.
            await using var scope = scopes.CreateAsyncScope();
            await Queue.ReleaseAsync(scope.ServiceProvider.GetRequiredService<EofficeDbContext>(), claim.Id, node.Id);
        }
        catch (OperationCanceledException ex) when (timeLimit.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The text of file {File} took longer than {Limit}.", claim.Id, limit);
            await FinishAsync(claim, FileTextState.Failed, new FileTextOutcome(null, Message: OcrEngine.TimeLimitMessage(limit)), null, null);
        }
        catch (FileTextFailure failure)
        {
            logger.LogInformation(failure.InnerException, "The text of file {File} cannot be read: {Reason}", claim.Id, failure.Message);
            await FinishAsync(claim, FileTextState.Failed, new FileTextOutcome(null, Message: failure.Message), null, null);
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(claim, ex);
        }
    }

    private async Task<(FileTextState, FileTextOutcome, byte[]?)> ReadAsync(LeasedWorkClaim claim, StoredFile file, byte[] content, TimeSpan limit,
        CancellationToken cancellationToken)
    {
        var maxPages = textOptions.Value.MaxPages;
        switch (file.ContentType)
        {
            case FileTypeSniffer.Pdf:
                var layer = PdfTextLayer.Read(content, maxPages, cancellationToken);
                var cut = layer.PageCount > maxPages ? PagesLeftOutMessage(layer.PageCount, maxPages) : null;
                var read = layer.Pages.Count;
                if (!layer.NeedsOcr)
                {
                    return (FileTextState.Ready, new FileTextOutcome("pdf-text", Join(layer.Pages), cut, layer.PageCount, read), null);
                }

                await ReportPagesAsync(claim.Id, layer.PageCount);
                if (!ocr.IsAvailable)
                {
                    return (FileTextState.OcrUnavailable, new FileTextOutcome(null, Message: OcrEngine.UnavailableMessage, Pages: layer.PageCount, PagesDone: 0), null);
                }

                // Typed pages keep their own text (and are kept as they are in the searchable PDF); scanned pages take what OCR read.
                var recognized = await ocr.RecognizePdfAsync(content, layer.Pages, limit, cancellationToken, done => ReportProgressAsync(claim.Id, done));
                return (FileTextState.Ready, new FileTextOutcome("ocr", Join(recognized.Pages), cut, layer.PageCount, read), recognized.SearchablePdf);

            case var image when Images.Contains(image):
                await ReportPagesAsync(claim.Id, 1);
                if (!ocr.IsAvailable)
                {
                    return (FileTextState.OcrUnavailable, new FileTextOutcome(null, Message: OcrEngine.UnavailableMessage, Pages: 1, PagesDone: 0), null);
                }

                var scanned = await ocr.RecognizeImageAsync(content, limit, cancellationToken);
                return (FileTextState.Ready, new FileTextOutcome("ocr", Join(scanned.Pages), null, scanned.Pages.Count, scanned.Pages.Count), scanned.SearchablePdf);

            case FileTypeSniffer.Docx:
                return (FileTextState.Ready, new FileTextOutcome("docx", Clean(OfficeText.ReadDocx(content))), null);

            case FileTypeSniffer.Xlsx:
                return (FileTextState.Ready, new FileTextOutcome("xlsx", Clean(OfficeText.ReadXlsx(content))), null);

            case FileTypeSniffer.PlainText or FileTypeSniffer.Csv:
                return (FileTextState.Ready, new FileTextOutcome("text", Clean(OfficeText.ReadPlain(content))), null);

            default:
                return (FileTextState.Unsupported, new FileTextOutcome(null, Message: UnsupportedMessage), null);
        }
    }

    /// <summary>The text as stored: NFC (and legacy TCVN3/VNI converted), without a trailing blank.</summary>
    internal static string Clean(string text)
    {
        return LegacyVietnamese.ToUnicode(text).TrimEnd();
    }

    private static string Join(IEnumerable<string?> pages) => Clean(string.Join("\n\f", pages.Select(p => (p ?? string.Empty).Trim())));

    internal static string PagesLeftOutMessage(int pages, int maxPages) =>
        $"Tệp có {pages} trang; chỉ trích xuất văn bản của {maxPages} trang đầu (giới hạn của máy chủ).";

    /// <summary>Progress: the number of pages, once known, for the page's "trang x/y".</summary>
    private async Task ReportPagesAsync(Guid fileId, int pages)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Queue.Owned(scope.ServiceProvider.GetRequiredService<EofficeDbContext>(), fileId, node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Pages, pages).SetProperty(t => t.PagesDone, 0));
    }

    /// <summary>Progress: pages read so far ("trang x/y" on the pages), while OCR runs.</summary>
    private async Task ReportProgressAsync(Guid fileId, int pagesDone)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Queue.Owned(scope.ServiceProvider.GetRequiredService<EofficeDbContext>(), fileId, node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.PagesDone, pagesDone));
    }

    /// <summary>The final state, the searchable PDF (a new file) and the event, in one transaction, while this node holds the row.</summary>
    private async Task FinishAsync(LeasedWorkClaim claim, FileTextState state, FileTextOutcome outcome, byte[]? searchablePdf, string? fileName)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var row = await Queue.Owned(db, claim.Id, node.Id).FirstOrDefaultAsync();
        if (row is null)
        {
            logger.LogWarning("The text of file {File} was read, but this node's lease had been taken over.", claim.Id);
            return;
        }

        if (searchablePdf is not null)
        {
            var name = Path.GetFileNameWithoutExtension(fileName ?? "tep") + " (tìm kiếm được).pdf";
            var stored = await scope.ServiceProvider.GetRequiredService<FileStore>()
                .StageAsync(new MemoryStream(searchablePdf, writable: false), name, FileTypeSniffer.Pdf);
            outcome = outcome with { SearchablePdfFileId = stored.Id };
        }

        row.Finish(state, outcome, time.GetUtcNow().UtcDateTime);
        scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(FileTextEvents.Extracted, new FileTextExtracted(claim.Id, state));
        await db.SaveChangesAsync();
        logger.LogInformation("The text of file {File}: {State} ({Method}).", claim.Id, state, outcome.Method);
    }

    private async Task RecordFailureAsync(LeasedWorkClaim claim, Exception error)
    {
        if (claim.Attempts >= FileText.MaxAttempts)
        {
            logger.LogError(error, "The text of file {File} failed {Attempts} times and is given up.", claim.Id, claim.Attempts);
            await FinishAsync(claim, FileTextState.Failed, new FileTextOutcome(null, Message: GivenUpMessage), null, null);
            return;
        }

        var o = jobOptions.Value;
        var next = time.GetUtcNow().UtcDateTime + BackOff.Delay(claim.Attempts, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble());
        logger.LogWarning(error, "The text of file {File} failed (attempt {Attempts} of {Max}); next attempt at {Next:O}.",
            claim.Id, claim.Attempts, FileText.MaxAttempts, next);
        await using var scope = scopes.CreateAsyncScope();
        await Queue.Owned(scope.ServiceProvider.GetRequiredService<EofficeDbContext>(), claim.Id, node.Id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.DueAt, next)
            .SetProperty(t => t.LockedBy, (string?)null)
            .SetProperty(t => t.LockedUntil, (DateTime?)null));
    }
}

/// <summary>This node's text workers: <c>TextExtraction:Workers</c> loops (default: one per core), each on one file at a time.</summary>
public sealed class FileTextWorker(
    FileTextProcessor processor,
    FileTextSignal signal,
    IOptions<FileTextOptions> textOptions,
    WorkerHeartbeats heartbeats,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<FileTextWorker> logger) : LeasedWorkWorker(heartbeats, options, time, logger)
{
    public const string HeartbeatName = "file-texts";

    protected override string Heartbeat => HeartbeatName;

    protected override WorkerSignal Signal => signal.Signal;

    protected override int Loops => textOptions.Value.Workers;

    protected override Task<bool> ProcessNextAsync(CancellationToken stoppingToken) => processor.ProcessNextAsync(stoppingToken);
}
