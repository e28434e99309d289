using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>What a page may show of a file's PDF view.</summary>
public enum PdfViewState
{
    /// <summary>Nobody asked for it.</summary>
    NotRequested = 0,

    /// <summary>On its way: a conversion is waiting or running.</summary>
    Pending = 1,

    /// <summary>The PDF can be shown (<see cref="PdfView.PdfFileId"/>).</summary>
    Ready = 2,

    /// <summary>Every attempt failed (<see cref="PdfView.Message"/>, and the error in <see cref="PdfView.Detail"/>).</summary>
    Failed = 3,

    /// <summary>The server has no LibreOffice: offer the .docx (<see cref="PdfView.Message"/>).</summary>
    Unavailable = 4,
}

/// <summary>The state of a file's PDF view, with what to tell the user.</summary>
/// <param name="State">Where the PDF view stands.</param>
/// <param name="PdfFileId">The PDF in the file store, when ready.</param>
/// <param name="Message">Vietnamese, for the page (failed, unavailable).</param>
/// <param name="Detail">The technical error of the last attempt, for administrators.</param>
public sealed record PdfView(PdfViewState State, Guid? PdfFileId = null, string? Message = null, string? Detail = null)
{
    public static PdfView NotRequested { get; } = new(PdfViewState.NotRequested);

    public static PdfView Pending { get; } = new(PdfViewState.Pending);

    public static PdfView Unavailable { get; } = new(PdfViewState.Unavailable, Message: LibreOfficeConverter.UnavailableMessage);

    public static PdfView Ready(Guid pdfFileId) => new(PdfViewState.Ready, pdfFileId);

    public static PdfView Failed(string message, string? detail) => new(PdfViewState.Failed, Message: message, Detail: detail);
}

/// <summary>
/// PDF views of stored .docx files, made by LibreOffice in the background (<see cref="PdfRenditionWorker"/>). A module
/// asks for one inside its own change (<see cref="RequestAsync"/>: the request commits or rolls back with it), shows
/// <see cref="StatusAsync"/> in its page, and maps a PDF back to its source for access (<see cref="SourceOfAsync"/>).
/// </summary>
public sealed class PdfRenditions
{
    public const string FailedMessage = "Chưa tạo được bản PDF của tệp này; vui lòng tải tệp .docx.";

    private readonly EofficeDbContext db;
    private readonly LibreOfficeConverter converter;
    private readonly TimeProvider time;
    private bool requested;

    public PdfRenditions(EofficeDbContext db, LibreOfficeConverter converter, PdfRenditionSignal signal, TimeProvider time)
    {
        this.db = db;
        this.converter = converter;
        this.time = time;
        // Wake the worker once the request is saved (inside the caller's transaction that is before the commit: the
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
    /// Asks for the PDF of <paramref name="sourceFileId"/> (a .docx of the file store), adding the request to the
    /// caller's unit of work without saving: it is made once the caller commits. Asking again for a PDF on its way or
    /// ready changes nothing; for one given up, it starts a fresh set of attempts.
    /// </summary>
    public async Task RequestAsync(Guid sourceFileId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rendition = await db.Set<PdfRendition>().FindAsync([sourceFileId], cancellationToken);
        if (rendition is null)
        {
            db.Add(new PdfRendition(sourceFileId, now));
            requested = true;
        }
        else if (rendition.Status == PdfRenditionStatus.Failed)
        {
            rendition.Retry(now);
            requested = true;
        }
    }

    /// <summary>
    /// Ready (with the PDF's id) whenever the PDF exists; otherwise unavailable when this server has no LibreOffice, else
    /// pending, failed, or not requested.
    /// </summary>
    public async Task<PdfView> StatusAsync(Guid sourceFileId, CancellationToken cancellationToken = default)
    {
        var rendition = await db.Set<PdfRendition>().AsNoTracking().FirstOrDefaultAsync(r => r.SourceFileId == sourceFileId, cancellationToken);
        if (rendition is { Status: PdfRenditionStatus.Ready, PdfFileId: { } pdf })
        {
            return PdfView.Ready(pdf);
        }

        if (!converter.IsAvailable)
        {
            return PdfView.Unavailable;
        }

        return rendition switch
        {
            null => PdfView.NotRequested,
            { Status: PdfRenditionStatus.Failed } => PdfView.Failed(FailedMessage, rendition.Error),
            _ => PdfView.Pending,
        };
    }

    /// <summary>The .docx a PDF view was made from; <c>null</c> when <paramref name="pdfFileId"/> is no PDF view.</summary>
    public async Task<Guid?> SourceOfAsync(Guid pdfFileId, CancellationToken cancellationToken = default) =>
        await db.Set<PdfRendition>().AsNoTracking().Where(r => r.PdfFileId == pdfFileId).Select(r => (Guid?)r.SourceFileId)
            .FirstOrDefaultAsync(cancellationToken);
}
