namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// An agency's own layout template (mẫu trình bày văn bản đi) in place of the built-in one, for one document type or,
/// with <see cref="AllTypes"/>, for every type that has none of its own. The .docx lives in the file store.
/// </summary>
public sealed class OutgoingTemplate
{
    /// <summary>The type code of a template that serves every type without a template of its own.</summary>
    public const string AllTypes = "*";

    public const int TypeCodeMaxLength = 20;
    public const int FileNameMaxLength = 255;
    public const int NameMaxLength = 200;

    private OutgoingTemplate()
    {
        TypeCode = FileName = UploadedByName = string.Empty;
    }

    internal OutgoingTemplate(Guid agencyId, string typeCode, Guid fileId, string fileName, Guid uploadedBy, string uploadedByName, DateTime uploadedAt)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        TypeCode = typeCode;
        FileId = fileId;
        FileName = fileName;
        UploadedBy = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>A <c>Contracts.DocumentTypes</c> code, or <see cref="AllTypes"/>.</summary>
    public string TypeCode { get; private set; }

    /// <summary>The .docx in the file store.</summary>
    public Guid FileId { get; private set; }

    /// <summary>The name the administrator's file had, offered again on download.</summary>
    public string FileName { get; private set; }

    public Guid UploadedBy { get; private set; }

    public string UploadedByName { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>A newer file takes this one's place.</summary>
    internal void Replace(Guid fileId, string fileName, Guid uploadedBy, string uploadedByName, DateTime uploadedAt)
    {
        FileId = fileId;
        FileName = fileName;
        UploadedBy = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAt = uploadedAt;
    }
}
