namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>Where the text of a stored file stands.</summary>
public enum FileTextState
{
    /// <summary>Nobody asked for the text of this file yet.</summary>
    NotRequested = 0,

    /// <summary>Waiting for a worker, or being extracted (see <see cref="FileTextView.PagesDone"/>).</summary>
    Pending = 1,

    /// <summary>The text is extracted (it may be empty: a blank page).</summary>
    Ready = 2,

    /// <summary>Every attempt failed or the time limit passed (corrupt, encrypted, too long): <see cref="FileTextView.Message"/> says why.</summary>
    Failed = 3,

    /// <summary>The file is a scan and this server has no OCR (tesseract or poppler's pdftoppm / pdfseparate / pdfunite are not installed).</summary>
    OcrUnavailable = 4,

    /// <summary>A type whose text is not read (an archive, a video…).</summary>
    Unsupported = 5,
}

/// <summary>
/// The text of one file for a page or a consumer: its state, how it was read (<c>pdf-text</c>, <c>ocr</c>, <c>docx</c>,
/// <c>xlsx</c>, <c>text</c>), progress through the pages, the searchable PDF made by OCR (kept beside the original,
/// which is never altered) and a Vietnamese message for the clerk when it failed or cannot be done here.
/// </summary>
public sealed record FileTextView(
    Guid FileId,
    FileTextState State,
    string? Method,
    int? Pages,
    int PagesDone,
    Guid? SearchablePdfFileId,
    string? Message);

/// <summary>
/// Text extraction of stored files in background jobs: text PDFs, .docx and .xlsx in-process, scans (image-only PDFs,
/// images) through OCR. A module asks inside its own change (<see cref="RequestAsync"/>: the request commits or rolls
/// back with it), shows the status, and reads the text once ready. When a file's text is ready (or its
/// extraction ended in failure) the worker publishes <see cref="FileTextEvents.Extracted"/> through the outbox in the
/// same transaction, so consumers (search, the reading of incoming documents) hear about it exactly when it exists.
/// </summary>
public interface IFileTexts
{
    /// <summary>Asks for the text of <paramref name="fileId"/>, added to the caller's unit of work without saving; asking again changes nothing.</summary>
    Task RequestAsync(Guid fileId, CancellationToken cancellationToken = default);

    Task<FileTextView> StatusAsync(Guid fileId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FileTextView>> StatusAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken = default);

    /// <summary>The extracted text (NFC; legacy TCVN3/VNI text converted) of those of <paramref name="fileIds"/> that are ready.</summary>
    Task<IReadOnlyDictionary<Guid, string>> TextsAsync(IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken = default);
}

/// <summary>The outbox event a file's finished extraction publishes (ready or failed).</summary>
public sealed record FileTextExtracted(Guid FileId, FileTextState State);

public static class FileTextEvents
{
    public const string Extracted = "files.text-extracted";
}
