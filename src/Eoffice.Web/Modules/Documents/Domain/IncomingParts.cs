using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;

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

/// <summary>
/// One hop of an incoming document in its handling tree. Besides the shared <see cref="Assignment"/> it carries the
/// document's urgency, copied so that the inboxes sort urgent documents first without a join.
/// </summary>
public sealed class IncomingAssignment : Assignment
{
    private IncomingAssignment()
    {
    }

    internal IncomingAssignment(IncomingDocument document, Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now)
        : base(document.Id, document.AgencyId, parent, sender, target, instruction, now) =>
        Urgency = document.Metadata.Urgency;

    public Urgency Urgency { get; private set; }

    internal void SetUrgency(Urgency urgency) => Urgency = urgency;
}

/// <summary>The kinds of entries only an incoming document's history has, besides <see cref="HandlingEventKinds"/>.</summary>
public static class IncomingEventKinds
{
    public const string Registered = "registered";
    public const string Edited = "edited";
    public const string Cancelled = "cancelled";
    public const string ReplyStarted = "reply";

    public static IReadOnlyList<string> Own { get; } = [Registered, Edited, Cancelled, ReplyStarted];

    public static string Name(string kind) => HandlingEventKinds.Name(kind) ?? kind switch
    {
        Registered => "Vào sổ",
        Edited => "Cập nhật",
        Cancelled => "Hủy đăng ký",
        ReplyStarted => "Trả lời",
        _ => kind,
    };
}

/// <summary>One entry of an incoming document's history, published as <c>documents.incoming.{kind}</c> (see <see cref="IncomingDocumentEvents"/>).</summary>
public sealed class IncomingEvent : TimelineEntry
{
    private IncomingEvent()
    {
    }

    internal IncomingEvent(IncomingDocument document, DateTime at, Actor actor, string kind, Guid? assignmentId, string? text)
        : base(document.Id, document.AgencyId, at, actor, kind, assignmentId, text)
    {
    }

    protected override string EventPrefix => IncomingDocumentEvents.Prefix;
}

/// <summary>One row of an incoming document's access list.</summary>
public sealed class IncomingAccess : AccessEntry
{
    private IncomingAccess()
    {
    }

    internal IncomingAccess(IncomingDocument document, Guid principalId, AccessReason reason)
        : base(document.Id, document.AgencyId, principalId, reason)
    {
    }
}

/// <summary>
/// Vào sổ đơn vị: a unit that keeps its own register and clerk received the agency's document into that register with
/// the unit's next arrival number (regulation 000 Điều 5.2.a); the unit's register book lists it beside the documents
/// the unit registered itself.
/// </summary>
public sealed class IncomingUnitReceipt
{
    private IncomingUnitReceipt()
    {
        ReceivedByName = null!;
    }

    internal IncomingUnitReceipt(Guid documentId, Assignment assignment, Guid registerId, int year, int number, Actor clerk, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DocumentId = documentId;
        AssignmentId = assignment.Id;
        UnitId = assignment.RecipientUnitId!.Value;
        RegisterId = registerId;
        Year = year;
        Number = number;
        ReceivedAt = now;
        ReceivedById = clerk.UserId;
        ReceivedByName = clerk.Name;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>The unit's part of the handling that the clerk received.</summary>
    public Guid AssignmentId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid RegisterId { get; private set; }

    public int Year { get; private set; }

    /// <summary>Số đến of the unit's register.</summary>
    public int Number { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public Guid ReceivedById { get; private set; }

    public string ReceivedByName { get; private set; }
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
