using System.Text.Json;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>Who acts on an outgoing document: besides the handling tree's view, the registers whose clerks they are.</summary>
public interface IOutgoingParty : IHandlingParty
{
    bool Keeps(Guid registerId);
}

/// <summary>
/// Văn bản đi: a draft written by a specialist of a unit, taken through its approval chain (the steps copied from an
/// <see cref="OutgoingProcess"/> when it is created; each step is a root of the handling tree held by one person, and
/// requests for comments are forwards below it answered with feedback), signed by the agency leader, then checked,
/// numbered, registered and issued by the clerks of its outgoing <see cref="Register"/>; recalled, replaced or corrected
/// after issue. Every change of content or file is a new <see cref="OutgoingVersion"/>. Each action has a <c>CanX</c>
/// check returning the broken rule; the action throws it.
/// </summary>
public sealed class OutgoingDocument : HandledRecord<OutgoingAssignment, OutgoingEvent, OutgoingAccess>
{
    public const int ReasonMaxLength = 500;
    public const int LinesMaxLength = 20000;
    public const int CertificateMaxLength = 700;
    public const int VerificationCodeLength = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<OutgoingVersion> versions = [];
    private readonly List<OutgoingRecipient> recipients = [];

    private OutgoingDocument()
    {
        Metadata = null!;
        SubjectFolded = null!;
        DrafterName = null!;
        DraftingUnitName = null!;
        Chain = [];
        RecipientLines = [];
        Addressees = [];
    }

    public Guid RegisterId { get; private set; }

    public Guid DraftingUnitId { get; private set; }

    public string DraftingUnitName { get; private set; }

    /// <summary>The drafting unit's code, used in the symbol of a công văn and in the "Lưu" line.</summary>
    public string? DraftingUnitCode { get; private set; }

    public Guid DrafterId { get; private set; }

    public string DrafterName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public OutgoingStatus Status { get; private set; }

    /// <summary>The metadata (Phụ lục VI Phần II.I); number, symbol and date are filled at issuance.</summary>
    public DocumentMetadata Metadata { get; private set; }

    public string SubjectFolded { get; private set; }

    public SigningAuthority Authority { get; private set; }

    /// <summary>The person who is to sign (an agency leader), when chosen.</summary>
    public Guid? SignerId { get; private set; }

    /// <summary>Số lượng bản phát hành (field 15 <c>IssuedAmount</c>).</summary>
    public int Copies { get; private set; }

    /// <summary>Văn bản quy phạm pháp luật: numbered in a series of its own.</summary>
    public bool IsNormative { get; private set; }

    /// <summary>The "Nơi nhận" lines as printed, the last one "Lưu: VT, …".</summary>
    public List<string> RecipientLines { get; private set; }

    /// <summary>The "Kính gửi" lines of a công văn.</summary>
    public List<string> Addressees { get; private set; }

    public Guid ProcessId { get; private set; }

    /// <summary>The approval chain, copied from the process when the draft was created (steps may be added on the way).</summary>
    public List<ChainStep> Chain { get; private set; }

    /// <summary>The step that holds the document now (1: the drafter).</summary>
    public int CurrentStep { get; private set; }

    /// <summary>After a return to the drafter: the step the next submission goes to.</summary>
    public int? ResumeAt { get; private set; }

    /// <summary>The number of the latest version.</summary>
    public int VersionNumber { get; private set; }

    public Guid? ContentApprovedById { get; private set; }

    public string? ContentApprovedByName { get; private set; }

    public DateTime? ContentApprovedAt { get; private set; }

    public Guid? FormatApprovedById { get; private set; }

    public string? FormatApprovedByName { get; private set; }

    public DateTime? FormatApprovedAt { get; private set; }

    public Guid? SignedById { get; private set; }

    public string? SignedByName { get; private set; }

    public DateTime? SignedAt { get; private set; }

    /// <summary>
    /// The signed original: the leader's digitally signed PDF (<see cref="SignedDigitally"/>), or on paper the scanned copy
    /// of the original the leader signed by hand.
    /// </summary>
    public Guid? SignedFileId { get; private set; }

    public string? SignedFileName { get; private set; }

    /// <summary>Ký số: the leader signed the PDF of the layout digitally; issuance adds the number, the day and the agency's signature.</summary>
    public bool SignedDigitally { get; private set; }

    /// <summary>The leader's certificate, as "subject · serial", for the page and the record.</summary>
    public string? SignerCertificate { get; private set; }

    /// <summary>Where the leader's signature image is, "page x y width height" in PDF points (<see cref="SignatureBox"/>): the seal goes over its left third.</summary>
    public string? SignaturePlacement { get; private set; }

    /// <summary>The electronic original as issued: the signed PDF with the number, the day and the agency's signature.</summary>
    public Guid? IssuedFileId { get; private set; }

    public string? IssuedFileName { get; private set; }

    /// <summary>The annexes in separate files as issued, each with the agency's signature (PDF ones); others as attached.</summary>
    public List<VersionFile> IssuedAnnexes { get; private set; } = [];

    /// <summary>Mã xác thực: the short code (with its QR code on page 1) by which anyone checks the electronic original on the public page.</summary>
    public string? VerificationCode { get; private set; }

    /// <summary>The year of the outgoing number.</summary>
    public int? Year { get; private set; }

    /// <summary>Số văn bản đi, from the register's series of the year.</summary>
    public int? Number { get; private set; }

    /// <summary>The series key the number came from (see <c>Kernel.Numbering.NumberSeries</c>).</summary>
    public string? Series { get; private set; }

    public DateTime? IssuedAt { get; private set; }

    public Guid? IssuedById { get; private set; }

    public string? IssuedByName { get; private set; }

    /// <summary>Bản giấy: copies printed and stamped by the clerk, and when.</summary>
    public int? PaperCopies { get; private set; }

    public DateOnly? PaperIssuedOn { get; private set; }

    public string? PaperNote { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public string? WithdrawReason { get; private set; }

    /// <summary>Văn bản thay thế: this document replaces an issued one (content error, Decree 30 Art. 18.3).</summary>
    public Guid? ReplacesId { get; private set; }

    /// <summary>Văn bản đính chính: this công văn corrects an issued one (format or procedure error).</summary>
    public Guid? CorrectsId { get; private set; }

    /// <summary>The document that replaced this one, once issued.</summary>
    public Guid? ReplacedById { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public IReadOnlyList<OutgoingVersion> Versions => versions;

    public IReadOnlyList<OutgoingRecipient> Recipients => recipients;

    public OutgoingVersion CurrentVersion => versions.OrderBy(v => v.Number).Last();

    public ChainStep StepAt(int number) => Chain.First(s => s.Number == number);

    public ChainStep Current => StepAt(CurrentStep);

    /// <summary>The active step hop (root assignment), while the chain holds it.</summary>
    public OutgoingAssignment? CurrentHop => Assignments.FirstOrDefault(a => a.ParentId is null && a.Status.IsActive());

    public string CodeText => Metadata.CodeText;

    public OutgoingContent Content => new(Metadata, Authority, SignerId, Copies, IsNormative, RecipientLines, Addressees, [.. recipients.Select(r => r.Spec)]);

    protected override string Noun => "văn bản";

    protected override bool AsksForComments => true;

    // ---- creation ----------------------------------------------------------------------------------------------------

    /// <summary>Soạn dự thảo: a specialist of <paramref name="unitId"/> starts a draft in <paramref name="register"/> with the process's chain.</summary>
    public static OutgoingDocument Create(Register register, Guid unitId, string unitName, string? unitCode, OutgoingProcess process, Actor drafter,
        OutgoingContent content, VersionFile? main, IReadOnlyList<VersionFile> annexes, Guid? replacesId, Guid? correctsId, DateTime now)
    {
        if (register.Kind != RegisterKind.Outgoing || !register.IsActive)
        {
            throw RuleException.Invalid("Sổ văn bản đi không tồn tại hoặc đã ngừng sử dụng.", "registerId");
        }

        if (!process.IsActive || process.AgencyId != register.AgencyId)
        {
            throw RuleException.Invalid("Quy trình xử lý văn bản đi không tồn tại hoặc đã ngừng sử dụng.", "processId");
        }

        var document = new OutgoingDocument
        {
            Id = Guid.CreateVersion7(),
            AgencyId = register.AgencyId,
            RegisterId = register.Id,
            DraftingUnitId = unitId,
            DraftingUnitName = unitName,
            DraftingUnitCode = unitCode,
            DrafterId = drafter.UserId,
            DrafterName = drafter.Name,
            CreatedAt = now,
            Status = OutgoingStatus.Drafting,
            ProcessId = process.Id,
            Chain = [.. process.Steps],
            CurrentStep = 1,
            ReplacesId = replacesId,
            CorrectsId = correctsId,
        };
        document.Apply(content);
        document.AddVersion(drafter, "Tạo dự thảo.", main, annexes, now);
        document.AddAccess(drafter.UserId, AccessReason.Participant);
        document.AddAccess(register.Id, AccessReason.Registry);
        document.Record(drafter, now, OutgoingEventKinds.Created, null, $"Tạo dự thảo {content.Metadata.TypeName.ToLowerInvariant()}: {content.Metadata.Subject}");
        return document;
    }

    // ---- checks ------------------------------------------------------------------------------------------------------

    protected override BrokenRule? CanHandle() => Status switch
    {
        OutgoingStatus.Cancelled => BrokenRule.Conflict("Dự thảo đã bị hủy."),
        OutgoingStatus.Issued or OutgoingStatus.Recalled => BrokenRule.Conflict("Văn bản đã phát hành; không thể xử lý dự thảo."),
        _ => null,
    };

    private BrokenRule? Drafter(IOutgoingParty party) =>
        party.UserId == DrafterId ? null : BrokenRule.Forbidden("Chỉ người soạn thảo mới thực hiện được thao tác này.");

    /// <summary>The party holds the current step (in person or for a delegator).</summary>
    private BrokenRule? HoldsStep(IOutgoingParty party, out OutgoingAssignment hop, out Actor actor)
    {
        hop = null!;
        actor = null!;
        if (Status != OutgoingStatus.InReview || CurrentHop is not { } current)
        {
            return BrokenRule.Conflict("Văn bản không ở bước trình duyệt.");
        }

        if (party.ActorFor(current) is not { } a)
        {
            return BrokenRule.Forbidden("Văn bản không chờ bạn xử lý.");
        }

        hop = current;
        actor = a;
        return null;
    }

    /// <summary>Sửa dự thảo: the drafter while it is with them; the holder of the current step (edit directly, a new version).</summary>
    public BrokenRule? CanRevise(IOutgoingParty party) =>
        CanHandle() ?? Status switch
        {
            OutgoingStatus.Drafting => Drafter(party),
            OutgoingStatus.InReview => HoldsStep(party, out _, out _),
            _ => BrokenRule.Conflict("Văn bản đã ký; chỉ văn thư trả lại mới sửa được."),
        };

    /// <summary>Trình: the drafter, while the draft is with them.</summary>
    public BrokenRule? CanSubmit(IOutgoingParty party) =>
        CanHandle() ?? (Status == OutgoingStatus.Drafting ? null : BrokenRule.Conflict("Dự thảo đã được trình.")) ?? Drafter(party);

    /// <summary>Duyệt, chuyển tiếp: the holder of a reviewing step (the signing step signs instead).</summary>
    public BrokenRule? CanApprove(IOutgoingParty party) =>
        CanHandle() ?? HoldsStep(party, out _, out _)
        ?? (Current.Signs ? BrokenRule.Invalid("Ở bước lãnh đạo ký, hãy chọn \"Duyệt ký\".") : null);

    /// <summary>Duyệt ký (ký bản giấy): the holder of the signing step.</summary>
    public BrokenRule? CanSign(IOutgoingParty party) =>
        CanHandle() ?? HoldsStep(party, out _, out _) ?? (Current.Signs ? null : BrokenRule.Invalid("Chỉ ở bước lãnh đạo ký mới duyệt ký được."));

    /// <summary>Trả lại: the holder of the current step; the clerks of the register before issuing.</summary>
    public BrokenRule? CanSendBack(IOutgoingParty party) =>
        CanHandle() ?? (Status == OutgoingStatus.ToIssue
            ? party.Keeps(RegisterId) ? null : BrokenRule.Forbidden("Chỉ văn thư giữ sổ văn bản đi mới trả lại được văn bản chờ phát hành.")
            : HoldsStep(party, out _, out _));

    /// <summary>Xin ý kiến góp ý: the holder of the current step asks units or people for comments.</summary>
    public BrokenRule? CanConsult(IOutgoingParty party) => CanHandle() ?? HoldsStep(party, out _, out _);

    /// <summary>
    /// Thu hồi (rút lại): who sent the current step may take it back until its holder acts on it (approves, returns,
    /// edits or asks for comments).
    /// </summary>
    public BrokenRule? CanRecallSubmission(IOutgoingParty party)
    {
        if (CanHandle() is { } rule)
        {
            return rule;
        }

        if (Status != OutgoingStatus.InReview || CurrentHop is not { } hop)
        {
            return BrokenRule.Conflict("Văn bản không ở bước trình duyệt.");
        }

        if (party.SenderFor(hop) is null)
        {
            return BrokenRule.Forbidden("Chỉ người đã trình mới rút lại được.");
        }

        var acted = hop.Status != AssignmentStatus.Open
            || versions.Any(v => v.At >= hop.SentAt && v.ById != hop.SenderId)
            || Events.Any(e => e.At >= hop.SentAt && e.AssignmentId == hop.Id && e.ActorId != hop.SenderId && e.Kind != HandlingEventKinds.Opinion);
        return acted ? BrokenRule.Conflict($"{hop.RecipientName} đã xử lý; không thể rút lại.") : null;
    }

    /// <summary>Phát hành: the clerks of the register, once signed.</summary>
    public BrokenRule? CanIssue(IOutgoingParty party) =>
        CanHandle() ?? (Status == OutgoingStatus.ToIssue ? null : BrokenRule.Conflict("Văn bản chưa được ký ban hành."))
        ?? (party.Keeps(RegisterId) ? null : BrokenRule.Forbidden("Chỉ văn thư giữ sổ văn bản đi mới phát hành được văn bản này."));

    /// <summary>Ghi nhận gửi: the register's clerks, after issue.</summary>
    public BrokenRule? CanRecordSending(IOutgoingParty party) =>
        (Status == OutgoingStatus.Issued ? null : BrokenRule.Conflict("Văn bản chưa phát hành hoặc đã bị thu hồi."))
        ?? (party.Keeps(RegisterId) ? null : BrokenRule.Forbidden("Chỉ văn thư giữ sổ văn bản đi mới ghi nhận việc gửi."));

    /// <summary>Thu hồi văn bản đã phát hành (Decree 30 Art. 18.4): the register's clerks.</summary>
    public BrokenRule? CanWithdraw(IOutgoingParty party) => CanRecordSending(party);

    /// <summary>Hủy dự thảo: the drafter, while it is with them.</summary>
    public BrokenRule? CanCancel(IOutgoingParty party) =>
        CanHandle() ?? (Status == OutgoingStatus.Drafting ? null : BrokenRule.Conflict("Chỉ hủy được dự thảo chưa trình.")) ?? Drafter(party);

    // ---- the draft ---------------------------------------------------------------------------------------------------

    /// <summary>Sửa dự thảo: a new version with the content and files as given, and why.</summary>
    public OutgoingVersion Revise(IOutgoingParty party, OutgoingContent content, VersionFile? main, IReadOnlyList<VersionFile> annexes, string? reason,
        DateTime now)
    {
        CanRevise(party).ThrowIfBroken();
        var actor = Status == OutgoingStatus.InReview ? party.ActorFor(CurrentHop!)! : party.Self;
        var before = Content;
        Apply(content);
        var changes = Differences(before, content, CurrentVersion, main, annexes);
        if (changes.Count == 0)
        {
            throw RuleException.Invalid("Không có thay đổi nào so với phiên bản hiện tại.");
        }

        var version = AddVersion(actor, reason, main, annexes, now);
        Record(actor, now, OutgoingEventKinds.Revised, CurrentHop?.Id,
            JoinNote($"Phiên bản {version.Number}: {string.Join("; ", changes)}.", reason is null ? null : $"Lý do: {reason}"));
        return version;
    }

    /// <summary>Trình: to the holder of the next step (where a return said to resume, or step 2), skipping skippable steps up to <paramref name="toStep"/>.</summary>
    public OutgoingAssignment Submit(IOutgoingParty party, AssignmentTarget holder, int? toStep, string? note, DateTime now)
    {
        CanSubmit(party).ThrowIfBroken();
        var step = Target(ResumeAt ?? 2, toStep);
        ResumeAt = null;
        return StartStep(party.Self, step, holder, note, OutgoingEventKinds.Submitted, now);
    }

    /// <summary>
    /// Duyệt và chuyển: the holder approves the draft at their step (recorded as content or format approval where the
    /// step says so) and passes it to the holder of the next step — a person added after their step when the step
    /// allows it, or a later step when those between may be skipped.
    /// </summary>
    public OutgoingAssignment Approve(IOutgoingParty party, AssignmentTarget next, int? toStep, ChainStep? added, string? opinion, DateTime now)
    {
        CanApprove(party).ThrowIfBroken();
        HoldsStep(party, out var hop, out var actor);
        var step = Current;
        if (added is not null)
        {
            if (!step.AllowsAddedSteps)
            {
                throw RuleException.Invalid($"Bước \"{step.Name}\" không cho thêm người xử lý.", "addedReviewerId");
            }

            Chain.Insert(step.Number, added with { Number = step.Number + 1, Kind = ChainStepKind.Person, CanSkip = true, ReturnResumesAt = 2 });
            Chain = [.. Chain.Select((s, i) => s with { Number = i + 1, ReturnResumesAt = s.ReturnResumesAt > step.Number ? s.ReturnResumesAt + 1 : s.ReturnResumesAt })];
        }

        var closed = CloseStep(hop, AssignmentStatus.Done, actor, opinion, now);
        RecordApproval(step, actor, now);
        var target = Target(step.Number + 1, added is null ? toStep : null);
        Record(actor, now, OutgoingEventKinds.Approved, hop.Id, JoinNote($"Duyệt ({step.Name}).", opinion)).Concerns(closed);
        return StartStep(actor, target, next, null, OutgoingEventKinds.Submitted, now);
    }

    /// <summary>
    /// Duyệt ký: the agency leader approves the final version for signature and signs it on paper (the scanned signed
    /// copy attached) until digital signing; it goes to the clerks of the register to issue.
    /// </summary>
    public void SignOnPaper(IOutgoingParty party, VersionFile signedCopy, string? note, DateTime now)
    {
        var (hop, actor, closed) = CloseSigningStep(party, note, now);
        SignedFileId = signedCopy.FileId;
        SignedFileName = signedCopy.FileName;
        SignedDigitally = false;
        SignerCertificate = null;
        SignaturePlacement = null;
        var entry = Record(actor, now, OutgoingEventKinds.Signed, hop.Id,
            JoinNote($"Duyệt ký phiên bản {VersionNumber} (ký trên giấy, đính kèm bản quét {signedCopy.FileName}); chuyển văn thư phát hành.", note));
        entry.AttachFile(signedCopy.FileId);
        entry.Concerns(closed);
    }

    private (OutgoingAssignment Hop, Actor Actor, IReadOnlyList<Guid> Closed) CloseSigningStep(IOutgoingParty party, string? note, DateTime now)
    {
        CanSign(party).ThrowIfBroken();
        HoldsStep(party, out var hop, out var actor);
        var step = Current;
        var closed = CloseStep(hop, AssignmentStatus.Done, actor, note, now);
        RecordApproval(step, actor, now);
        SignedById = actor.ResponsibleId;
        SignedByName = actor.OnBehalfOfName ?? actor.Name;
        SignedAt = now;
        Status = OutgoingStatus.ToIssue;
        CurrentStep = Chain[^1].Number;
        return (hop, actor, closed);
    }

    /// <summary>
    /// Duyệt ký with a digital signature: the leader signs the PDF of the final version's layout with their own
    /// certificate (the image of their handwriting between the authority line and their name); it goes to the clerks
    /// of the register, who add the number, the day and the agency's signature when they issue it.
    /// </summary>
    public void SignDigitally(IOutgoingParty party, VersionFile signedPdf, string certificate, SignatureBox box, string? note, DateTime now)
    {
        var (hop, actor, closed) = CloseSigningStep(party, note, now);
        SignedFileId = signedPdf.FileId;
        SignedFileName = signedPdf.FileName;
        SignedDigitally = true;
        SignerCertificate = certificate;
        SignaturePlacement = box.Format();
        var entry = Record(actor, now, OutgoingEventKinds.Signed, hop.Id,
            JoinNote($"Ký số phiên bản {VersionNumber} (chứng thư số {certificate}); chuyển văn thư phát hành.", note));
        entry.AttachFile(signedPdf.FileId);
        entry.Concerns(closed);
    }

    /// <summary>The files as issued (the sealed electronic original and annexes), set in the issuance's transaction.</summary>
    public void RecordIssuedFiles(VersionFile main, IReadOnlyList<VersionFile> annexes, string verificationCode)
    {
        VerificationCode = verificationCode;
        IssuedFileId = main.FileId;
        IssuedFileName = main.FileName;
        IssuedAnnexes = [.. annexes];
    }

    /// <summary>
    /// Trả lại: to the drafter (the chain resumes, on the next submission, where the step's definition says) or to the
    /// holder of the previous step, with an opinion; the register's clerks return a signed document to the drafter with
    /// the format problems they found.
    /// </summary>
    public void SendBack(IOutgoingParty party, bool toPrevious, string opinion, DateTime now)
    {
        CanSendBack(party).ThrowIfBroken();
        if (Status == OutgoingStatus.ToIssue)
        {
            ResumeAt = Resume(Current);
            Status = OutgoingStatus.Drafting;
            CurrentStep = 1;
            SignedAt = null;
            SignedById = null;
            SignedByName = null;
            SignedDigitally = false;
            SignerCertificate = null;
            SignaturePlacement = null;
            Record(party.Self, now, HandlingEventKinds.Returned, null, $"Văn thư trả lại người soạn thảo. {opinion}").Concerns([], [DrafterId]);
            return;
        }

        HoldsStep(party, out var hop, out var actor);
        var step = Current;
        var closed = CloseStep(hop, AssignmentStatus.Returned, actor, opinion, now);
        var previous = Assignments.Where(a => a.ParentId is null && a.StepNumber < step.Number && a.Status == AssignmentStatus.Done)
            .OrderByDescending(a => a.FinishedAt).FirstOrDefault();
        if (toPrevious && previous is not null && previous.StepNumber > 1)
        {
            CurrentStep = previous.StepNumber!.Value;
            var back = NewHop(actor, AssignmentTarget.Person(previous.ActedById ?? previous.RecipientUserId!.Value, previous.ActedByName ?? previous.RecipientName,
                AssignmentRole.Direct), $"Trả lại: {opinion}", now);
            Record(actor, now, HandlingEventKinds.Returned, hop.Id, $"Trả lại {back.RecipientName} ({StepAt(CurrentStep).Name}). Ý kiến: {opinion}")
                .Concerns([.. closed, back.Id]);
            return;
        }

        ResumeAt = Resume(step);
        Status = OutgoingStatus.Drafting;
        CurrentStep = 1;
        Record(actor, now, HandlingEventKinds.Returned, hop.Id, $"Trả lại người soạn thảo {DrafterName}. Ý kiến: {opinion}").Concerns(closed, [DrafterId]);
    }

    /// <summary>Rút lại: the sender takes the current step back before its holder acted; it is theirs again.</summary>
    public void RecallSubmission(IOutgoingParty party, string? reason, DateTime now)
    {
        CanRecallSubmission(party).ThrowIfBroken();
        var hop = CurrentHop!;
        var sender = party.SenderFor(hop)!;
        var recalledStep = CurrentStep;
        Revoke(party, hop.Id, reason, now);
        var own = Assignments.Where(a => a.ParentId is null && a.Status == AssignmentStatus.Done && a.ActedById == sender.UserId && a.StepNumber < recalledStep)
            .OrderByDescending(a => a.FinishedAt).FirstOrDefault();
        if (own is null || own.StepNumber == 1)
        {
            Status = OutgoingStatus.Drafting;
            CurrentStep = 1;
            ResumeAt = recalledStep;
            return;
        }

        CurrentStep = own.StepNumber!.Value;
        NewHop(sender, AssignmentTarget.Person(sender.ResponsibleId, sender.OnBehalfOfName ?? sender.Name, AssignmentRole.Direct), "Rút lại để xem xét tiếp.", now);
    }

    /// <summary>Xin ý kiến góp ý: the holder of the current step asks units or people, in parallel, each with a deadline.</summary>
    public IReadOnlyList<OutgoingAssignment> Consult(IOutgoingParty party, IReadOnlyList<AssignmentTarget> consulted, string? request, DateTime now)
    {
        CanConsult(party).ThrowIfBroken();
        return Forward(party, CurrentHop!.Id, [.. consulted.Select(t => t with { Role = AssignmentRole.Support })], request, now);
    }

    /// <summary>Hủy dự thảo.</summary>
    public void Cancel(IOutgoingParty party, string reason, DateTime now)
    {
        CanCancel(party).ThrowIfBroken();
        Status = OutgoingStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason;
        Record(party.Self, now, OutgoingEventKinds.Cancelled, null, $"Hủy dự thảo. Lý do: {reason}");
    }

    // ---- issuance ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Phát hành: the clerk gives the number of the register's series (allocated by the caller in the same transaction)
    /// and the date, which the document's layout then carries; the document is registered in the outgoing register.
    /// </summary>
    public void Issue(IOutgoingParty party, int year, int number, string series, string notation, DateOnly date, DateTime now)
    {
        CanIssue(party).ThrowIfBroken();
        Year = year;
        Number = number;
        Series = series;
        Metadata = Metadata with { CodeNumber = OfficialDateLine.NumberText(number), CodeNotation = notation, IssuedDate = date };
        Status = OutgoingStatus.Issued;
        IssuedAt = now;
        IssuedById = party.UserId;
        IssuedByName = party.Self.Name;
        RecordApproval(Current, party.Self, now);
        Record(party.Self, now, OutgoingEventKinds.Issued, null, $"Cấp số {CodeText} ngày {date:dd/MM/yyyy}, vào sổ và phát hành.")
            .Concerns([], [DrafterId, .. recipients.Where(r => r.UserId is not null).Select(r => r.UserId!.Value)]);
    }

    /// <summary>Records how a recipient was sent the document (internal delivery, exchange, e-mail, post) and where that stands.</summary>
    public OutgoingRecipient RecordSending(Actor actor, Guid recipientId, DeliveryState state, Guid? deliveredAsId, string? note, DateTime now)
    {
        var recipient = recipients.FirstOrDefault(r => r.Id == recipientId) ?? throw RuleException.NotFound();
        recipient.MarkSent(state, deliveredAsId, note, now);
        Touch();
        Record(actor, now, OutgoingEventKinds.Sent, null,
            JoinNote($"{SendingName(recipient.Channel)} {recipient.Name}: {StateName(state)}.", note));
        return recipient;
    }

    /// <summary>Phát hành bản giấy: copies printed and stamped on a date.</summary>
    public void RecordPaperIssuance(IOutgoingParty party, int copies, DateOnly on, string? note, DateTime now)
    {
        CanRecordSending(party).ThrowIfBroken();
        PaperCopies = copies;
        PaperIssuedOn = on;
        PaperNote = note;
        Record(party.Self, now, OutgoingEventKinds.Sent, null, JoinNote($"Phát hành bản giấy: {copies} bản, đóng dấu ngày {on:dd/MM/yyyy}.", note));
    }

    /// <summary>Thu hồi văn bản đã phát hành: frozen with its metadata; recipients are told.</summary>
    public void Withdraw(IOutgoingParty party, string reason, DateTime now)
    {
        CanWithdraw(party).ThrowIfBroken();
        Status = OutgoingStatus.Recalled;
        WithdrawnAt = now;
        WithdrawReason = reason;
        foreach (var r in recipients.Where(r => r.State is DeliveryState.Sent or DeliveryState.Received))
        {
            r.MarkSent(DeliveryState.Recalled, null, null, now);
        }

        Record(party.Self, now, OutgoingEventKinds.Withdrawn, null, $"Thu hồi văn bản {CodeText}. Lý do: {reason}")
            .Concerns([], [.. recipients.Where(r => r.UserId is not null).Select(r => r.UserId!.Value)]);
    }

    /// <summary>Marks this issued document replaced by another one now issued.</summary>
    public void ReplacedBy(Guid replacementId, string replacementCode, Actor actor, DateTime now)
    {
        ReplacedById = replacementId;
        Touch();
        Record(actor, now, OutgoingEventKinds.Withdrawn, null, $"Được thay thế bởi văn bản {replacementCode}.");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    public static string SendingName(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Exchange => "Gửi qua trục liên thông đến",
        DeliveryChannel.Email => "Gửi thư điện tử đến",
        DeliveryChannel.Post => "Gửi bưu điện đến",
        _ => "Chuyển nội bộ đến",
    };

    public static string StateName(DeliveryState state) => state switch
    {
        DeliveryState.Sent => "đã gửi",
        DeliveryState.Received => "đã nhận",
        DeliveryState.Failed => "gửi lỗi",
        DeliveryState.Recalled => "đã thu hồi",
        _ => "chưa gửi",
    };

    public static string StatusName(OutgoingStatus status) => status switch
    {
        OutgoingStatus.Drafting => "Dự thảo",
        OutgoingStatus.InReview => "Đang trình duyệt",
        OutgoingStatus.ToIssue => "Chờ phát hành",
        OutgoingStatus.Issued => "Đã phát hành",
        OutgoingStatus.Recalled => "Đã thu hồi",
        _ => "Đã hủy",
    };

    public static string ContentJsonOf(OutgoingContent content) => JsonSerializer.Serialize(content, Json);

    public static OutgoingContent? ContentOf(string json) => JsonSerializer.Deserialize<OutgoingContent>(json, Json);

    /// <summary>The fields that differ between two contents, and whether the files changed, as "Trích yếu: … → …".</summary>
    public static List<string> Differences(OutgoingContent before, OutgoingContent after, OutgoingVersion? previous, VersionFile? main,
        IReadOnlyList<VersionFile> annexes)
    {
        var changes = new List<string>();
        void Compare(string label, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                changes.Add($"{label}: \"{a}\" → \"{b}\"");
            }
        }

        Compare("Loại văn bản", before.Metadata.TypeName, after.Metadata.TypeName);
        Compare("Trích yếu", before.Metadata.Subject, after.Metadata.Subject);
        Compare("Người ký", before.Metadata.SignerText, after.Metadata.SignerText);
        Compare("Quyền hạn ký", SigningAuthorities.Prefix(before.Authority), SigningAuthorities.Prefix(after.Authority));
        Compare("Độ khẩn", Contracts.UrgencyNames.Name(before.Metadata.Urgency), Contracts.UrgencyNames.Name(after.Metadata.Urgency));
        Compare("Hạn trả lời", before.Metadata.DueDate?.ToString("dd/MM/yyyy"), after.Metadata.DueDate?.ToString("dd/MM/yyyy"));
        Compare("Số trang", before.Metadata.PageAmount?.ToString(), after.Metadata.PageAmount?.ToString());
        Compare("Số bản", before.Copies.ToString(), after.Copies.ToString());
        Compare("Ghi chú", before.Metadata.Description, after.Metadata.Description);
        Compare("Văn bản QPPL", before.IsNormative ? "có" : "không", after.IsNormative ? "có" : "không");
        Compare("Nơi nhận", string.Join(" | ", before.RecipientLines), string.Join(" | ", after.RecipientLines));
        Compare("Kính gửi", string.Join(" | ", before.Addressees), string.Join(" | ", after.Addressees));
        Compare("Người nhận", string.Join(", ", before.Recipients.Select(r => r.Name)), string.Join(", ", after.Recipients.Select(r => r.Name)));
        if (previous is not null)
        {
            if (previous.MainFileId != main?.FileId)
            {
                changes.Add($"Tệp dự thảo: {main?.FileName ?? "(không có)"}");
            }

            if (!previous.Annexes.Select(a => a.FileId).SequenceEqual(annexes.Select(a => a.FileId)))
            {
                changes.Add($"Phụ lục: {(annexes.Count == 0 ? "(không có)" : string.Join(", ", annexes.Select(a => a.FileName)))}");
            }
        }

        return changes;
    }

    private int Resume(ChainStep step) => step.ReturnResumesAt == 0 ? step.Number : Math.Min(step.ReturnResumesAt, Chain[^1].Number - 1);

    /// <summary>The step a hand-over goes to: <paramref name="natural"/>, or a later one when every step between may be skipped.</summary>
    private ChainStep Target(int natural, int? toStep)
    {
        var target = toStep ?? natural;
        if (target < natural || target >= Chain[^1].Number || target < 2)
        {
            throw RuleException.Invalid("Bước chuyển đến không hợp lệ.", "toStep");
        }

        var skipped = Chain.Where(s => s.Number >= natural && s.Number < target).ToList();
        if (skipped.FirstOrDefault(s => !s.CanSkip) is { } required)
        {
            throw RuleException.Invalid($"Không được bỏ qua bước \"{required.Name}\".", "toStep");
        }

        return StepAt(target);
    }

    private OutgoingAssignment StartStep(Actor sender, ChainStep step, AssignmentTarget holder, string? note, string kind, DateTime now)
    {
        if (holder.UserId is null)
        {
            throw RuleException.Invalid("Vui lòng chọn người nhận.", "recipientId");
        }

        CurrentStep = step.Number;
        Status = OutgoingStatus.InReview;
        var hop = Start(sender, holder with { Role = AssignmentRole.Direct, UnitId = null }, note, now, kind, verb: $"Trình ({step.Name})");
        return hop;
    }

    private OutgoingAssignment NewHop(Actor sender, AssignmentTarget holder, string? note, DateTime now)
    {
        Status = OutgoingStatus.InReview;
        return Start(sender, holder, note, now, OutgoingEventKinds.Submitted, verb: $"Chuyển lại ({StepAt(CurrentStep).Name})");
    }

    private void RecordApproval(ChainStep step, Actor actor, DateTime now)
    {
        if (step.Records == StepApproval.Content || (step.Kind == ChainStepKind.UnitHead && ContentApprovedAt is null))
        {
            ContentApprovedById = actor.ResponsibleId;
            ContentApprovedByName = actor.DisplayName;
            ContentApprovedAt = now;
        }

        if (step.Records == StepApproval.Format || (step.Kind == ChainStepKind.Clerk && FormatApprovedAt is null))
        {
            FormatApprovedById = actor.ResponsibleId;
            FormatApprovedByName = actor.DisplayName;
            FormatApprovedAt = now;
        }
    }

    private void Apply(OutgoingContent content)
    {
        if (content.Metadata.TypeCode is var t && Contracts.DocumentTypes.Find(t) is { IsCopy: true })
        {
            throw RuleException.Invalid("Bản sao được lập từ văn bản đã phát hành, không soạn như dự thảo.", "document.typeCode");
        }

        Metadata = content.Metadata;
        SubjectFolded = VietnameseText.Fold(content.Metadata.Subject);
        Authority = content.Authority;
        SignerId = content.SignerId;
        Copies = content.Copies;
        IsNormative = content.IsNormative;
        RecipientLines = [.. content.RecipientLines];
        Addressees = [.. content.Addressees];
        if (!recipients.Select(r => r.Spec).SequenceEqual(content.Recipients))
        {
            recipients.Clear();
            recipients.AddRange(content.Recipients.Select((r, i) => new OutgoingRecipient(Id, r, i)));
        }

        Touch();
    }

    private OutgoingVersion AddVersion(Actor actor, string? reason, VersionFile? main, IReadOnlyList<VersionFile> annexes, DateTime now)
    {
        VersionNumber++;
        var version = new OutgoingVersion(Id, VersionNumber, actor, reason, ContentJsonOf(Content), main, annexes, now);
        versions.Add(version);
        return version;
    }

    protected override OutgoingAssignment CreateAssignment(Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now) =>
        new(this, parent, sender, target, instruction, now);

    protected override OutgoingEvent CreateEntry(DateTime at, Actor actor, string kind, Guid? assignmentId, string? text) =>
        new(this, at, actor, kind, assignmentId, text);

    protected override OutgoingAccess CreateAccess(Guid principalId, AccessReason reason) => new(this, principalId, reason);
}
