using System.Text.Json.Serialization;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>Where an outgoing document stands.</summary>
public enum OutgoingStatus
{
    /// <summary>Dự thảo: with its drafter (new, or returned for revision).</summary>
    Drafting = 0,

    /// <summary>Đang trình duyệt: a step of the chain holds it.</summary>
    InReview = 1,

    /// <summary>Chờ phát hành: signed; the register's clerks check the format, number and issue it.</summary>
    ToIssue = 2,

    /// <summary>Đã phát hành.</summary>
    Issued = 3,

    /// <summary>Đã thu hồi: issued, then recalled (frozen with its metadata, Phụ lục VI III.8.a).</summary>
    Recalled = 4,

    /// <summary>Đã hủy: the drafter abandoned the draft before it was issued.</summary>
    Cancelled = 5,
}

/// <summary>Who an outgoing document is addressed to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecipientKind>))]
public enum RecipientKind
{
    /// <summary>A unit of the issuing agency.</summary>
    Unit = 0,

    /// <summary>A person of the issuing agency.</summary>
    Person = 1,

    /// <summary>Another agency, from the organ directory (with its electronic identifier when known).</summary>
    Organ = 2,
}

/// <summary>How an issued document travels to a recipient.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryChannel>))]
public enum DeliveryChannel
{
    /// <summary>Inside eOffice: the recipient's incoming list.</summary>
    Internal = 0,

    /// <summary>Trục liên thông văn bản (edXML; the exchange itself is a later issue).</summary>
    Exchange = 1,

    /// <summary>Thư điện tử công vụ.</summary>
    Email = 2,

    /// <summary>Gửi bưu điện (paper).</summary>
    Post = 3,
}

/// <summary>Where sending to one recipient stands.</summary>
public enum DeliveryState
{
    /// <summary>Chưa gửi.</summary>
    NotSent = 0,

    /// <summary>Đã gửi (handed to the channel).</summary>
    Sent = 1,

    /// <summary>Đã nhận: the recipient's system or clerk took it in.</summary>
    Received = 2,

    /// <summary>Gửi lỗi.</summary>
    Failed = 3,

    /// <summary>Thu hồi: the document was recalled and the recipient told.</summary>
    Recalled = 4,
}

/// <summary>One recipient as the drafter names it (and as a version remembers it).</summary>
public sealed record RecipientSpec(RecipientKind Kind, Guid? UnitId, Guid? UserId, string? OrganCode, string Name, DeliveryChannel Channel);

/// <summary>
/// What the drafter writes and any reviewer may change directly: the metadata (Phụ lục VI Phần II.I) and the outgoing
/// fields besides it. Every change is a new <see cref="OutgoingVersion"/> carrying a copy of it.
/// </summary>
public sealed record OutgoingContent(
    DocumentMetadata Metadata,
    SigningAuthority Authority,
    Guid? SignerId,
    int Copies,
    bool IsNormative,
    IReadOnlyList<string> RecipientLines,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<RecipientSpec> Recipients)
{
    public const int MaxCopies = 999;
    public const int LineMaxLength = 300;
    public const int MaxLines = 60;
    public const int MaxRecipients = 300;
}

/// <summary>A file of a version: the editable main document (.docx) or an annex.</summary>
public sealed record VersionFile(Guid FileId, string FileName);

/// <summary>
/// One version of an outgoing document (phiên bản): who made it, when and why, a copy of the content, the main file and
/// the annexes, and the official layout generated from them. Versions are never changed; any can be opened.
/// </summary>
public sealed class OutgoingVersion
{
    public const int ReasonMaxLength = 500;

    private OutgoingVersion()
    {
        ByName = null!;
        ContentJson = null!;
        Annexes = [];
    }

    internal OutgoingVersion(Guid documentId, int number, Actor by, string? reason, string contentJson, VersionFile? main, IReadOnlyList<VersionFile> annexes,
        DateTime now)
    {
        Id = Guid.CreateVersion7();
        DocumentId = documentId;
        Number = number;
        At = now;
        ById = by.UserId;
        ByName = by.DisplayName;
        Reason = reason;
        ContentJson = contentJson;
        MainFileId = main?.FileId;
        MainFileName = main?.FileName;
        Annexes = [.. annexes];
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public DateTime At { get; private set; }

    public Guid ById { get; private set; }

    public string ByName { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The content as it was (<see cref="OutgoingContent"/> as JSON).</summary>
    public string ContentJson { get; private set; }

    public Guid? MainFileId { get; private set; }

    public string? MainFileName { get; private set; }

    public List<VersionFile> Annexes { get; private set; }

    /// <summary>The official layout (.docx) generated from this version, once generated.</summary>
    public Guid? LayoutFileId { get; private set; }

    public void SetLayout(Guid fileId) => LayoutFileId = fileId;
}

/// <summary>One recipient of an outgoing document, with how it is sent and where sending stands.</summary>
public sealed class OutgoingRecipient
{
    public const int NameMaxLength = 300;
    public const int NoteMaxLength = 500;

    private OutgoingRecipient()
    {
        Name = null!;
    }

    internal OutgoingRecipient(Guid documentId, RecipientSpec spec, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        DocumentId = documentId;
        Kind = spec.Kind;
        UnitId = spec.UnitId;
        UserId = spec.UserId;
        OrganCode = spec.OrganCode;
        Name = spec.Name;
        Channel = spec.Channel;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public RecipientKind Kind { get; private set; }

    public Guid? UnitId { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The other agency's electronic identifier (mã định danh), when known.</summary>
    public string? OrganCode { get; private set; }

    public string Name { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    public DeliveryState State { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>For an internal recipient: the incoming document it became (or the arrival waiting for a clerk).</summary>
    public Guid? DeliveredAsId { get; private set; }

    public string? Note { get; private set; }

    public int SortOrder { get; private set; }

    public RecipientSpec Spec => new(Kind, UnitId, UserId, OrganCode, Name, Channel);

    internal void MarkSent(DeliveryState state, Guid? deliveredAsId, string? note, DateTime now)
    {
        State = state;
        SentAt ??= now;
        DeliveredAsId = deliveredAsId ?? DeliveredAsId;
        Note = note ?? Note;
    }
}

/// <summary>
/// One hop of an outgoing document: a step of its approval chain (<see cref="StepNumber"/>, a root of the tree) or a
/// request for comments below it (góp ý).
/// </summary>
public sealed class OutgoingAssignment : Assignment
{
    private OutgoingAssignment()
    {
    }

    internal OutgoingAssignment(OutgoingDocument document, Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now)
        : base(document.Id, document.AgencyId, parent, sender, target, instruction, now)
    {
        Urgency = document.Metadata.Urgency;
        StepNumber = parent is null ? document.CurrentStep : null;
    }

    public Urgency Urgency { get; private set; }

    /// <summary>The chain step this hop holds; <c>null</c> for a consultation below a step.</summary>
    public int? StepNumber { get; private set; }
}

/// <summary>The kinds of entries only an outgoing document's history has, besides <see cref="HandlingEventKinds"/>.</summary>
public static class OutgoingEventKinds
{
    public const string Created = "created";
    public const string Revised = "revised";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Signed = "signed";
    public const string Issued = "issued";
    public const string Sent = "sent";
    public const string Withdrawn = "withdrawn";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> Own { get; } = [Created, Revised, Submitted, Approved, Signed, Issued, Sent, Withdrawn, Cancelled];

    public static string Name(string kind) => kind switch
    {
        Created => "Tạo dự thảo",
        Revised => "Sửa dự thảo",
        Submitted => "Trình",
        Approved => "Duyệt",
        Signed => "Ký ban hành",
        Issued => "Phát hành",
        Sent => "Gửi",
        Withdrawn => "Thu hồi văn bản",
        Cancelled => "Hủy dự thảo",
        HandlingEventKinds.Forwarded => "Xin ý kiến góp ý",
        HandlingEventKinds.Revoked => "Thu hồi",
        _ => HandlingEventKinds.Name(kind) ?? kind,
    };
}

/// <summary>One entry of an outgoing document's history, published as <c>documents.outgoing.{kind}</c>.</summary>
public sealed class OutgoingEvent : TimelineEntry
{
    private OutgoingEvent()
    {
    }

    internal OutgoingEvent(OutgoingDocument document, DateTime at, Actor actor, string kind, Guid? assignmentId, string? text)
        : base(document.Id, document.AgencyId, at, actor, kind, assignmentId, text)
    {
    }

    protected override string EventPrefix => OutgoingDocumentEvents.Prefix;
}

/// <summary>One row of an outgoing document's access list.</summary>
public sealed class OutgoingAccess : AccessEntry
{
    private OutgoingAccess()
    {
    }

    internal OutgoingAccess(OutgoingDocument document, Guid principalId, AccessReason reason)
        : base(document.Id, document.AgencyId, principalId, reason)
    {
    }
}

/// <summary>A rectangle on a page of a PDF, in points from the page's bottom-left corner (page index from 0).</summary>
public sealed record SignatureBox(int PageIndex, double X, double Y, double Width, double Height)
{
    public string Format() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PageIndex} {X:0.##} {Y:0.##} {Width:0.##} {Height:0.##}");

    public static SignatureBox? Parse(string? text)
    {
        var parts = text?.Split(' ') ?? [];
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return parts.Length == 5 && int.TryParse(parts[0], c, out var page)
            && double.TryParse(parts[1], c, out var x) && double.TryParse(parts[2], c, out var y)
            && double.TryParse(parts[3], c, out var w) && double.TryParse(parts[4], c, out var h)
                ? new SignatureBox(page, x, y, w, h)
                : null;
    }
}
