using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>Where the PDF of a file stands.</summary>
public enum PdfRenditionStatus
{
    /// <summary>Waiting for a conversion (a first one, or a retry after a failure).</summary>
    Pending = 0,

    /// <summary>The PDF is in the file store.</summary>
    Ready = 1,

    /// <summary>Every attempt failed; a new request tries again.</summary>
    Failed = 2,
}

/// <summary>
/// The PDF view (bản xem PDF) of a stored .docx, made in the background by LibreOffice: one row per source file, which
/// the worker claims with a lease, converts, and marks ready with the PDF's file id, or retries with back-off until
/// <see cref="MaxAttempts"/> attempts failed. The PDF is readable by whoever may read the source.
/// </summary>
public sealed class PdfRendition
{
    /// <summary>Attempts before a rendition is given up (a document LibreOffice cannot open will not open the fourth time).</summary>
    public const int MaxAttempts = 3;

    public const int ErrorMaxLength = 2000;

    private PdfRendition()
    {
    }

    internal PdfRendition(Guid sourceFileId, DateTime now)
    {
        SourceFileId = sourceFileId;
        RequestedAt = now;
        AvailableAt = now;
        Status = PdfRenditionStatus.Pending;
    }

    /// <summary>The .docx whose PDF this is (the key: a stored file's content never changes).</summary>
    public Guid SourceFileId { get; private set; }

    public PdfRenditionStatus Status { get; private set; }

    /// <summary>The PDF in the file store, once ready.</summary>
    public Guid? PdfFileId { get; private set; }

    /// <summary>What went wrong at the last failed attempt, for administrators.</summary>
    public string? Error { get; private set; }

    /// <summary>Attempts started so far (counted when claimed, so that a conversion that crashes the node counts too).</summary>
    public int Attempts { get; private set; }

    public DateTime RequestedAt { get; private set; }

    /// <summary>Earliest time of the next attempt.</summary>
    public DateTime AvailableAt { get; private set; }

    /// <summary>When it became ready, or was given up.</summary>
    public DateTime? FinishedAt { get; private set; }

    /// <summary>The node converting it now.</summary>
    public string? LockedBy { get; private set; }

    /// <summary>End of that node's lease; after it another node may take the rendition over.</summary>
    public DateTime? LockedUntil { get; private set; }

    /// <summary>Asked for again after it was given up: a fresh set of attempts, from now.</summary>
    internal void Retry(DateTime now)
    {
        Status = PdfRenditionStatus.Pending;
        Attempts = 0;
        AvailableAt = now;
        FinishedAt = null;
        LockedBy = null;
        LockedUntil = null;
    }

    internal void Complete(Guid pdfFileId, DateTime now)
    {
        Status = PdfRenditionStatus.Ready;
        PdfFileId = pdfFileId;
        Error = null;
        FinishedAt = now;
        LockedBy = null;
        LockedUntil = null;
    }
}

internal sealed class PdfRenditionConfiguration : IEntityTypeConfiguration<PdfRendition>
{
    public void Configure(EntityTypeBuilder<PdfRendition> builder)
    {
        builder.ToTable("platform_pdf_renditions");
        builder.HasKey(r => r.SourceFileId);
        builder.Property(r => r.SourceFileId).ValueGeneratedNever();
        builder.Property(r => r.Error).HasMaxLength(PdfRendition.ErrorMaxLength);
        builder.Property(r => r.LockedBy).HasMaxLength(100);
        // The claim query: pending and due, oldest first; and the way back from a PDF to its source.
        builder.HasIndex(r => new { r.Status, r.AvailableAt });
        builder.HasIndex(r => r.PdfFileId).IsUnique();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.SourceFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.PdfFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
