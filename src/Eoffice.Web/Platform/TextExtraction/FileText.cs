using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>
/// The text of one stored file, extracted in the background: one row per file, which a worker claims with a lease
/// (<see cref="Jobs.LeasedWorkQueue{TRow, TState}"/>), reads (text layer, Office XML, or OCR), and ends in a final
/// state — ready, failed, OCR unavailable or unsupported — publishing <see cref="FileTextEvents.Extracted"/>.
/// </summary>
public sealed class FileText
{
    /// <summary>Attempts before an extraction that keeps failing for an unexpected reason is given up.</summary>
    public const int MaxAttempts = 3;

    public const int MessageMaxLength = 2000;

    /// <summary>Most characters of text kept (about 2 MB of UTF-8 Vietnamese: 500 dense pages fit; beyond, the text is cut).</summary>
    public const int TextMaxLength = 1_000_000;

    private FileText()
    {
    }

    internal FileText(Guid fileId, DateTime now)
    {
        FileId = fileId;
        RequestedAt = now;
        DueAt = now;
        State = FileTextState.Pending;
    }

    public Guid FileId { get; private set; }

    public FileTextState State { get; private set; }

    /// <summary>How the text was read: pdf-text, ocr, docx, xlsx, text.</summary>
    public string? Method { get; private set; }

    /// <summary>Pages of the file (PDF, images), once known.</summary>
    public int? Pages { get; private set; }

    public int PagesDone { get; private set; }

    /// <summary>The searchable PDF OCR made (a new file of the store; the original is never altered).</summary>
    public Guid? SearchablePdfFileId { get; private set; }

    /// <summary>Vietnamese, for the clerk: why it failed, or what was left out (pages beyond the limit).</summary>
    public string? Message { get; private set; }

    /// <summary>The text, NFC, at most <see cref="TextMaxLength"/> characters; <c>null</c> until ready.</summary>
    public string? Text { get; private set; }

    public int Attempts { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    /// <summary>Earliest time of the next attempt.</summary>
    public DateTime DueAt { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>States in which nothing more happens until someone asks again.</summary>
    public bool IsFinal => State is FileTextState.Ready or FileTextState.Failed or FileTextState.OcrUnavailable or FileTextState.Unsupported;

    internal FileTextView ToView() => new(FileId, State, Method, Pages, PagesDone, SearchablePdfFileId, Message);

    /// <summary>Asked for again after a failure (or once OCR may have been installed): a fresh set of attempts.</summary>
    internal void Retry(DateTime now)
    {
        State = FileTextState.Pending;
        Attempts = 0;
        DueAt = now;
        RequestedAt = now;
        FinishedAt = null;
        Message = null;
        PagesDone = 0;
        LockedBy = null;
        LockedUntil = null;
    }

    internal void Finish(FileTextState state, FileTextOutcome outcome, DateTime now)
    {
        State = state;
        Method = outcome.Method;
        Pages = outcome.Pages ?? Pages;
        PagesDone = outcome.PagesDone ?? Pages ?? 0;
        SearchablePdfFileId = outcome.SearchablePdfFileId;
        Message = Bound(outcome.Message, MessageMaxLength);
        Text = Bound(outcome.Text, TextMaxLength);
        FinishedAt = now;
        LockedBy = null;
        LockedUntil = null;
    }

    private static string? Bound(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>What an extraction found, or why it ended.</summary>
internal sealed record FileTextOutcome(
    string? Method,
    string? Text = null,
    string? Message = null,
    int? Pages = null,
    int? PagesDone = null,
    Guid? SearchablePdfFileId = null);

internal sealed class FileTextConfiguration : IEntityTypeConfiguration<FileText>
{
    public void Configure(EntityTypeBuilder<FileText> builder)
    {
        builder.ToTable("platform_file_texts");
        builder.HasKey(t => t.FileId);
        builder.Property(t => t.FileId).ValueGeneratedNever();
        builder.Property(t => t.Method).HasMaxLength(20);
        builder.Property(t => t.Message).HasMaxLength(FileText.MessageMaxLength);
        builder.Property(t => t.LockedBy).HasMaxLength(100);
        builder.Ignore(t => t.IsFinal);
        // The claim query: pending and due, oldest first; and the way back from a searchable PDF to its source.
        builder.HasIndex(t => new { t.State, t.DueAt });
        builder.HasIndex(t => t.SearchablePdfFileId).IsUnique();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(t => t.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(t => t.SearchablePdfFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
