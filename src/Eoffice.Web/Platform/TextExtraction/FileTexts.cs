using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>Wakes this node's text workers when a file's text is requested (a hint: polling finds every request anyway).</summary>
public sealed class FileTextSignal
{
    public WorkerSignal Signal { get; } = new();
}

/// <summary>The rows of <c>platform_file_texts</c> for modules and pages (<see cref="IFileTexts"/>).</summary>
public sealed class FileTexts : IFileTexts
{
    private readonly EofficeDbContext db;
    private readonly TimeProvider time;
    private bool requested;

    public FileTexts(EofficeDbContext db, FileTextSignal signal, TimeProvider time)
    {
        this.db = db;
        this.time = time;
        // Wake the workers once the request is saved (inside the caller's transaction that is before the commit: a
        // worker then finds nothing yet, and its next poll does).
        db.SavedChanges += (_, _) =>
        {
            if (requested)
            {
                requested = false;
                signal.Signal.Set();
            }
        };
    }

    /// <summary>
    /// Adds a pending row to the caller's unit of work. A text pending or ready is left as it is; one that failed or
    /// waited for OCR starts a fresh set of attempts (the file may be readable now, OCR may have been installed).
    /// </summary>
    public async Task RequestAsync(Guid fileId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var text = await db.Set<FileText>().FindAsync([fileId], cancellationToken);
        if (text is null)
        {
            db.Add(new FileText(fileId, now));
            requested = true;
        }
        else if (text.State is FileTextState.Failed or FileTextState.OcrUnavailable)
        {
            text.Retry(now);
            requested = true;
        }
    }

    public async Task<FileTextView> StatusAsync(Guid fileId, CancellationToken cancellationToken = default) =>
        (await StatusAsync([fileId], cancellationToken))[0];

    public async Task<IReadOnlyList<FileTextView>> StatusAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken = default)
    {
        var ids = fileIds.Distinct().ToList();
        var views = await db.Set<FileText>().AsNoTracking().Where(t => ids.Contains(t.FileId))
            .Select(t => new FileTextView(t.FileId, t.State, t.Method, t.Pages, t.PagesDone, t.SearchablePdfFileId, t.Message))
            .ToDictionaryAsync(v => v.FileId, cancellationToken);
        return fileIds.Select(id => views.TryGetValue(id, out var view) ? view : NotRequested(id)).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string>> TextsAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken = default)
    {
        var ids = fileIds.Distinct().ToList();
        return await db.Set<FileText>().AsNoTracking().Where(t => ids.Contains(t.FileId) && t.State == FileTextState.Ready && t.Text != null)
            .ToDictionaryAsync(t => t.FileId, t => t.Text!, cancellationToken);
    }

    /// <summary>The file a searchable PDF was made from; <c>null</c> when <paramref name="pdfFileId"/> is none.</summary>
    public async Task<Guid?> SourceOfAsync(Guid pdfFileId, CancellationToken cancellationToken = default) =>
        await db.Set<FileText>().AsNoTracking().Where(t => t.SearchablePdfFileId == pdfFileId).Select(t => (Guid?)t.FileId)
            .FirstOrDefaultAsync(cancellationToken);

    private static FileTextView NotRequested(Guid id) => new(id, FileTextState.NotRequested, null, null, 0, null, null);
}
