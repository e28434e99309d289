namespace Eoffice.Web.Kernel.Handling;

/// <summary>
/// Phân công / chuyển xử lý: one hop of a handled record (an incoming document, a task, a service case) to a person or a
/// unit (whose leaders act for it), in an <see cref="AssignmentRole"/>, with its own deadline. Assignments form a tree
/// through <see cref="ParentId"/>: the first hop (a clerk's presentation, a leader's assignment) is a root, forwarding
/// creates children. Each owner maps its own subclass to its own table; the tree is changed only through its
/// <see cref="HandledRecord{TAssignment, TEntry, TAccess}"/>.
/// </summary>
public abstract class Assignment
{
    public const int NameMaxLength = 300;
    public const int InstructionMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    protected Assignment()
    {
        SenderName = null!;
        RecipientName = null!;
    }

    protected Assignment(Guid ownerId, Guid agencyId, Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now)
        : this()
    {
        if ((target.UserId is null) == (target.UnitId is null))
        {
            throw Platform.Rules.RuleException.Invalid("Mỗi lượt chuyển gửi cho một người hoặc một đơn vị.", "targets");
        }

        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        AgencyId = agencyId;
        ParentId = parent?.Id;
        Depth = parent is null ? 0 : parent.Depth + 1;
        Role = target.Role;
        ReceivingRegisterId = target.ReceivingRegisterId;
        Status = target.ReceivingRegisterId is null ? AssignmentStatus.Open : AssignmentStatus.AwaitingReceipt;
        SenderId = sender.ResponsibleId;
        SenderName = sender.OnBehalfOfName ?? sender.Name;
        ActingSenderId = sender.OnBehalfOfId is null ? null : sender.UserId;
        ActingSenderName = sender.OnBehalfOfId is null ? null : sender.Name;
        RecipientUserId = target.UserId;
        RecipientUnitId = target.UnitId;
        RecipientName = target.Name;
        Instruction = instruction;
        DueDate = target.DueDate;
        SentAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The handled record (document, task, case) this assignment belongs to.</summary>
    public Guid OwnerId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The assignment through which the sender held the record; <c>null</c> for a root.</summary>
    public Guid? ParentId { get; private set; }

    public int Depth { get; private set; }

    public AssignmentRole Role { get; private set; }

    public AssignmentStatus Status { get; private set; }

    /// <summary>Whose forward it is (the delegator when a delegate sent it).</summary>
    public Guid SenderId { get; private set; }

    public string SenderName { get; private set; }

    /// <summary>The delegate who really pressed the button, when not the sender.</summary>
    public Guid? ActingSenderId { get; private set; }

    public string? ActingSenderName { get; private set; }

    public Guid? RecipientUserId { get; private set; }

    /// <summary>A unit recipient: any of the unit's leaders acts for it.</summary>
    public Guid? RecipientUnitId { get; private set; }

    public string RecipientName { get; private set; }

    /// <summary>Bút phê / ý kiến chỉ đạo sent with the forward.</summary>
    public string? Instruction { get; private set; }

    /// <summary>Set when the holder has written their own direction while forwarding (shown on the handling slip).</summary>
    public string? InstructionGiven { get; private set; }

    /// <summary>Hạn xử lý (a Vietnam calendar date, inclusive).</summary>
    public DateOnly? DueDate { get; private set; }

    public DateTime SentAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public Guid? ReadById { get; private set; }

    public DateTime? ForwardedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Who finished, returned or forwarded it (for a unit recipient, the leader who acted).</summary>
    public Guid? ActedById { get; private set; }

    public string? ActedByName { get; private set; }

    /// <summary>The result note, the reason of a return or of a revocation.</summary>
    public string? Result { get; private set; }

    /// <summary>It came back to its holder because what they forwarded was returned.</summary>
    public bool CameBack { get; private set; }

    /// <summary>It came back to its holder after they forwarded it, for them to confirm a result or read the feedback.</summary>
    public AssignmentAwaiting Awaiting { get; private set; }

    /// <summary>For a unit with its own clerk: the register its clerk receives the record into (see <see cref="AssignmentStatus.AwaitingReceipt"/>).</summary>
    public Guid? ReceivingRegisterId { get; private set; }

    /// <summary>The working-day reminder before the deadline was sent (the day it was sent).</summary>
    public DateOnly? DueSoonRemindedOn { get; private set; }

    /// <summary>The overdue reminder was sent.</summary>
    public DateOnly? OverdueRemindedOn { get; private set; }

    /// <summary>Lead, support and routing assignments carry the work; "for information" ones only inform.</summary>
    public bool IsWork => Role != AssignmentRole.ForInformation;

    public bool IsOverdue(DateOnly today) => Status.IsActive() && DueDate is { } due && due < today;

    internal void MarkRead(Guid userId, DateTime now)
    {
        ReadAt ??= now;
        ReadById ??= userId;
    }

    internal void MarkForwarded(Actor actor, DateTime now)
    {
        ReadAt ??= now;
        ForwardedAt ??= now;
        if (Status == AssignmentStatus.Open)
        {
            Status = AssignmentStatus.Forwarded;
        }

        ActedById = actor.UserId;
        ActedByName = actor.DisplayName;
        CameBack = false;
        Awaiting = AssignmentAwaiting.None;
    }

    internal void SetInstructionGiven(string instruction) => InstructionGiven = instruction;

    internal void Close(AssignmentStatus status, Actor actor, string? result, DateTime now)
    {
        Status = status;
        Awaiting = AssignmentAwaiting.None;
        FinishedAt = now;
        ReadAt ??= now;
        ActedById = actor.UserId;
        ActedByName = actor.DisplayName;
        Result = result;
    }

    internal void Reopen()
    {
        Status = AssignmentStatus.Open;
        CameBack = true;
        FinishedAt = null;
    }

    /// <summary>What the holder forwarded has come back with a result or feedback: it waits for them again.</summary>
    internal void AwaitHolder(AssignmentAwaiting awaiting)
    {
        Status = AssignmentStatus.Open;
        Awaiting = awaiting;
    }

    /// <summary>The holder asked for the result again: back to forwarded, waiting for the one asked.</summary>
    internal void AwaitRework()
    {
        Status = AssignmentStatus.Forwarded;
        Awaiting = AssignmentAwaiting.None;
    }

    /// <summary>The holder's result was not accepted: the part is theirs again, to be handled and finished anew.</summary>
    internal void ReopenForRework()
    {
        Status = AssignmentStatus.Open;
        CameBack = true;
        FinishedAt = null;
    }

    /// <summary>The unit's clerk received it into the unit's register: the unit's leaders now hold it.</summary>
    internal void MarkReceived() => Status = AssignmentStatus.Open;

    /// <summary>Bàn giao: the assignment now belongs to the departing holder's successor.</summary>
    internal void ChangeRecipient(Guid userId, string name)
    {
        RecipientUserId = userId;
        RecipientName = name;
    }

    public void MarkDueSoonReminded(DateOnly today) => DueSoonRemindedOn = today;

    public void MarkOverdueReminded(DateOnly today) => OverdueRemindedOn = today;
}
