namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>A file attached to an incoming document: the scanned main document or another file.</summary>
public sealed class IncomingAttachment
{
    public const int FileNameMaxLength = 255;

    private IncomingAttachment()
    {
        Sha256 = null!;
        FileName = null!;
    }

    internal IncomingAttachment(Guid documentId, Guid fileId, string sha256, string fileName, bool isMain, Guid addedBy, DateTime addedAt, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        DocumentId = documentId;
        FileId = fileId;
        Sha256 = sha256;
        FileName = fileName;
        IsMain = isMain;
        AddedBy = addedBy;
        AddedAt = addedAt;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>The stored file (platform file store).</summary>
    public Guid FileId { get; private set; }

    /// <summary>The file's content hash, kept here to find documents registered twice with the same file.</summary>
    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    /// <summary>The main document (the scanned PDF); other files are attachments.</summary>
    public bool IsMain { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTime AddedAt { get; private set; }

    public int SortOrder { get; private set; }

    internal void SetMain(bool isMain) => IsMain = isMain;
}

/// <summary>The kinds of entries in an incoming document's processing history.</summary>
public static class IncomingEventKinds
{
    public const string Registered = "registered";
    public const string Edited = "edited";
    public const string Presented = "presented";
    public const string Forwarded = "forwarded";
    public const string Returned = "returned";
    public const string Opinion = "opinion";
    public const string Feedback = "feedback";
    public const string Finished = "finished";
    public const string Closed = "closed";
    public const string Revoked = "revoked";
    public const string Cancelled = "cancelled";
    public const string Granted = "granted";
    public const string ReplyStarted = "reply";
    public const string HandedOver = "handover";

    public static string Name(string kind) => kind switch
    {
        Registered => "Vào sổ",
        Edited => "Cập nhật",
        Presented => "Trình",
        Forwarded => "Chuyển xử lý",
        Returned => "Trả lại",
        Opinion => "Ý kiến",
        Feedback => "Ý kiến góp ý",
        Finished => "Hoàn thành",
        Closed => "Kết thúc",
        Revoked => "Thu hồi",
        Cancelled => "Hủy đăng ký",
        Granted => "Chia sẻ",
        ReplyStarted => "Trả lời",
        HandedOver => "Bàn giao",
        _ => kind,
    };
}

/// <summary>
/// One entry of a document's processing history (luồng xử lý, field 17 <c>TraceHeaderList</c>): who did what, when,
/// on behalf of whom, with their words. Opinions and consultation feedback are entries too, possibly with a file.
/// </summary>
public sealed class IncomingEvent
{
    public const int KindMaxLength = 30;
    public const int TextMaxLength = 4000;

    private IncomingEvent()
    {
        Kind = null!;
        ActorName = null!;
    }

    internal IncomingEvent(Guid documentId, DateTime at, Actor actor, string kind, Guid? assignmentId, string? text)
    {
        DocumentId = documentId;
        At = at;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        OnBehalfOfId = actor.OnBehalfOfId;
        OnBehalfOfName = actor.OnBehalfOfName;
        Kind = kind;
        AssignmentId = assignmentId;
        Text = text is { Length: > TextMaxLength } ? text[..TextMaxLength] : text;
    }

    public long Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public DateTime At { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Guid? OnBehalfOfId { get; private set; }

    public string? OnBehalfOfName { get; private set; }

    public string Kind { get; private set; }

    public Guid? AssignmentId { get; private set; }

    public string? Text { get; private set; }

    public Guid? FileId { get; private set; }

    internal void AttachFile(Guid? fileId) => FileId = fileId;
}

/// <summary>
/// One reason for someone to see a document: a participant (person), a recipient unit (its leaders) or an explicit
/// grant. Every list and every read of a document is filtered by these rows (plus the register's keepers, the agency's
/// trackers and delegates); anyone else is answered 404.
/// </summary>
public sealed class IncomingAccess
{
    private IncomingAccess()
    {
    }

    internal IncomingAccess(Guid documentId, Guid agencyId, Guid principalId, AccessReason reason)
    {
        DocumentId = documentId;
        AgencyId = agencyId;
        PrincipalId = principalId;
        Reason = reason;
    }

    public Guid DocumentId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>A person's id, or a unit's id for <see cref="AccessReason.RecipientUnit"/>.</summary>
    public Guid PrincipalId { get; private set; }

    public AccessReason Reason { get; private set; }
}

/// <summary>
/// A reply started from an incoming document (nút "Trả lời"): the outgoing draft that answers it. The outgoing module
/// fills <see cref="OutgoingId"/> and, once issued, <see cref="OutgoingCode"/>; the document shows "answered by".
/// </summary>
public sealed class IncomingReply
{
    public const int TitleMaxLength = 500;
    public const int CodeMaxLength = 50;

    private IncomingReply()
    {
        Title = null!;
        CreatedByName = null!;
    }

    public IncomingReply(Guid documentId, string title, Actor actor, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DocumentId = documentId;
        Title = title;
        CreatedById = actor.UserId;
        CreatedByName = actor.Name;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public string Title { get; private set; }

    public Guid CreatedById { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The outgoing draft/document, once the outgoing module has created it.</summary>
    public Guid? OutgoingId { get; private set; }

    /// <summary>"Số, ký hiệu" of the issued answer.</summary>
    public string? OutgoingCode { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public void LinkOutgoing(Guid outgoingId) => OutgoingId = outgoingId;

    public void MarkAnswered(string code, DateTime at)
    {
        OutgoingCode = code;
        AnsweredAt = at;
    }
}
