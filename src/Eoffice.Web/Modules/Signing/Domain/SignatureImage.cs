namespace Eoffice.Web.Modules.Signing.Domain;

/// <summary>
/// The visible image of a signature: a person's handwritten signature (blue, transparent PNG), or with no owner the
/// agency's seal (red, transparent PNG, drawn at its real size). One per person and one seal per agency; replacing it
/// keeps the file history in the store.
/// </summary>
public sealed class SignatureImage
{
    public const int FileNameMaxLength = 255;
    public const int NameMaxLength = 200;

    private SignatureImage()
    {
        FileName = UploadedByName = string.Empty;
    }

    internal SignatureImage(Guid agencyId, Guid? ownerId, Guid fileId, string fileName, int width, int height,
        Guid uploadedBy, string uploadedByName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        OwnerId = ownerId;
        Replace(fileId, fileName, width, height, uploadedBy, uploadedByName, now);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The person whose handwritten signature this is; null for the agency seal.</summary>
    public Guid? OwnerId { get; private set; }

    public Guid FileId { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Pixels.</summary>
    public int Width { get; private set; }

    public int Height { get; private set; }

    public Guid UploadedBy { get; private set; }

    public string UploadedByName { get; private set; }

    public DateTime UploadedAt { get; private set; }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(FileName), nameof(UploadedByName))]
    internal void Replace(Guid fileId, string fileName, int width, int height, Guid uploadedBy, string uploadedByName, DateTime now)
    {
        FileId = fileId;
        FileName = fileName;
        Width = width;
        Height = height;
        UploadedBy = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAt = now;
    }
}
