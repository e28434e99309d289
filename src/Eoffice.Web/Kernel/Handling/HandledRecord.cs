using System.Globalization;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Kernel.Handling;

/// <summary>
/// A record handled through a tree of <see cref="Assignment"/>s (văn bản đến, giao việc, hồ sơ một cửa): who holds it,
/// in which role, by when, and how it came back or ended; its history (<typeparamref name="TEntry"/>) and its access
/// list (<typeparamref name="TAccess"/>) are kept in step with every action. Each action has a <c>CanX</c> check that
/// returns the broken rule (or <c>null</c>): the action throws it, and the list of actions a page offers is a filter over
/// the same checks. <see cref="Version"/> is the concurrency token: two people acting on the same record at once get
/// one success and one conflict.
/// </summary>
/// <remarks>
/// An owner derives from this class with its own assignment, entry and access types (each mapped to the owner's tables),
/// creates them in the three factory methods, and adds what only it knows: its own state (registered, cancelled…),
/// <see cref="CanHandle"/>, and the hooks that keep its fields in step with the tree.
/// </remarks>
public abstract class HandledRecord<TAssignment, TEntry, TAccess>
    where TAssignment : Assignment
    where TEntry : TimelineEntry
    where TAccess : AccessEntry
{
    public const string EndedMessage = "Phần xử lý này đã kết thúc; không thể thực hiện thao tác.";

    private readonly List<TAssignment> assignments = [];
    private readonly List<TEntry> events = [];
    private readonly List<TAccess> access = [];

    public Guid Id { get; protected set; }

    public Guid AgencyId { get; protected set; }

    public int Version { get; private set; }

    public IReadOnlyList<TAssignment> Assignments => assignments;

    /// <summary>The history (luồng xử lý), oldest first.</summary>
    public IReadOnlyList<TEntry> Events => events;

    public IReadOnlyList<TAccess> Access => access;

    /// <summary>What the record is called in messages ("văn bản", "công việc", "hồ sơ").</summary>
    protected virtual string Noun => "văn bản";

    /// <summary>Whether recipients answer it with consultation feedback (góp ý).</summary>
    protected virtual bool AsksForComments => false;

    // ---- factories and hooks ----------------------------------------------------------------------------------------

    protected abstract TAssignment CreateAssignment(Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now);

    protected abstract TEntry CreateEntry(DateTime at, Actor actor, string kind, Guid? assignmentId, string? text);

    protected abstract TAccess CreateAccess(Guid principalId, AccessReason reason);

    /// <summary>The record's own state allows handling now (not cancelled, not closed…); <c>null</c> when it does.</summary>
    protected virtual BrokenRule? CanHandle() => null;

    /// <summary>After every change of the tree: the owner refreshes what it derives from it (its status, its recipients).</summary>
    protected virtual void OnTreeChanged(DateTime now)
    {
    }

    /// <summary>After a forward: e.g. a document takes the lead's deadline as its own.</summary>
    protected virtual void OnForwarded(TAssignment from, IReadOnlyList<TAssignment> created)
    {
    }

    /// <summary>After a root was returned to whoever started the handling (a document goes back to its clerks).</summary>
    protected virtual void OnRootReturned()
    {
    }

    // ---- checks ------------------------------------------------------------------------------------------------------

    /// <summary>Whether the handling may start now with a root assignment (the owner checks who may start it).</summary>
    protected BrokenRule? CanStart()
    {
        if (CanHandle() is { } rule)
        {
            return rule;
        }

        return assignments.Any(a => a.ParentId is null && a.Status.IsActive())
            ? BrokenRule.Conflict($"{Capitalised(Noun)} đã được trình và đang được xử lý.")
            : null;
    }

    /// <summary>Chuyển xử lý: the party holds an active assignment that may be forwarded.</summary>
    public BrokenRule? CanForward(IHandlingParty party, Guid? assignmentId = null) =>
        CanHandle() ?? Holding(party, assignmentId, out var held) ?? (held.Any(h => h.Assignment.IsWork)
            ? null
            : BrokenRule.Invalid($"{Capitalised(Noun)} nhận để biết không chuyển xử lý tiếp được; hãy chọn \"Kết thúc\"."));

    /// <summary>Trả lại: the party holds an assignment still waiting for them (not yet forwarded).</summary>
    public BrokenRule? CanReturn(IHandlingParty party, Guid? assignmentId = null) =>
        CanHandle() ?? Holding(party, assignmentId, out var held) ?? (held.Any(h => h.Assignment.Status == AssignmentStatus.Open)
            ? null
            : BrokenRule.Conflict($"Chỉ trả lại được {Noun} đang chờ bạn xử lý."));

    /// <summary>Hoàn thành / Kết thúc: the party holds an active assignment (one with a result to confirm is confirmed instead).</summary>
    public BrokenRule? CanFinish(IHandlingParty party, Guid? assignmentId = null) =>
        CanHandle() ?? Holding(party, assignmentId, out var held) ?? (held.All(h => h.Assignment.Awaiting == AssignmentAwaiting.ResultConfirmation)
            ? BrokenRule.Conflict("Kết quả xử lý đang chờ bạn xác nhận: hãy chọn \"Xác nhận kết quả\" hoặc \"Yêu cầu xử lý lại\".")
            : null);

    /// <summary>Xác nhận kết quả / Yêu cầu xử lý lại: the party holds an assignment whose result came back for them to confirm.</summary>
    public BrokenRule? CanConfirmResult(IHandlingParty party, Guid? assignmentId = null) =>
        CanHandle() ?? Holding(party, assignmentId, out var held) ?? (held.Any(h => h.Assignment.Awaiting == AssignmentAwaiting.ResultConfirmation)
            ? null
            : BrokenRule.Conflict("Không có kết quả xử lý nào đang chờ bạn xác nhận."));

    /// <summary>Góp ý: the record asks for comments and the party holds an active assignment.</summary>
    public BrokenRule? CanGiveFeedback(IHandlingParty party, Guid? assignmentId = null) =>
        CanHandle() ?? (AsksForComments ? null : BrokenRule.Invalid($"{Capitalised(Noun)} này không phải {Noun} xin ý kiến góp ý."))
        ?? Holding(party, assignmentId, out _);

    /// <summary>Thêm ý kiến: anyone who may see the record may add an opinion while it is handled.</summary>
    public BrokenRule? CanAddOpinion(IHandlingParty party) => CanHandle();

    /// <summary>Thu hồi: the party sent <paramref name="assignmentId"/> (or, without one, any active assignment) and it is still active.</summary>
    public BrokenRule? CanRevoke(IHandlingParty party, Guid? assignmentId = null)
    {
        if (CanHandle() is { } rule)
        {
            return rule;
        }

        if (assignmentId is null)
        {
            return assignments.Any(a => a.Status.IsActive() && party.SenderFor(a) is not null)
                ? null
                : BrokenRule.Forbidden("Chỉ người đã chuyển mới thu hồi được.");
        }

        var assignment = assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (assignment is null)
        {
            return BrokenRule.NotFound();
        }

        if (party.SenderFor(assignment) is null)
        {
            return BrokenRule.Forbidden("Chỉ người đã chuyển mới thu hồi được.");
        }

        return assignment.Status.IsActive() ? null : BrokenRule.Conflict("Người nhận đã xử lý xong; không thể thu hồi.");
    }

    /// <summary>Phân công lại: as <see cref="CanRevoke"/>, for an assignment that was forwarded (a presentation is taken back, then presented again).</summary>
    public BrokenRule? CanReassign(IHandlingParty party, Guid assignmentId) =>
        CanRevoke(party, assignmentId) ?? (assignments.First(a => a.Id == assignmentId).ParentId is null
            ? BrokenRule.Invalid($"{Capitalised(Noun)} trình lãnh đạo được thu hồi rồi trình lại.")
            : null);

    // ---- actions -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Starts the handling: the first hop (a clerk presents to a leader, a leader gives a task). Recorded as
    /// <paramref name="kind"/> with "<paramref name="verb"/> {recipient}.".
    /// </summary>
    protected TAssignment Start(Actor sender, AssignmentTarget target, string? note, DateTime now, string kind = HandlingEventKinds.Presented,
        string verb = "Trình")
    {
        CanStart().ThrowIfBroken();
        var assignment = NewAssignment(null, sender, target, note, now);
        Record(sender, now, kind, assignment.Id, JoinNote($"{verb} {target.Name}.", note)).Concerns([assignment.Id]);
        OnTreeChanged(now);
        return assignment;
    }

    /// <summary>
    /// Chuyển / phân công: the party writes a direction (bút phê) and sends the record from the assignment they hold to
    /// people or units, each in a role with its own deadline; their assignment becomes "đang xử lý". At most one lead
    /// (chủ trì) may be active under one assignment. What the request itself gets wrong is invalid; what clashes with the
    /// record as it stands now (someone — perhaps another leader of the same unit a moment ago — already sent it to this
    /// recipient or to a lead) is a conflict.
    /// </summary>
    public IReadOnlyList<TAssignment> Forward(IHandlingParty party, Guid? assignmentId, IReadOnlyList<AssignmentTarget> targets, string? instruction,
        DateTime now)
    {
        var (from, sender) = ForwardingFrom(party, assignmentId);
        return ForwardFrom(from, sender, targets, instruction, now);
    }

    /// <summary>
    /// The assignment a forward by <paramref name="party"/> leaves from, and as whom they act (a delegate forwards under
    /// the delegator's routing rules); throws the broken rule when they may not forward.
    /// </summary>
    public (TAssignment Assignment, Actor Actor) ForwardingFrom(IHandlingParty party, Guid? assignmentId)
    {
        CanForward(party, assignmentId).ThrowIfBroken();
        return Held(party, assignmentId).First(h => h.Assignment.IsWork);
    }

    /// <summary>Trả lại: the holder sends the record back to whoever sent it, with a reason (regulation 003 Điều 5.6).</summary>
    public TAssignment Return(IHandlingParty party, Guid? assignmentId, string reason, DateTime now)
    {
        CanReturn(party, assignmentId).ThrowIfBroken();
        var (assignment, actor) = Held(party, assignmentId).First(h => h.Assignment.Status == AssignmentStatus.Open);
        assignment.Close(AssignmentStatus.Returned, actor, reason, now);
        ReopenParentIfIdle(assignment);
        if (assignment.ParentId is null)
        {
            OnRootReturned();
        }

        Record(actor, now, HandlingEventKinds.Returned, assignment.Id, $"Trả lại {assignment.SenderName}. Lý do: {reason}").Concerns([assignment.Id]);
        OnTreeChanged(now);
        return assignment;
    }

    /// <summary>
    /// Hoàn thành (Kết thúc for a for-information part): the holder finishes their part with a result note (and the
    /// owner's <paramref name="note"/>). Finishing ends what they forwarded and is still open below; then the lines above
    /// settle (<see cref="Settle"/>): a line that only waited for this part closes, or comes back to its holder to
    /// confirm the result when the <paramref name="rules"/> say so.
    /// </summary>
    public TAssignment Finish(IHandlingParty party, Guid? assignmentId, string? result, string? note, DateTime now, HandlingRules? rules = null)
    {
        CanFinish(party, assignmentId).ThrowIfBroken();
        var (assignment, actor) = Held(party, assignmentId).First(h => h.Assignment.Awaiting != AssignmentAwaiting.ResultConfirmation);
        var closed = CloseTree(assignment, actor, result, now);
        var information = assignment.Role == AssignmentRole.ForInformation;
        var entry = Record(actor, now, information ? HandlingEventKinds.Closed : HandlingEventKinds.Finished, assignment.Id,
            JoinNote(information ? "Kết thúc (nhận để biết)." : "Hoàn thành xử lý.", JoinNote(result, note)));
        entry.Concerns([.. closed, .. Settle(assignment, Outcome.Finished, actor, rules ?? HandlingRules.Default, now)]);
        OnTreeChanged(now);
        return assignment;
    }

    /// <summary>
    /// Xác nhận kết quả: the holder accepts the result that came back to them; their part closes with it and the lines
    /// above settle as if they had finished.
    /// </summary>
    public TAssignment ConfirmResult(IHandlingParty party, Guid? assignmentId, string? note, DateTime now, HandlingRules? rules = null)
    {
        CanConfirmResult(party, assignmentId).ThrowIfBroken();
        var (assignment, actor) = Held(party, assignmentId).First(h => h.Assignment.Awaiting == AssignmentAwaiting.ResultConfirmation);
        var by = FinishedChild(assignment);
        var result = note ?? by?.Result;
        assignment.Close(AssignmentStatus.Done, actor, result, now);
        var entry = Record(actor, now, HandlingEventKinds.Confirmed, assignment.Id,
            JoinNote(by is null ? "Xác nhận kết quả xử lý." : $"Xác nhận kết quả xử lý của {by.RecipientName}.", note));
        entry.Concerns([assignment.Id, .. Settle(assignment, Outcome.Finished, actor, rules ?? HandlingRules.Default, now)]);
        OnTreeChanged(now);
        return assignment;
    }

    /// <summary>
    /// Yêu cầu xử lý lại: the holder does not accept the result that came back to them; the part of the person who
    /// finished it opens again for them, with the reason, and the holder's part waits for it again.
    /// </summary>
    public TAssignment RequestRework(IHandlingParty party, Guid? assignmentId, string reason, DateTime now)
    {
        CanConfirmResult(party, assignmentId).ThrowIfBroken();
        var (assignment, actor) = Held(party, assignmentId).First(h => h.Assignment.Awaiting == AssignmentAwaiting.ResultConfirmation);
        var child = FinishedChild(assignment) ?? throw RuleException.Conflict("Không tìm thấy phần xử lý đã hoàn thành để yêu cầu xử lý lại.");
        child.ReopenForRework();
        assignment.AwaitRework();
        Record(actor, now, HandlingEventKinds.ReworkRequested, assignment.Id, $"Yêu cầu {child.RecipientName} xử lý lại. Lý do: {reason}")
            .Concerns([child.Id]);
        OnTreeChanged(now);
        return child;
    }

    /// <summary>Chuyển ý kiến đóng góp: the answer to a record that asks for comments; it finishes the holder's part.</summary>
    public TEntry GiveFeedback(IHandlingParty party, Guid? assignmentId, string text, Guid? fileId, DateTime now)
    {
        CanGiveFeedback(party, assignmentId).ThrowIfBroken();
        var (assignment, actor) = Held(party, assignmentId).First();
        var entry = Record(actor, now, HandlingEventKinds.Feedback, assignment.Id, text);
        entry.AttachFile(fileId);

        // Feedback ends the giver's own part only: it goes back to whoever asked for it, who reads it and decides.
        entry.Concerns([.. CloseTree(assignment, actor, "Đã chuyển ý kiến góp ý.", now), .. Settle(assignment, Outcome.Feedback, actor, HandlingRules.Default, now)]);
        OnTreeChanged(now);
        return entry;
    }

    /// <summary>
    /// Thêm ý kiến xử lý: an opinion joins the history, tied to the party's assignment when they hold (or held) one,
    /// written as whom they held it.
    /// </summary>
    public TEntry AddOpinion(IHandlingParty party, Guid? assignmentId, string text, Guid? fileId, DateTime now)
    {
        CanAddOpinion(party).ThrowIfBroken();
        var held = assignments.Where(a => (assignmentId is null || a.Id == assignmentId) && party.ActorFor(a) is not null)
            .OrderBy(a => a.Status.IsActive() ? 0 : 1).ThenByDescending(a => a.SentAt).FirstOrDefault();
        var actor = held is null ? party.Self : party.ActorFor(held)!;
        var entry = Record(actor, now, HandlingEventKinds.Opinion, held?.Id, text);
        entry.AttachFile(fileId);
        return entry;
    }

    /// <summary>Thu hồi: the sender takes back an assignment they sent (and whatever it was forwarded to).</summary>
    public TAssignment Revoke(IHandlingParty party, Guid assignmentId, string? reason, DateTime now)
    {
        CanRevoke(party, assignmentId).ThrowIfBroken();
        var assignment = assignments.First(a => a.Id == assignmentId);
        RevokeTree(assignment, party.SenderFor(assignment)!, reason, now);
        OnTreeChanged(now);
        return assignment;
    }

    /// <summary>Phân công lại: takes an assignment back and sends the record from its parent to others, in one step.</summary>
    public IReadOnlyList<TAssignment> Reassign(IHandlingParty party, Guid assignmentId, string? reason, IReadOnlyList<AssignmentTarget> targets,
        string? instruction, DateTime now)
    {
        CanReassign(party, assignmentId).ThrowIfBroken();
        var assignment = assignments.First(a => a.Id == assignmentId);
        var sender = party.SenderFor(assignment)!;
        RevokeTree(assignment, sender, reason, now);
        var parent = assignments.First(a => a.Id == assignment.ParentId);
        return ForwardFrom(parent, sender, targets, instruction, now);
    }

    /// <summary>
    /// Marks read the active, unread assignments addressed to the reader (<paramref name="addressedToReader"/>: to them, or
    /// to a unit they lead) the first time they open the record; <paramref name="readerId"/> is recorded as who read it.
    /// </summary>
    public bool MarkRead(Guid readerId, Func<Assignment, bool> addressedToReader, DateTime now)
    {
        var changed = false;
        foreach (var a in assignments.Where(a => a.Status.IsActive() && a.ReadAt is null && addressedToReader(a)))
        {
            a.MarkRead(readerId, now);
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Bàn giao (regulation 001 Điều 9.1): the active assignments addressed to a departing person move to their
    /// successor, who from now on sees and handles them; the history records the handover.
    /// </summary>
    public IReadOnlyList<TAssignment> HandOver(Guid fromUserId, string fromName, AssignmentTarget successor, Actor actor, DateTime now)
    {
        if (successor.UserId is not { } toUserId)
        {
            throw RuleException.Invalid($"{Capitalised(Noun)} được bàn giao cho một người cụ thể.");
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

        Record(actor, now, HandlingEventKinds.HandedOver, moved[0].Id, $"Bàn giao phần xử lý của {fromName} cho {successor.Name}.")
            .Concerns(moved.Select(a => a.Id), [toUserId]);
        OnTreeChanged(now);
        return moved;
    }

    /// <summary>
    /// Tiếp nhận: the clerk of a unit with its own register received the record into it (the owner checks the register and
    /// numbers it): the unit's part, waiting for them, now goes to the unit's leaders.
    /// </summary>
    protected TEntry Receive(Actor clerk, TAssignment assignment, string text, DateTime now)
    {
        CanHandle().ThrowIfBroken();
        if (assignment.Status != AssignmentStatus.AwaitingReceipt)
        {
            throw RuleException.Conflict($"{Capitalised(Noun)} đã được tiếp nhận hoặc không còn chờ tiếp nhận.");
        }

        assignment.MarkReceived();
        var entry = Record(clerk, now, HandlingEventKinds.Received, assignment.Id, text);
        entry.Concerns([assignment.Id]);
        OnTreeChanged(now);
        return entry;
    }

    /// <summary>Chia sẻ: gives a person the right to see the record (an explicit grant); granting twice changes nothing.</summary>
    protected void Grant(Actor actor, Guid userId, string userName, DateTime now)
    {
        if (access.Any(a => a.PrincipalId == userId && a.Reason == AccessReason.Grant))
        {
            return;
        }

        AddAccess(userId, AccessReason.Grant);
        Record(actor, now, HandlingEventKinds.Granted, null, $"Cho {userName} xem {Noun}.").Concerns([], [userId]);
    }

    /// <summary>
    /// Ends a root and what is still active below it in one stroke, for owners whose roots are the steps of a chain (an
    /// outgoing draft's approval): approved (<see cref="AssignmentStatus.Done"/>: the requests for comments below end with
    /// it) or sent back (<see cref="AssignmentStatus.Returned"/>: they are taken back). The ids closed.
    /// </summary>
    protected IReadOnlyList<Guid> CloseStep(TAssignment root, AssignmentStatus status, Actor actor, string? result, DateTime now)
    {
        CanHandle().ThrowIfBroken();
        var below = SubtreeOf(root).Where(a => a != root && a.Status.IsActive()).ToList();
        foreach (var a in below)
        {
            a.Close(status == AssignmentStatus.Done ? AssignmentStatus.Done : AssignmentStatus.Revoked, actor,
                status == AssignmentStatus.Done ? "Kết thúc theo bước trình duyệt." : "Thu hồi do dự thảo đã được trả lại.", now);
        }

        root.Close(status, actor, result, now);
        Touch();
        return [root.Id, .. below.Select(a => a.Id)];
    }

    /// <summary>Ends every active assignment as taken back (the record itself was cancelled).</summary>
    protected IReadOnlyList<Guid> RevokeAll(Actor actor, string result, DateTime now)
    {
        var active = assignments.Where(a => a.Status.IsActive()).ToList();
        foreach (var a in active)
        {
            a.Close(AssignmentStatus.Revoked, actor, result, now);
        }

        return active.Select(a => a.Id).ToList();
    }

    // ---- queries -----------------------------------------------------------------------------------------------------

    public TAssignment GetAssignment(Guid assignmentId) =>
        assignments.FirstOrDefault(a => a.Id == assignmentId) ?? throw RuleException.NotFound();

    /// <summary>
    /// The lead's (chủ trì) deadline for a forward from <paramref name="from"/> to <paramref name="targets"/>: the lead's
    /// among the targets, or — when they name none — that of the lead already active under <paramref name="from"/>.
    /// </summary>
    public DateOnly? LeadDueDate(Assignment from, IReadOnlyList<AssignmentTarget> targets) =>
        targets.FirstOrDefault(t => t.Role == AssignmentRole.Lead) is { } lead
            ? lead.DueDate
            : assignments.FirstOrDefault(a => a.ParentId == from.Id && a.Role == AssignmentRole.Lead && a.Status.IsActive())?.DueDate;

    /// <summary>
    /// The supports (phối hợp) of a forward from <paramref name="from"/> due after its lead: they would contribute after
    /// the result is due, which the sender should confirm.
    /// </summary>
    public IReadOnlyList<AssignmentTarget> SupportsDueAfterLead(Assignment from, IReadOnlyList<AssignmentTarget> targets) =>
        LeadDueDate(from, targets) is { } leadDue ? [.. targets.Where(t => t.Role == AssignmentRole.Support && t.DueDate > leadDue)] : [];

    /// <summary>
    /// The active assignments <paramref name="party"/> may act on (the one named, or all of them), in the order an
    /// action picks from: their own before a delegator's, a person's before a unit's, the newest first.
    /// </summary>
    public IReadOnlyList<(TAssignment Assignment, Actor Actor)> Held(IHandlingParty party, Guid? assignmentId = null) =>
        assignments
            .Where(a => a.Status.IsActive() && a.Status != AssignmentStatus.AwaitingReceipt && (assignmentId is null || a.Id == assignmentId))
            .Select(a => (Assignment: a, Actor: party.ActorFor(a)))
            .Where(x => x.Actor is not null)
            .OrderBy(x => x.Actor!.OnBehalfOfId is null ? 0 : 1)
            .ThenBy(x => x.Assignment.RecipientUserId == party.UserId ? 0 : 1)
            .ThenByDescending(x => x.Assignment.SentAt)
            .Select(x => (x.Assignment, x.Actor!))
            .ToList();

    /// <summary>Every assignment below <paramref name="root"/>, itself included.</summary>
    public IEnumerable<TAssignment> SubtreeOf(Assignment root)
    {
        var stack = new Stack<TAssignment>([(TAssignment)root]);
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

    /// <summary>Where the handling as a whole stands: any active work, then any work done, then anything active at all.</summary>
    protected HandlingProgress Progress()
    {
        var work = assignments.Where(a => a.IsWork).ToList();
        if (work.Any(a => a.Status.IsActive()))
        {
            return HandlingProgress.InProgress;
        }

        if (work.Any(a => a.Status == AssignmentStatus.Done))
        {
            return HandlingProgress.Finished;
        }

        return assignments.Any(a => a.Status.IsActive()) ? HandlingProgress.InProgress : HandlingProgress.NotStarted;
    }

    // ---- internals ---------------------------------------------------------------------------------------------------

    /// <summary>Adds an entry to the history (and marks the record changed).</summary>
    protected TEntry Record(Actor actor, DateTime now, string kind, Guid? assignmentId, string? text)
    {
        var e = CreateEntry(now, actor, kind, assignmentId, text);
        events.Add(e);
        Touch();
        return e;
    }

    protected void AddAccess(Guid principalId, AccessReason reason)
    {
        if (!access.Any(a => a.PrincipalId == principalId && a.Reason == reason))
        {
            access.Add(CreateAccess(principalId, reason));
        }
    }

    /// <summary>Marks the record changed: its concurrency token moves.</summary>
    protected void Touch() => Version++;

    protected static string? JoinNote(string? first, string? second) =>
        string.IsNullOrWhiteSpace(second) ? first : string.IsNullOrWhiteSpace(first) ? second : $"{first} {second}";

    private BrokenRule? Holding(IHandlingParty party, Guid? assignmentId, out IReadOnlyList<(TAssignment Assignment, Actor Actor)> held)
    {
        held = Held(party, assignmentId);
        if (held.Count > 0)
        {
            return null;
        }

        // The party's unit has it, but the unit's clerk has not received it yet.
        var theirs = assignments.Where(a => (assignmentId is null || a.Id == assignmentId) && party.ActorFor(a) is not null).ToList();
        if (theirs.Any(a => a.Status == AssignmentStatus.AwaitingReceipt))
        {
            return BrokenRule.Conflict($"{Capitalised(Noun)} đang chờ văn thư của đơn vị tiếp nhận; lãnh đạo đơn vị xử lý sau khi văn thư trình.");
        }

        // The party held a part here that has ended meanwhile (a colleague of the unit finished or forwarded it, the
        // sender took it back): the record moved on under them, which is a conflict, not a lack of rights.
        return theirs.Count > 0
            ? BrokenRule.Conflict(EndedMessage)
            : BrokenRule.Forbidden($"Bạn không có {Noun} này để xử lý.");
    }

    private IReadOnlyList<TAssignment> ForwardFrom(TAssignment from, Actor sender, IReadOnlyList<AssignmentTarget> targets, string? instruction, DateTime now)
    {
        if (targets.Count == 0)
        {
            throw RuleException.Invalid("Vui lòng chọn người hoặc đơn vị nhận.", "targets");
        }

        if (targets.Count(t => t.Role == AssignmentRole.Lead) > 1)
        {
            throw RuleException.Invalid("Chỉ chọn một đơn vị hoặc một người chủ trì xử lý.", "targets");
        }

        var duplicates = targets.GroupBy(t => (t.UserId, t.UnitId)).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw RuleException.Invalid($"{duplicates[0].First().Name} được chọn hai lần.", "targets");
        }

        foreach (var t in targets)
        {
            if (t.UserId is { } u && (u == from.RecipientUserId || u == sender.ResponsibleId))
            {
                throw RuleException.Invalid($"Không thể chuyển {Noun} cho chính mình.", "targets");
            }

            if (t.DueDate is { } due && due < DateOnly.FromDateTime(now.AddHours(7)))
            {
                throw RuleException.Invalid($"Hạn xử lý của {t.Name} đã qua.", "targets");
            }

            if (t.Role == AssignmentRole.ForInformation && t.DueDate is not null)
            {
                throw RuleException.Invalid($"{t.Name} nhận để biết: không đặt hạn xử lý.", "targets");
            }
        }

        // A support (phối hợp) given no deadline of its own contributes by the lead's.
        var leadDue = LeadDueDate(from, targets);
        targets = [.. targets.Select(t => t.Role == AssignmentRole.Support && t.DueDate is null ? t with { DueDate = leadDue } : t)];

        var activeBelow = assignments.Where(a => a.ParentId == from.Id && a.Status.IsActive()).ToList();
        foreach (var t in targets)
        {
            if (activeBelow.Any(a => a.RecipientUserId == t.UserId && a.RecipientUnitId == t.UnitId))
            {
                throw RuleException.Conflict($"{t.Name} đang xử lý {Noun} này theo chuyển của bạn.");
            }
        }

        if (targets.Any(t => t.Role == AssignmentRole.Lead) && activeBelow.FirstOrDefault(a => a.Role == AssignmentRole.Lead) is { } activeLead)
        {
            throw RuleException.Conflict(
                $"{activeLead.RecipientName} đang chủ trì xử lý {Noun} này theo chuyển của bạn. Hãy thu hồi trước khi giao chủ trì cho người khác.");
        }

        var created = targets.Select(t => NewAssignment(from, sender, t, instruction, now)).ToList();
        from.MarkForwarded(sender, now);
        if (instruction is not null)
        {
            from.SetInstructionGiven(instruction);
        }

        OnForwarded(from, created);
        Record(sender, now, HandlingEventKinds.Forwarded, from.Id,
            JoinNote("Chuyển: " + string.Join("; ", created.Select(a => $"{a.RecipientName} ({HandlingNames.Name(a.Role)}{(a.DueDate is { } d ? ", hạn " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "")})")), instruction))
            .Concerns(created.Select(a => a.Id));
        OnTreeChanged(now);
        return created;
    }

    private void RevokeTree(TAssignment assignment, Actor actor, string? reason, DateTime now)
    {
        var revoked = SubtreeOf(assignment).Where(a => a.Status.IsActive()).ToList();
        foreach (var a in revoked)
        {
            a.Close(AssignmentStatus.Revoked, actor, reason, now);
        }

        ReopenParentIfIdle(assignment);
        Record(actor, now, HandlingEventKinds.Revoked, assignment.Id, JoinNote($"Thu hồi {Noun} đã chuyển cho {assignment.RecipientName}.", reason))
            .Concerns(revoked.Select(a => a.Id));
    }

    private TAssignment NewAssignment(Assignment? parent, Actor sender, AssignmentTarget target, string? instruction, DateTime now)
    {
        var assignment = CreateAssignment(parent, sender, target, instruction, now);
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

        if (target.ReceivingRegisterId is { } register)
        {
            AddAccess(register, AccessReason.Registry);
        }

        return assignment;
    }

    /// <summary>
    /// Closes the holder's part and the work they forwarded that is still open below (they answered for it); the ids
    /// closed. "Nhận để biết" below stays with its readers: there is nothing to answer for, only to read.
    /// </summary>
    private List<Guid> CloseTree(TAssignment assignment, Actor actor, string? result, DateTime now)
    {
        var below = SubtreeOf(assignment).Where(a => a != assignment && a.Status.IsActive() && a.IsWork).ToList();
        foreach (var a in below)
        {
            a.Close(AssignmentStatus.Done, actor, "Hoàn thành theo cấp trên.", now);
        }

        assignment.Close(AssignmentStatus.Done, actor, result, now);
        return [assignment.Id, .. below.Select(a => a.Id)];
    }

    private enum Outcome
    {
        Finished,
        Feedback,
    }

    private static bool IsMain(Assignment a) => a.Role is AssignmentRole.Lead or AssignmentRole.Direct;

    /// <summary>
    /// After <paramref name="ended"/> ended, the lines above it that were forwarded and waited for it settle, so that
    /// every line ends in a defined state and a holder's "Đang xử lý" holds only what others still work on:
    /// <list type="bullet">
    /// <item>while a lead or routing part below a line is still active, the line waits;</item>
    /// <item>feedback goes back to whoever asked for it once every work part below has answered (the line opens for them
    /// to read it, <see cref="AssignmentAwaiting.FeedbackReview"/>) — it never completes the lines above;</item>
    /// <item>a lead or routing part finished: a unit's part comes back to the unit's leaders to confirm the result when
    /// <see cref="HandlingRules.UnitHeadsConfirmResults"/>, a support part comes back to its holder (the result of a
    /// support is theirs to send), otherwise the line closes and the one above settles in turn;</item>
    /// <item>only supports below, all ended: the results come back to the holder to confirm;</item>
    /// <item>only for-information parts below, all ended: nothing is left to wait for, the line closes (and the one above settles).</item>
    /// </list>
    /// Returns the ids of the lines it closed or opened.
    /// </summary>
    private List<Guid> Settle(TAssignment ended, Outcome outcome, Actor actor, HandlingRules rules, DateTime now)
    {
        var changed = new List<Guid>();
        var child = ended;
        var parent = assignments.FirstOrDefault(a => a.Id == child.ParentId);
        while (parent is { Status: AssignmentStatus.Forwarded })
        {
            var below = assignments.Where(a => a.ParentId == parent.Id).ToList();
            if (below.Any(a => a.Status.IsActive() && IsMain(a)))
            {
                break;
            }

            var anyActive = below.Any(a => a.Status.IsActive());
            if (outcome == Outcome.Feedback)
            {
                if (!below.Any(a => a.Status.IsActive() && a.IsWork))
                {
                    parent.AwaitHolder(AssignmentAwaiting.FeedbackReview);
                    changed.Add(parent.Id);
                }

                break;
            }

            var mainDone = IsMain(child) && child.Status == AssignmentStatus.Done;
            if (mainDone || (!anyActive && !below.Any(a => a.IsWork)))
            {
                if ((rules.UnitHeadsConfirmResults && parent.RecipientUnitId is not null && mainDone) || !IsMain(parent))
                {
                    parent.AwaitHolder(AssignmentAwaiting.ResultConfirmation);
                    changed.Add(parent.Id);
                    break;
                }

                parent.Close(AssignmentStatus.Done, actor,
                    mainDone ? $"Hoàn thành: {child.RecipientName} đã xử lý xong." : "Kết thúc: văn bản chỉ chuyển để biết.", now);
                changed.Add(parent.Id);
                child = parent;
                parent = assignments.FirstOrDefault(a => a.Id == child.ParentId);
                continue;
            }

            if (!anyActive)
            {
                // Only supports below, all ended: their results come back to the holder.
                parent.AwaitHolder(AssignmentAwaiting.ResultConfirmation);
                changed.Add(parent.Id);
            }

            break;
        }

        return changed;
    }

    /// <summary>The lead or routing part below <paramref name="assignment"/> that finished last (whose result it waits to confirm), else the last support.</summary>
    private TAssignment? FinishedChild(TAssignment assignment) =>
        assignments.Where(a => a.ParentId == assignment.Id && a.Status == AssignmentStatus.Done)
            .OrderBy(a => IsMain(a) ? 0 : 1).ThenByDescending(a => a.FinishedAt).FirstOrDefault();

    private void ReopenParentIfIdle(TAssignment child)
    {
        var parent = assignments.FirstOrDefault(a => a.Id == child.ParentId);
        if (parent is { Status: AssignmentStatus.Forwarded } && !assignments.Any(a => a.ParentId == parent.Id && a.Status.IsActive()))
        {
            parent.Reopen();
        }
    }

    private static string Capitalised(string noun) => noun.Length == 0 ? noun : char.ToUpper(noun[0], CultureInfo.GetCultureInfo("vi-VN")) + noun[1..];
}
