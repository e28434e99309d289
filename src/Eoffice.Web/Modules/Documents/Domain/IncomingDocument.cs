using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>
/// Who acts on an incoming document, as its rules see them: besides the handling tree's view
/// (<see cref="IHandlingParty"/>), whether they keep the document's register (its clerks) and whether they follow the
/// whole agency (its leaders).
/// </summary>
public interface IIncomingParty : IHandlingParty
{
    bool AgencyWideTracker { get; }

    bool Keeps(Guid registerId);
}

/// <summary>
/// Văn bản đến: the official record (registered by a clerk in a <see cref="Register"/> with the next arrival number of
/// the year, its <see cref="DocumentMetadata"/>, its files), its handling tree (presented to a leader, directed,
/// assigned and handled — <see cref="HandledRecord{TAssignment, TEntry, TAccess}"/>), and cancellation. Every action
/// has a <c>CanX</c> check returning the broken rule; the action throws it.
/// </summary>
public sealed class IncomingDocument : HandledRecord<IncomingAssignment, IncomingEvent, IncomingAccess>
{
    public const int ToPlacesMaxLength = 1000;
    public const int ReasonMaxLength = 500;
    public const int DossierMaxLength = 300;
    public const int PaperHandlingNoteMaxLength = 2000;
    public const int ExternalIdMaxLength = 100;

    private readonly List<IncomingAttachment> attachments = [];
    private readonly List<IncomingUnitReceipt> unitReceipts = [];

    private IncomingDocument()
    {
        Metadata = null!;
        SubjectFolded = null!;
        RegisteredByName = null!;
    }

    private IncomingDocument(Register register, int year, int arrivalNumber, DateTime arrivalAt, IncomingSource source, DocumentMetadata metadata,
        Actor clerk, DateTime now)
        : this()
    {
        if (register.Kind != RegisterKind.Incoming || !register.IsActive)
        {
            throw RuleException.Invalid("Sổ văn bản đến không tồn tại hoặc đã ngừng sử dụng.", "registerId");
        }

        Id = Guid.CreateVersion7();
        AgencyId = register.AgencyId;
        RegisterId = register.Id;
        Year = year;
        ArrivalNumber = arrivalNumber;
        ArrivalAt = arrivalAt;
        Source = source;
        RegisteredAt = now;
        RegisteredById = clerk.UserId;
        RegisteredByName = clerk.Name;
        Status = IncomingStatus.Registered;
        Apply(metadata);
    }

    /// <summary>
    /// Vào sổ: registers a received document with the arrival number the caller allocated in the same transaction.
    /// <paramref name="arrivalAt"/> is when it really arrived (earlier than now for a back-entry).
    /// </summary>
    public static IncomingDocument Register(Register register, int year, int arrivalNumber, DateTime arrivalAt, IncomingSource source,
        DocumentMetadata metadata, Actor clerk, DateTime now)
    {
        if (arrivalAt > now.AddMinutes(5))
        {
            throw RuleException.Invalid("Ngày đến không được sau thời điểm hiện tại.", "arrivalDate");
        }

        var document = new IncomingDocument(register, year, arrivalNumber, arrivalAt, source, metadata, clerk, now);
        document.AddAccess(clerk.UserId, AccessReason.Participant);
        document.Record(clerk, now, IncomingEventKinds.Registered, null,
            $"Vào sổ \"{register.Name}\", số đến {arrivalNumber}/{year} ({IncomingNames.Name(source)}).");
        return document;
    }

    public Guid RegisterId { get; private set; }

    /// <summary>The year of the arrival number (Vietnam calendar year of <see cref="ArrivalAt"/>).</summary>
    public int Year { get; private set; }

    /// <summary>Số đến (field 13 <c>ArrivalNumber</c>).</summary>
    public int ArrivalNumber { get; private set; }

    /// <summary>Ngày đến (field 12 <c>ArrivalDate</c>), UTC: when the document really arrived.</summary>
    public DateTime ArrivalAt { get; private set; }

    public IncomingSource Source { get; private set; }

    public IncomingStatus Status { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public Guid RegisteredById { get; private set; }

    public string RegisteredByName { get; private set; }

    /// <summary>The document's metadata as registered (the due date then follows the lead's deadline set by the direction).</summary>
    public DocumentMetadata Metadata { get; private set; }

    /// <summary>The issuing organ folded (lower case, no tone marks, đ → d) for the lists' filter.</summary>
    public string? IssuingOrganFolded { get; private set; }

    /// <summary>The subject folded (lower case, no tone marks, đ → d) for searching.</summary>
    public string SubjectFolded { get; private set; }

    /// <summary>Đơn vị hoặc người nhận (field 16 <c>ToPlaces</c>): kept from the assignments.</summary>
    public string? ToPlaces { get; private set; }

    /// <summary>Nhập bù: entered after being handled on paper while the system could not be used (regulation 001 Điều 13).</summary>
    public bool IsBackEntered { get; private set; }

    /// <summary>For a back-entry: the day the document was really handled on paper.</summary>
    public DateOnly? HandledOnPaperOn { get; private set; }

    /// <summary>For a back-entry: how it was handled on paper (direction, handler, result).</summary>
    public string? PaperHandlingNote { get; private set; }

    /// <summary>The identifier the sending system gave the document (edXML), for electronic documents.</summary>
    public string? ExternalId { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>The document came back to the register's clerks because the leader it was presented to returned it.</summary>
    public bool ReturnedToClerk { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public string? CancelledByName { get; private set; }

    /// <summary>Thu hồi: when the sender's recall was accepted (handling closed, the document kept for the record).</summary>
    public DateTime? RecalledAt { get; private set; }

    /// <summary>The sender's reason for the recall.</summary>
    public string? RecallReason { get; private set; }

    /// <summary>Hồ sơ công việc chosen when finishing (dossiers themselves come later): the title as chosen.</summary>
    public string? DossierTitle { get; private set; }

    public IReadOnlyList<IncomingAttachment> Attachments => attachments;

    /// <summary>Where units with their own clerk received it into their registers.</summary>
    public IReadOnlyList<IncomingUnitReceipt> UnitReceipts => unitReceipts;

    /// <summary>"Số, ký hiệu" as printed: <c>15/QĐ-UBND</c>.</summary>
    public string CodeText => Metadata.CodeText;

    protected override bool AsksForComments => Metadata.RequestsComments;

    // ---- checks ------------------------------------------------------------------------------------------------------

    protected override BrokenRule? CanHandle() =>
        Status == IncomingStatus.Cancelled ? BrokenRule.Conflict("Văn bản đã bị hủy đăng ký.") : null;

    /// <summary>Trình: a keeper of the register presents the document, once, while it is not handled or finished.</summary>
    public BrokenRule? CanPresent(IIncomingParty party) =>
        CanHandle()
        ?? (party.Keeps(RegisterId) ? null : BrokenRule.Forbidden("Chỉ văn thư giữ sổ văn bản mới trình được văn bản này."))
        ?? (Status == IncomingStatus.Finished ? BrokenRule.Conflict("Văn bản đã hoàn thành xử lý.") : null)
        ?? CanStart();

    /// <summary>The register's keepers: who may correct the registration or cancel it (and see its edit page).</summary>
    public BrokenRule? KeptBy(IIncomingParty party) =>
        party.Keeps(RegisterId) ? null : BrokenRule.Forbidden("Chỉ văn thư giữ sổ mới được sửa hoặc hủy đăng ký văn bản này.");

    /// <summary>Sửa thông tin, đính kèm tệp: the register's keepers, while the registration stands.</summary>
    public BrokenRule? CanEdit(IIncomingParty party) => CanHandle() ?? KeptBy(party);

    /// <summary>Hủy đăng ký: as <see cref="CanEdit"/>, and only while nobody has finished a part of the handling.</summary>
    public BrokenRule? CanCancel(IIncomingParty party) =>
        CanEdit(party)
        ?? (Assignments.Any(a => a.Status == AssignmentStatus.Done) ? BrokenRule.Conflict("Văn bản đã có người xử lý xong; không thể hủy đăng ký.") : null);

    /// <summary>Trả lời: whoever holds or held a part of the handling, the register's keepers and the agency's leaders.</summary>
    public BrokenRule? CanReply(IIncomingParty party) =>
        CanHandle()
        ?? (party.AgencyWideTracker || party.Keeps(RegisterId)
            || Assignments.Any(a => a.Status is not (AssignmentStatus.Revoked or AssignmentStatus.Returned) && party.ActorFor(a) is not null)
            ? null
            : BrokenRule.Forbidden("Bạn không xử lý văn bản này nên không soạn văn bản trả lời được."));

    /// <summary>Tiếp nhận vào sổ đơn vị: a unit's part waits for its clerk, and the party keeps the register it is to be received into.</summary>
    public BrokenRule? CanReceive(IIncomingParty party, Guid? assignmentId = null) =>
        CanHandle()
        ?? (WaitingForClerk(party, assignmentId) is not null
            ? null
            : Assignments.Any(a => (assignmentId is null || a.Id == assignmentId) && a.ReceivingRegisterId is { } r && party.Keeps(r))
                ? BrokenRule.Conflict("Văn bản đã được tiếp nhận vào sổ của đơn vị.")
                : BrokenRule.Forbidden("Chỉ văn thư giữ sổ văn bản đến của đơn vị nhận mới tiếp nhận được văn bản này."));

    /// <summary>Chia sẻ: the register's keepers and the agency's leaders.</summary>
    public BrokenRule? CanGrant(IIncomingParty party) =>
        CanHandle()
        ?? (party.AgencyWideTracker || party.Keeps(RegisterId) ? null : BrokenRule.Forbidden("Chỉ văn thư giữ sổ và lãnh đạo cơ quan mới chia sẻ được văn bản."));

    // ---- the record --------------------------------------------------------------------------------------------------

    public void UpdateMetadata(IIncomingParty clerk, DocumentMetadata metadata, DateTime now)
    {
        CanEdit(clerk).ThrowIfBroken();
        var urgencyChanged = metadata.Urgency != Metadata.Urgency;
        Apply(metadata);
        if (urgencyChanged)
        {
            foreach (var a in Assignments)
            {
                a.SetUrgency(Metadata.Urgency);
            }
        }

        Record(clerk.Self, now, IncomingEventKinds.Edited, null, "Cập nhật thông tin văn bản.");
    }

    /// <summary>Marks the document as entered after the fact, with the day and manner it was handled on paper.</summary>
    public void MarkBackEntered(DateOnly? handledOn, string? handlingNote)
    {
        IsBackEntered = true;
        HandledOnPaperOn = handledOn;
        PaperHandlingNote = handlingNote;
    }

    public void SetExternalId(string? externalId) => ExternalId = externalId;

    /// <summary>Attaches a file as it is registered (the first file is the main one unless another is named).</summary>
    public IncomingAttachment Attach(Guid fileId, string sha256, string fileName, bool isMain, Actor actor, DateTime now)
    {
        CanHandle().ThrowIfBroken();
        return AddAttachment(fileId, sha256, fileName, isMain, actor, now, attachments.Count == 0 ? 0 : attachments.Max(a => a.SortOrder) + 1);
    }

    /// <summary>
    /// Đính kèm thêm: a keeper of the register adds a file after registration (the scan that was missing, an annex);
    /// recorded in the history with the file.
    /// </summary>
    public IncomingAttachment AddFile(IIncomingParty clerk, Guid fileId, string sha256, string fileName, bool isMain, DateTime now)
    {
        CanEdit(clerk).ThrowIfBroken();
        var attachment = Attach(fileId, sha256, fileName, isMain, clerk.Self, now);
        Record(clerk.Self, now, IncomingEventKinds.Edited, null,
            $"Đính kèm thêm tệp \"{fileName}\"{(attachment.IsMain ? " (văn bản chính)" : "")}.").AttachFile(fileId);
        return attachment;
    }

    /// <summary>
    /// Thay văn bản chính: a keeper of the register replaces the main file (a scan that was wrong or unreadable). The new
    /// file takes the old one's place in the list; the old one leaves the list but stays in the history, in the entry
    /// that records the replacement, where whoever may see the document still opens it. Without a main file yet, the file
    /// is simply added as the main one.
    /// </summary>
    public IncomingAttachment ReplaceMainFile(IIncomingParty clerk, Guid fileId, string sha256, string fileName, DateTime now)
    {
        CanEdit(clerk).ThrowIfBroken();
        if (attachments.FirstOrDefault(a => a.IsMain) is not { } old)
        {
            return AddFile(clerk, fileId, sha256, fileName, isMain: true, now);
        }

        var attachment = AddAttachment(fileId, sha256, fileName, isMain: true, clerk.Self, now, old.SortOrder);
        attachments.Remove(old);
        Record(clerk.Self, now, IncomingEventKinds.Edited, null,
            $"Thay văn bản chính: tệp \"{old.FileName}\" được thay bằng \"{fileName}\"; tệp cũ được giữ lại tại đây.").AttachFile(old.FileId);
        return attachment;
    }

    /// <summary>Hủy đăng ký: the number stays taken with the reason; whatever was sent is taken back.</summary>
    public void Cancel(IIncomingParty clerk, string reason, DateTime now)
    {
        CanCancel(clerk).ThrowIfBroken();
        var actor = clerk.Self;
        var revoked = RevokeAll(actor, "Hủy đăng ký văn bản.", now);
        Status = IncomingStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason;
        CancelledByName = actor.DisplayName;
        Record(actor, now, IncomingEventKinds.Cancelled, null, $"Hủy đăng ký số đến {ArrivalNumber}/{Year}. Lý do: {reason}").Concerns(revoked);
    }

    /// <summary>
    /// Thu hồi: the sender recalled the document and a clerk accepted it. Every open assignment is taken back and
    /// handling closes as for a cancelled registration (the arrival number stays taken), the sender's reason kept; the
    /// document stays readable for the record. A second call changes nothing.
    /// </summary>
    public void Withdraw(Actor clerk, string reason, DateTime now)
    {
        if (RecalledAt is not null)
        {
            return;
        }

        var revoked = RevokeAll(clerk, "Cơ quan gửi thu hồi văn bản.", now);
        var text = $"Thu hồi theo yêu cầu của {Metadata.IssuingOrganName}. Lý do: {reason}";
        Status = IncomingStatus.Cancelled;
        CancelledAt = now;
        CancelReason = text.Length <= ReasonMaxLength ? text : text[..ReasonMaxLength];
        CancelledByName = clerk.DisplayName;
        RecalledAt = now;
        RecallReason = reason.Length <= PendingIncoming.RecallReasonMaxLength ? reason : reason[..PendingIncoming.RecallReasonMaxLength];
        Record(clerk, now, IncomingEventKinds.Cancelled, null, text).Concerns(revoked);
    }

    // ---- handling ----------------------------------------------------------------------------------------------------

    /// <summary>Trình: the clerk presents the registered document to a leader (or the chief of office first).</summary>
    public IncomingAssignment Present(IIncomingParty clerk, AssignmentTarget leader, string? note, DateTime now)
    {
        CanPresent(clerk).ThrowIfBroken();
        if (leader.UserId is null)
        {
            throw RuleException.Invalid("Văn bản được trình cho một lãnh đạo cụ thể.", "userId");
        }

        var assignment = Start(clerk.Self, leader with { Role = AssignmentRole.Direct }, note, now);
        ReturnedToClerk = false;
        return assignment;
    }

    /// <summary>Hoàn thành / Kết thúc: finishes the party's part and records the work dossier it is filed in, if chosen.</summary>
    public IncomingAssignment FinishAndFile(IHandlingParty party, Guid? assignmentId, string? result, string? dossierTitle, DateTime now,
        HandlingRules? rules = null, string? filedInto = null)
    {
        var into = filedInto ?? dossierTitle;
        var assignment = Finish(party, assignmentId, result, into is null ? null : $"Lưu hồ sơ: {into}", now, rules);
        if (dossierTitle is not null)
        {
            DossierTitle = dossierTitle;
        }

        return assignment;
    }

    /// <summary>
    /// Tiếp nhận vào sổ đơn vị (regulation 000 Điều 5.2.a): the clerk of a unit with its own register receives the document
    /// sent to the unit into that register, with the unit's arrival number the caller allocated in the same transaction;
    /// the unit's part then goes to the unit's leaders.
    /// </summary>
    public IncomingUnitReceipt ReceiveForUnit(IIncomingParty clerk, Guid? assignmentId, Register register, int year, int number, string? note, DateTime now)
    {
        CanReceive(clerk, assignmentId).ThrowIfBroken();
        var assignment = WaitingForClerk(clerk, assignmentId)!;
        if (assignment.ReceivingRegisterId != register.Id)
        {
            throw RuleException.Invalid("Văn bản được tiếp nhận vào sổ văn bản đến của đơn vị nhận.", "registerId");
        }

        var receipt = new IncomingUnitReceipt(Id, assignment, register.Id, year, number, clerk.Self, now);
        unitReceipts.Add(receipt);
        Receive(clerk.Self, assignment,
            JoinNote($"Vào sổ \"{register.Name}\" của {assignment.RecipientName}, số đến {number}/{year}; chuyển lãnh đạo đơn vị.", note)!, now);
        return receipt;
    }

    /// <summary>The unit's part waiting for this clerk (the one named, or the oldest).</summary>
    public IncomingAssignment? WaitingForClerk(IIncomingParty party, Guid? assignmentId = null) =>
        Assignments.Where(a => a.Status == AssignmentStatus.AwaitingReceipt && (assignmentId is null || a.Id == assignmentId)
                && a.ReceivingRegisterId is { } r && party.Keeps(r))
            .OrderBy(a => a.SentAt).FirstOrDefault();

    /// <summary>Chia sẻ: lets a person of the agency see the document.</summary>
    public void GrantTo(IIncomingParty party, Guid userId, string userName, DateTime now)
    {
        CanGrant(party).ThrowIfBroken();
        Grant(party.Self, userId, userName, now);
    }

    /// <summary>Trả lời: a reply (an outgoing draft) was started for this document.</summary>
    public void RecordReply(IIncomingParty party, string title, DateTime now)
    {
        CanReply(party).ThrowIfBroken();
        Record(party.Self, now, IncomingEventKinds.ReplyStarted, null, $"Soạn văn bản trả lời: {title}");
    }

    // ---- the tree's owner ----------------------------------------------------------------------------------------------

    protected override IncomingAssignment CreateAssignment(Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now) =>
        new(this, parent, sender, target, instruction, now);

    protected override IncomingEvent CreateEntry(DateTime at, Actor actor, string kind, Guid? assignmentId, string? text) =>
        new(this, at, actor, kind, assignmentId, text);

    protected override IncomingAccess CreateAccess(Guid principalId, AccessReason reason) => new(this, principalId, reason);

    /// <summary>The lead's deadline set by a leader's direction (or the clerk's presentation line) becomes the document's.</summary>
    protected override void OnForwarded(IncomingAssignment from, IReadOnlyList<IncomingAssignment> created)
    {
        var lead = created.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
        if (lead?.DueDate is { } leadDue && (from.ParentId is null || from.Role == AssignmentRole.Direct))
        {
            Metadata = Metadata with { DueDate = leadDue };
        }
    }

    protected override void OnRootReturned() => ReturnedToClerk = true;

    protected override void OnTreeChanged(DateTime now)
    {
        RefreshToPlaces();
        if (Status == IncomingStatus.Cancelled)
        {
            return;
        }

        switch (Progress())
        {
            case HandlingProgress.InProgress:
                Status = IncomingStatus.InProgress;
                FinishedAt = null;
                break;
            case HandlingProgress.Finished:
                if (Status != IncomingStatus.Finished)
                {
                    FinishedAt = now;
                }

                Status = IncomingStatus.Finished;
                break;
            default:
                Status = IncomingStatus.Registered;
                FinishedAt = null;
                break;
        }

        Touch();
    }

    private IncomingAttachment AddAttachment(Guid fileId, string sha256, string fileName, bool isMain, Actor actor, DateTime now, int sortOrder)
    {
        if (attachments.Any(a => a.FileId == fileId))
        {
            throw RuleException.Conflict("Tệp này đã được đính kèm.");
        }

        if (isMain)
        {
            foreach (var a in attachments)
            {
                a.SetMain(false);
            }
        }

        var attachment = new IncomingAttachment(Id, fileId, sha256, fileName, isMain || attachments.Count == 0, actor.UserId, now, sortOrder);
        attachments.Add(attachment);
        Touch();
        return attachment;
    }

    private void Apply(DocumentMetadata metadata)
    {
        // An edit that leaves the due date blank keeps the one the direction set.
        Metadata = metadata.DueDate is null && Metadata is { DueDate: { } current } ? metadata with { DueDate = current } : metadata;
        IssuingOrganFolded = VietnameseText.Fold(Metadata.IssuingOrganName);
        SubjectFolded = VietnameseText.Fold(Metadata.Subject);
        Touch();
    }

    private void RefreshToPlaces()
    {
        // Who handles it, not who routed it: leaders it was passed to for direction are not listed.
        var names = Assignments.Where(a => a.Role != AssignmentRole.Direct && a.Status != AssignmentStatus.Revoked && a.Status != AssignmentStatus.Returned)
            .OrderBy(a => a.Role).ThenBy(a => a.SentAt)
            .Select(a => a.RecipientName).Distinct().ToList();
        var text = string.Join(", ", names);
        ToPlaces = text.Length == 0 ? null : text.Length > ToPlacesMaxLength ? text[..(ToPlacesMaxLength - 1)] + "…" : text;
    }
}
