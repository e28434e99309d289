using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>The metadata a clerk enters for an incoming document (Decree 30 Phụ lục VI Phần II.II), already validated.</summary>
public sealed record IncomingMetadata(
    string TypeCode,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly? IssuedDate,
    string? IssuingOrganId,
    string IssuingOrganName,
    string Subject,
    string Language,
    int? PageAmount,
    string? Description,
    string? SignerPosition,
    string? SignerFullName,
    Urgency Urgency,
    DateOnly? DueDate,
    bool RequestsComments,
    string? PaperAppendixNote,
    string? PaperAppendixHolder);

/// <summary>
/// Văn bản đến. Registered by a clerk in a <see cref="Register"/> with the next arrival number of the year, then
/// presented to a leader, directed, assigned and handled through a tree of <see cref="Assignment"/>s. Every action is a
/// method here that checks the current state and throws <see cref="RuleException"/> when the action is not
/// allowed now; each action appends to the document's history (<see cref="IncomingEvent"/>) and keeps the access list
/// (<see cref="IncomingAccess"/>) in step. <see cref="Version"/> is the concurrency token: two people acting on the same
/// document at once get one success and one conflict.
/// </summary>
public sealed class IncomingDocument
{
    public const int CodeNumberMaxLength = 11;
    public const int CodeNotationMaxLength = 30;
    public const int TypeNameMaxLength = 100;
    public const int OrganIdMaxLength = 35;
    public const int OrganNameMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int LanguageMaxLength = 30;
    public const int DescriptionMaxLength = 500;
    public const int SignerPositionMaxLength = 100;
    public const int SignerNameMaxLength = 50;
    public const int ToPlacesMaxLength = 1000;
    public const int MaxPageAmount = 999;
    public const int ReasonMaxLength = 500;
    public const int InstructionMaxLength = 2000;
    public const int PaperNoteMaxLength = 500;
    public const int PaperHolderMaxLength = 200;
    public const int DossierMaxLength = 300;

    private readonly List<Assignment> assignments = [];
    private readonly List<IncomingAttachment> attachments = [];
    private readonly List<IncomingEvent> events = [];
    private readonly List<IncomingAccess> access = [];

    private IncomingDocument()
    {
        TypeCode = null!;
        TypeName = null!;
        IssuingOrganName = null!;
        Subject = null!;
        SubjectFolded = null!;
        Language = null!;
        RegisteredByName = null!;
    }

    private IncomingDocument(Guid agencyId, Register register, int year, int arrivalNumber, DateTime arrivalAt, IncomingSource source,
        IncomingMetadata metadata, Actor clerk, DateTime now)
        : this()
    {
        if (register.Kind != RegisterKind.Incoming || !register.IsActive)
        {
            throw RuleException.Invalid("Sổ văn bản đến không tồn tại hoặc đã ngừng sử dụng.", "registerId");
        }

        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
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
    public static IncomingDocument Register(Guid agencyId, Register register, int year, int arrivalNumber, DateTime arrivalAt,
        IncomingSource source, IncomingMetadata metadata, Actor clerk, DateTime now)
    {
        if (arrivalAt > now.AddMinutes(5))
        {
            throw RuleException.Invalid("Ngày đến không được sau thời điểm hiện tại.", "arrivalDate");
        }

        var document = new IncomingDocument(agencyId, register, year, arrivalNumber, arrivalAt, source, metadata, clerk, now);
        document.AddAccess(clerk.UserId, AccessReason.Participant);
        document.Record(clerk, now, IncomingEventKinds.Registered, null,
            $"Vào sổ \"{register.Name}\", số đến {arrivalNumber}/{year} ({IncomingNames.Name(source)}).");
        return document;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

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

    /// <summary>Code of the <see cref="DocumentTypes"/> entry.</summary>
    public string TypeCode { get; private set; }

    /// <summary>Tên loại (field 3 <c>TypeName</c>).</summary>
    public string TypeName { get; private set; }

    /// <summary>Số (field 4 <c>CodeNumber</c>): text, it may carry a leading zero.</summary>
    public string? CodeNumber { get; private set; }

    /// <summary>Ký hiệu (field 5 <c>CodeNotation</c>).</summary>
    public string? CodeNotation { get; private set; }

    /// <summary>Ngày văn bản (field 6 <c>IssuedDate</c>).</summary>
    public DateOnly? IssuedDate { get; private set; }

    /// <summary>The issuing organ's electronic identifier when known (from the agency directory or the exchange package).</summary>
    public string? IssuingOrganId { get; private set; }

    /// <summary>Tên cơ quan ban hành (field 7 <c>OrganName</c>).</summary>
    public string IssuingOrganName { get; private set; }

    /// <summary><see cref="IssuingOrganName"/> folded (lower case, no tone marks, đ → d) for the lists' filter.</summary>
    public string? IssuingOrganFolded { get; private set; }

    /// <summary>Trích yếu (field 8 <c>Subject</c>).</summary>
    public string Subject { get; private set; }

    /// <summary><see cref="Subject"/> folded (lower case, no tone marks, đ → d) for searching.</summary>
    public string SubjectFolded { get; private set; }

    /// <summary>Ngôn ngữ (field 9).</summary>
    public string Language { get; private set; }

    /// <summary>Số trang (field 10).</summary>
    public int? PageAmount { get; private set; }

    /// <summary>Ghi chú (field 11).</summary>
    public string? Description { get; private set; }

    /// <summary>Chức vụ người ký (field 14.1).</summary>
    public string? SignerPosition { get; private set; }

    /// <summary>Họ tên người ký (field 14.2).</summary>
    public string? SignerFullName { get; private set; }

    /// <summary>Độ khẩn (field 15 <c>Priority</c>).</summary>
    public Urgency Urgency { get; private set; }

    /// <summary>Đơn vị hoặc người nhận (field 16 <c>ToPlaces</c>): kept from the assignments.</summary>
    public string? ToPlaces { get; private set; }

    /// <summary>Thời hạn giải quyết (field 18 <c>DueDate</c>): from the document, then the lead's deadline set by the direction.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>Văn bản xin ý kiến / góp ý: recipients answer with consultation feedback.</summary>
    public bool RequestsComments { get; private set; }

    /// <summary>Bulky appendices that came on paper only and were not scanned (regulation 001 Điều 10.2, 003 Điều 5.5).</summary>
    public string? PaperAppendixNote { get; private set; }

    /// <summary>Who holds those paper appendices.</summary>
    public string? PaperAppendixHolder { get; private set; }

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

    /// <summary>Hồ sơ công việc chosen when finishing (dossiers themselves come later): the title as chosen.</summary>
    public string? DossierTitle { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Assignment> Assignments => assignments;

    public IReadOnlyList<IncomingAttachment> Attachments => attachments;

    public IReadOnlyList<IncomingEvent> Events => events;

    public IReadOnlyList<IncomingAccess> Access => access;

    public string ArrivalNumberText => ArrivalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Số, ký hiệu" as printed: <c>15/QĐ-UBND</c>.</summary>
    public string CodeText => (CodeNumber, CodeNotation) switch
    {
        (null, null) => "",
        (null, var n) => n!,
        (var c, null) => c!,
        var (c, n) => $"{c}/{n}",
    };

    public void UpdateMetadata(IncomingMetadata metadata, Actor clerk, DateTime now)
    {
        EnsureNotCancelled();
        var urgencyChanged = metadata.Urgency != Urgency;
        Apply(metadata);
        if (urgencyChanged)
        {
            foreach (var a in assignments)
            {
                a.SetUrgency(Urgency);
            }
        }

        Record(clerk, now, IncomingEventKinds.Edited, null, "Cập nhật thông tin văn bản.");
    }

    /// <summary>Marks the document as entered after the fact, with the day and manner it was handled on paper.</summary>
    public void MarkBackEntered(DateOnly? handledOn, string? handlingNote)
    {
        IsBackEntered = true;
        HandledOnPaperOn = handledOn;
        PaperHandlingNote = handlingNote;
    }

    public void SetExternalId(string? externalId) => ExternalId = externalId;

    public IncomingAttachment Attach(Guid fileId, string sha256, string fileName, bool isMain, Actor actor, DateTime now)
    {
        EnsureNotCancelled();
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

        var attachment = new IncomingAttachment(Id, fileId, sha256, fileName, isMain || attachments.Count == 0, actor.UserId, now, attachments.Count);
        attachments.Add(attachment);
        Touch();
        return attachment;
    }

    // ---- handling -------------------------------------------------------------------------------------------------

    /// <summary>Trình: the clerk presents the registered document to a leader (or the chief of office first).</summary>
    public Assignment Present(Actor clerk, AssignmentTarget leader, string? note, DateTime now)
    {
        EnsureNotCancelled();
        if (Status == IncomingStatus.Finished)
        {
            throw RuleException.Conflict("Văn bản đã hoàn thành xử lý.");
        }

        if (leader.UserId is null)
        {
            throw RuleException.Invalid("Văn bản được trình cho một lãnh đạo cụ thể.", "recipients");
        }

        if (assignments.Any(a => a.ParentId is null && a.Status.IsActive()))
        {
            throw RuleException.Conflict("Văn bản đã được trình và đang được xử lý.");
        }

        var assignment = NewAssignment(null, clerk, leader with { Role = AssignmentRole.Direct }, note, now);
        ReturnedToClerk = false;
        Record(clerk, now, IncomingEventKinds.Presented, assignment.Id, JoinNote($"Trình {leader.Name}.", note));
        RefreshStatus(now);
        return assignment;
    }

    /// <summary>
    /// Chuyển / phân công: the holder of <paramref name="from"/> writes a direction (bút phê) and sends the document to
    /// people or units, each in a role with its own deadline. The holder's assignment becomes "đang xử lý".
    /// At most one lead (chủ trì) may be active under one assignment.
    /// </summary>
    public IReadOnlyList<Assignment> Forward(Actor sender, Assignment from, IReadOnlyList<AssignmentTarget> targets, string? instruction, DateTime now)
    {
        EnsureNotCancelled();
        EnsureMine(from);
        if (!from.Status.IsActive())
        {
            throw RuleException.Conflict("Bạn đã xử lý xong văn bản này; không thể chuyển tiếp.");
        }

        if (from.Role == AssignmentRole.ForInformation)
        {
            throw RuleException.Invalid("Văn bản nhận để biết không chuyển xử lý tiếp được; hãy chọn \"Kết thúc\".");
        }

        if (targets.Count == 0)
        {
            throw RuleException.Invalid("Vui lòng chọn người hoặc đơn vị nhận.", "recipients");
        }

        // What the request itself gets wrong is a 400; what clashes with the document as it stands now (someone — perhaps
        // another leader of the same unit a moment ago — already sent it to this recipient or to a lead) is a 409.
        if (targets.Count(t => t.Role == AssignmentRole.Lead) > 1)
        {
            throw RuleException.Invalid("Chỉ chọn một đơn vị hoặc một người chủ trì xử lý.", "recipients");
        }

        var duplicates = targets.GroupBy(t => (t.UserId, t.UnitId)).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw RuleException.Invalid($"{duplicates[0].First().Name} được chọn hai lần.", "recipients");
        }

        foreach (var t in targets)
        {
            if (t.UserId is { } u && (u == from.RecipientUserId || u == sender.ResponsibleId))
            {
                throw RuleException.Invalid("Không thể chuyển văn bản cho chính mình.", "recipients");
            }

            if (t.DueDate is { } due && due < DateOnly.FromDateTime(now.AddHours(7)))
            {
                throw RuleException.Invalid($"Hạn xử lý của {t.Name} đã qua.", "recipients");
            }
        }

        var activeBelow = assignments.Where(a => a.ParentId == from.Id && a.Status.IsActive()).ToList();
        foreach (var t in targets)
        {
            if (activeBelow.Any(a => a.RecipientUserId == t.UserId && a.RecipientUnitId == t.UnitId))
            {
                throw RuleException.Conflict($"{t.Name} đang xử lý văn bản này theo chuyển của bạn.");
            }
        }

        if (targets.Any(t => t.Role == AssignmentRole.Lead) && activeBelow.FirstOrDefault(a => a.Role == AssignmentRole.Lead) is { } activeLead)
        {
            throw RuleException.Conflict(
                $"{activeLead.RecipientName} đang chủ trì xử lý văn bản này theo chuyển của bạn. Hãy thu hồi trước khi giao chủ trì cho người khác.");
        }

        var created = targets.Select(t => NewAssignment(from, sender, t, instruction, now)).ToList();
        from.MarkForwarded(sender, now);
        if (instruction is not null)
        {
            from.SetInstructionGiven(instruction);
        }

        var lead = created.FirstOrDefault(a => a.Role == AssignmentRole.Lead);
        if (lead?.DueDate is { } leadDue && (from.ParentId is null || from.Role == AssignmentRole.Direct))
        {
            DueDate = leadDue;
        }

        Record(sender, now, IncomingEventKinds.Forwarded, from.Id,
            JoinNote("Chuyển: " + string.Join("; ", created.Select(a => $"{a.RecipientName} ({IncomingNames.Name(a.Role)}{(a.DueDate is { } d ? ", hạn " + d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "")})")), instruction));
        RefreshToPlaces();
        RefreshStatus(now);
        return created;
    }

    /// <summary>Trả lại: the holder sends the document back to whoever sent it, with a reason (regulation 003 Điều 5.6).</summary>
    public void Return(Actor actor, Assignment assignment, string reason, DateTime now)
    {
        EnsureNotCancelled();
        EnsureMine(assignment);
        if (assignment.Status != AssignmentStatus.Open)
        {
            throw RuleException.Conflict("Chỉ trả lại được văn bản đang chờ bạn xử lý.");
        }

        assignment.Close(AssignmentStatus.Returned, actor, reason, now);
        ReopenParentIfIdle(assignment, now);
        if (assignment.ParentId is null)
        {
            ReturnedToClerk = true;
        }

        Record(actor, now, IncomingEventKinds.Returned, assignment.Id, $"Trả lại {assignment.SenderName}. Lý do: {reason}");
        RefreshToPlaces();
        RefreshStatus(now);
    }

    /// <summary>Thêm ý kiến xử lý: any participant adds an opinion to the history.</summary>
    public IncomingEvent AddOpinion(Actor actor, Assignment? assignment, string text, Guid? fileId, DateTime now)
    {
        EnsureNotCancelled();
        var e = Record(actor, now, IncomingEventKinds.Opinion, assignment?.Id, text);
        e.AttachFile(fileId);
        return e;
    }

    /// <summary>Chuyển ý kiến đóng góp: the answer to a document that asks for comments; it finishes the holder's part.</summary>
    public IncomingEvent GiveFeedback(Actor actor, Assignment assignment, string text, Guid? fileId, DateTime now)
    {
        EnsureNotCancelled();
        EnsureMine(assignment);
        if (!RequestsComments)
        {
            throw RuleException.Invalid("Văn bản này không phải văn bản xin ý kiến góp ý.");
        }

        if (!assignment.Status.IsActive())
        {
            throw RuleException.Conflict("Bạn đã xử lý xong văn bản này.");
        }

        var e = Record(actor, now, IncomingEventKinds.Feedback, assignment.Id, text);
        e.AttachFile(fileId);
        CloseTree(assignment, actor, "Đã chuyển ý kiến góp ý.", now);

        // The lead's feedback is the result the directions above it waited for, as when it finishes.
        if (assignment.Role == AssignmentRole.Lead)
        {
            CompleteWaitingAncestors(assignment, actor, now);
        }

        RefreshStatus(now);
        return e;
    }

    /// <summary>
    /// Hoàn thành / Kết thúc: the holder finishes their part, optionally filing the document in a work dossier. Finishing
    /// the lead completes the assignments above it that only waited for it.
    /// </summary>
    public void Finish(Actor actor, Assignment assignment, string? result, string? dossierTitle, DateTime now)
    {
        EnsureNotCancelled();
        EnsureMine(assignment);
        if (!assignment.Status.IsActive())
        {
            throw RuleException.Conflict("Bạn đã xử lý xong văn bản này.");
        }

        CloseTree(assignment, actor, result, now);
        if (dossierTitle is not null)
        {
            DossierTitle = dossierTitle;
        }

        Record(actor, now, assignment.Role == AssignmentRole.ForInformation ? IncomingEventKinds.Closed : IncomingEventKinds.Finished, assignment.Id,
            JoinNote(assignment.Role == AssignmentRole.ForInformation ? "Kết thúc (nhận để biết)." : "Hoàn thành xử lý.",
                JoinNote(result, dossierTitle is null ? null : $"Lưu hồ sơ: {dossierTitle}")));

        // The lead's result completes the chain of "chuyển xử lý" above it.
        if (assignment.Role == AssignmentRole.Lead)
        {
            CompleteWaitingAncestors(assignment, actor, now);
        }

        RefreshStatus(now);
    }

    /// <summary>Thu hồi: the sender takes back an assignment they sent (and whatever it was forwarded to).</summary>
    public void Revoke(Actor actor, Assignment assignment, string? reason, DateTime now)
    {
        EnsureNotCancelled();
        if (assignment.SenderId != actor.ResponsibleId && assignment.SenderId != actor.UserId)
        {
            throw RuleException.Forbidden("Chỉ người đã chuyển mới thu hồi được.");
        }

        if (!assignment.Status.IsActive())
        {
            throw RuleException.Conflict("Người nhận đã xử lý xong; không thể thu hồi.");
        }

        foreach (var a in SubtreeOf(assignment).Where(a => a.Status.IsActive()))
        {
            a.Close(AssignmentStatus.Revoked, actor, reason, now);
        }

        ReopenParentIfIdle(assignment, now);
        Record(actor, now, IncomingEventKinds.Revoked, assignment.Id, JoinNote($"Thu hồi văn bản đã chuyển cho {assignment.RecipientName}.", reason));
        RefreshToPlaces();
        RefreshStatus(now);
    }

    /// <summary>Marks the reader's open assignments as read (the first time they open the document).</summary>
    public bool MarkRead(Guid userId, IReadOnlySet<Guid> ledUnits, DateTime now)
    {
        var changed = false;
        foreach (var a in assignments.Where(a => a.Status.IsActive() && a.ReadAt is null
            && (a.RecipientUserId == userId || (a.RecipientUnitId is { } u && ledUnits.Contains(u)))))
        {
            a.MarkRead(userId, now);
            changed = true;
        }

        return changed;
    }

    /// <summary>Hủy đăng ký: the number stays taken with the reason; whatever was sent is taken back.</summary>
    public void Cancel(Actor clerk, string reason, DateTime now)
    {
        EnsureNotCancelled();
        if (assignments.Any(a => a.Status == AssignmentStatus.Done))
        {
            throw RuleException.Conflict("Văn bản đã có người xử lý xong; không thể hủy đăng ký.");
        }

        foreach (var a in assignments.Where(a => a.Status.IsActive()))
        {
            a.Close(AssignmentStatus.Revoked, clerk, "Hủy đăng ký văn bản.", now);
        }

        Status = IncomingStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason;
        CancelledByName = clerk.DisplayName;
        Record(clerk, now, IncomingEventKinds.Cancelled, null, $"Hủy đăng ký số đến {ArrivalNumber}/{Year}. Lý do: {reason}");
    }

    /// <summary>
    /// Bàn giao (regulation 001 Điều 9.1): the open assignments addressed to a departing person move to their successor,
    /// who from now on sees and handles them; the history records the handover.
    /// </summary>
    public IReadOnlyList<Assignment> HandOver(Guid fromUserId, string fromName, AssignmentTarget successor, Actor actor, DateTime now)
    {
        if (successor.UserId is not { } toUserId)
        {
            throw RuleException.Invalid("Văn bản được bàn giao cho một người cụ thể.");
        }

        var moved = assignments.Where(a => a.RecipientUserId == fromUserId && a.Status.IsActive()).ToList();
        if (moved.Count == 0)
        {
            return moved;
        }

        foreach (var a in moved)
        {
            a.ChangeRecipient(toUserId, successor.Name);
        }

        AddAccess(toUserId, AccessReason.Participant);
        if (successor.PersonUnitId is { } unit)
        {
            AddAccess(unit, AccessReason.RecipientUnit);
        }

        Record(actor, now, IncomingEventKinds.HandedOver, moved[0].Id, $"Bàn giao phần xử lý của {fromName} cho {successor.Name}.");
        RefreshToPlaces();
        return moved;
    }

    /// <summary>Chia sẻ: gives a person the right to see the document (an explicit grant).</summary>
    public void Grant(Actor actor, Guid userId, string userName, DateTime now)
    {
        if (access.Any(a => a.PrincipalId == userId && a.Reason == AccessReason.Grant))
        {
            return;
        }

        AddAccess(userId, AccessReason.Grant);
        Record(actor, now, IncomingEventKinds.Granted, null, $"Cho {userName} xem văn bản.");
    }

    /// <summary>Trả lời: a reply (an outgoing draft) was started for this document.</summary>
    public void RecordReply(Actor actor, string title, DateTime now) =>
        Record(actor, now, IncomingEventKinds.ReplyStarted, null, $"Soạn văn bản trả lời: {title}");

    // ---- queries ---------------------------------------------------------------------------------------------------

    public Assignment GetAssignment(Guid assignmentId) =>
        assignments.FirstOrDefault(a => a.Id == assignmentId) ?? throw RuleException.NotFound();

    /// <summary>Every assignment below <paramref name="root"/>, itself included.</summary>
    public IEnumerable<Assignment> SubtreeOf(Assignment root)
    {
        var stack = new Stack<Assignment>([root]);
        while (stack.Count > 0)
        {
            var a = stack.Pop();
            yield return a;
            foreach (var child in assignments.Where(c => c.ParentId == a.Id))
            {
                stack.Push(child);
            }
        }
    }

    public bool HasAccessRow(Guid principalId) => access.Any(a => a.PrincipalId == principalId);

    // ---- internals -------------------------------------------------------------------------------------------------

    private void Apply(IncomingMetadata m)
    {
        var type = DocumentTypes.Find(m.TypeCode) ?? throw RuleException.Invalid("Vui lòng chọn loại văn bản.", "typeCode");
        TypeCode = type.Code;
        TypeName = type.Name;
        CodeNumber = m.CodeNumber;
        CodeNotation = m.CodeNotation;
        IssuedDate = m.IssuedDate;
        IssuingOrganId = m.IssuingOrganId;
        IssuingOrganName = m.IssuingOrganName;
        IssuingOrganFolded = Platform.Text.VietnameseText.Fold(m.IssuingOrganName);
        Subject = m.Subject;
        SubjectFolded = Platform.Text.VietnameseText.Fold(m.Subject);
        Language = m.Language;
        PageAmount = m.PageAmount;
        Description = m.Description;
        SignerPosition = m.SignerPosition;
        SignerFullName = m.SignerFullName;
        Urgency = m.Urgency;
        DueDate = m.DueDate ?? DueDate;
        RequestsComments = m.RequestsComments;
        PaperAppendixNote = m.PaperAppendixNote;
        PaperAppendixHolder = m.PaperAppendixHolder;
        Touch();
    }

    private Assignment NewAssignment(Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now)
    {
        var assignment = new Assignment(this, parent, sender, target, instruction, now);
        assignments.Add(assignment);
        AddAccess(sender.UserId, AccessReason.Participant);
        if (sender.OnBehalfOfId is { } delegator)
        {
            AddAccess(delegator, AccessReason.Participant);
        }

        if (target.UserId is { } u)
        {
            AddAccess(u, AccessReason.Participant);
        }

        if (target.PersonUnitId is { } personUnit)
        {
            AddAccess(personUnit, AccessReason.RecipientUnit);
        }

        if (target.UnitId is { } unit)
        {
            AddAccess(unit, AccessReason.RecipientUnit);
        }

        return assignment;
    }

    private void AddAccess(Guid principalId, AccessReason reason)
    {
        if (!access.Any(a => a.PrincipalId == principalId && a.Reason == reason))
        {
            access.Add(new IncomingAccess(Id, AgencyId, principalId, reason));
        }
    }

    private void EnsureMine(Assignment assignment)
    {
        if (!assignments.Contains(assignment))
        {
            throw RuleException.NotFound();
        }
    }

    private void EnsureNotCancelled()
    {
        if (Status == IncomingStatus.Cancelled)
        {
            throw RuleException.Conflict("Văn bản đã bị hủy đăng ký.");
        }
    }

    private void CloseTree(Assignment assignment, Actor actor, string? result, DateTime now)
    {
        // Finishing one's own part also ends what one forwarded and is still open below (they answered for it).
        foreach (var a in SubtreeOf(assignment).Where(a => a != assignment && a.Status.IsActive()))
        {
            a.Close(AssignmentStatus.Done, actor, "Hoàn thành theo cấp trên.", now);
        }

        assignment.Close(AssignmentStatus.Done, actor, result, now);
    }

    private void CompleteWaitingAncestors(Assignment finished, Actor actor, DateTime now)
    {
        var parent = assignments.FirstOrDefault(a => a.Id == finished.ParentId);
        while (parent is not null && parent.Status == AssignmentStatus.Forwarded && parent.Role is AssignmentRole.Direct or AssignmentRole.Lead)
        {
            var stillOpen = assignments.Any(a => a.ParentId == parent.Id && a.Status.IsActive() && a.Role is AssignmentRole.Lead or AssignmentRole.Direct);
            if (stillOpen)
            {
                return;
            }

            parent.Close(AssignmentStatus.Done, actor, $"Hoàn thành: {finished.RecipientName} đã xử lý xong.", now);
            parent = assignments.FirstOrDefault(a => a.Id == parent.ParentId);
        }
    }

    private void ReopenParentIfIdle(Assignment child, DateTime now)
    {
        var parent = assignments.FirstOrDefault(a => a.Id == child.ParentId);
        if (parent is { Status: AssignmentStatus.Forwarded } && !assignments.Any(a => a.ParentId == parent.Id && a.Status.IsActive()))
        {
            parent.Reopen(now);
        }
    }

    private void RefreshStatus(DateTime now)
    {
        if (Status == IncomingStatus.Cancelled)
        {
            return;
        }

        var working = assignments.Where(a => a.Role != AssignmentRole.ForInformation).ToList();
        if (working.Any(a => a.Status.IsActive()))
        {
            Status = IncomingStatus.InProgress;
            FinishedAt = null;
        }
        else if (working.Any(a => a.Status == AssignmentStatus.Done))
        {
            if (Status != IncomingStatus.Finished)
            {
                FinishedAt = now;
            }

            Status = IncomingStatus.Finished;
        }
        else
        {
            Status = assignments.Any(a => a.Status.IsActive()) ? IncomingStatus.InProgress : IncomingStatus.Registered;
            FinishedAt = null;
        }

        Touch();
    }

    private void RefreshToPlaces()
    {
        // Who handles it, not who routed it: leaders it was passed to for direction are not listed.
        var names = assignments.Where(a => a.Role != AssignmentRole.Direct && a.Status != AssignmentStatus.Revoked && a.Status != AssignmentStatus.Returned)
            .OrderBy(a => a.Role).ThenBy(a => a.SentAt)
            .Select(a => a.RecipientName).Distinct().ToList();
        var text = string.Join(", ", names);
        ToPlaces = text.Length == 0 ? null : text.Length > ToPlacesMaxLength ? text[..(ToPlacesMaxLength - 1)] + "…" : text;
    }

    private IncomingEvent Record(Actor actor, DateTime now, string kind, Guid? assignmentId, string? text)
    {
        var e = new IncomingEvent(Id, now, actor, kind, assignmentId, text);
        events.Add(e);
        Touch();
        return e;
    }

    private void Touch() => Version++;

    private static string? JoinNote(string? first, string? second) =>
        string.IsNullOrWhiteSpace(second) ? first : string.IsNullOrWhiteSpace(first) ? second : $"{first} {second}";
}
