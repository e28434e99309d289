using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// An uploaded file (tệp đính kèm, tệp văn bản…) as the rest of eOffice knows it: a public id, the name the user gave
/// it, its sniffed type and size, who uploaded it and when, and the SHA-256 of its content in the blob store.
/// Several files may share one content (the same PDF attached twice is stored once). A row is only ever written
/// after its content is durable in the store.
/// </summary>
public sealed class StoredFile
{
    private StoredFile()
    {
        Sha256 = ContentType = FileName = string.Empty;
    }

    internal StoredFile(string sha256, long length, string contentType, string fileName, DateTime createdAt, Guid? createdBy)
    {
        Id = Guid.CreateVersion7();
        Sha256 = sha256;
        Length = length;
        ContentType = contentType;
        FileName = fileName;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    /// <summary>Public id, used in URLs and by modules that attach the file to a document, task or dossier.</summary>
    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex: the content's address in the blob store.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>The type determined from the content itself (never the client's claim), served on download.</summary>
    public string ContentType { get; private set; }

    /// <summary>File name as uploaded (NFC, no folders), offered again on download.</summary>
    public string FileName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The uploader; empty for files the system itself produced.</summary>
    public Guid? CreatedBy { get; private set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("platform_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.HasIndex(f => f.Sha256);
    }
}
