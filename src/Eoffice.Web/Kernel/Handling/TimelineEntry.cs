using Eoffice.Web.Platform.Jobs;

namespace Eoffice.Web.Kernel.Handling;

/// <summary>
/// One entry of a handled record's history (luồng xử lý, edXML <c>TraceHeaderList</c>): who did what, when, on behalf of
/// whom, with their words. Opinions and consultation feedback are entries too, possibly with a file. Each new entry is
/// also published, in the same transaction, as a <see cref="TimelineEvent"/> through the outbox (see
/// <see cref="IOutboxEventSource"/>): notifications, search, statistics and exchange status are its consumers.
/// </summary>
public abstract class TimelineEntry : IOutboxEventSource
{
    public const int KindMaxLength = 30;
    public const int TextMaxLength = 4000;

    private readonly Guid agencyId;

    protected TimelineEntry()
    {
        Kind = null!;
        ActorName = null!;
    }

    protected TimelineEntry(Guid ownerId, Guid agencyId, DateTime at, Actor actor, string kind, Guid? assignmentId, string? text)
        : this()
    {
        OwnerId = ownerId;
        this.agencyId = agencyId;
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

    /// <summary>The handled record this entry belongs to.</summary>
    public Guid OwnerId { get; private set; }

    public DateTime At { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Guid? OnBehalfOfId { get; private set; }

    public string? OnBehalfOfName { get; private set; }

    /// <summary>What happened: one of <see cref="HandlingEventKinds"/> or an owner's own kinds.</summary>
    public string Kind { get; private set; }

    /// <summary>The assignment the action was taken through (the actor's), if any.</summary>
    public Guid? AssignmentId { get; private set; }

    public string? Text { get; private set; }

    public Guid? FileId { get; private set; }

    /// <summary>Who acted, as recorded.</summary>
    public Actor Actor => new(ActorId, ActorName, OnBehalfOfId, OnBehalfOfName);

    /// <summary>Not stored: the assignments this action created or closed, for the published event.</summary>
    public IReadOnlyList<Guid> AffectedAssignments { get; private set; } = [];

    /// <summary>Not stored: the people this action concerns besides the tree (a person granted access), for the published event.</summary>
    public IReadOnlyList<Guid> AffectedPeople { get; private set; } = [];

    /// <summary>The stable name prefix of the owner's events, e.g. <c>documents.incoming</c>; the event is <c>{prefix}.{kind}</c>.</summary>
    protected abstract string EventPrefix { get; }

    public string EventName => $"{EventPrefix}.{Kind}";

    internal void AttachFile(Guid? fileId) => FileId = fileId;

    internal void Concerns(IEnumerable<Guid> assignments, IEnumerable<Guid>? people = null)
    {
        AffectedAssignments = assignments.ToList();
        AffectedPeople = people?.ToList() ?? [];
    }

    public OutboxEvent ToOutboxEvent() => new(EventName, new TimelineEvent(
        Guid.CreateVersion7(), EventName, OwnerId, agencyId, Kind, At, ActorId, ActorName, OnBehalfOfId, OnBehalfOfName, AssignmentId,
        AffectedAssignments, AffectedPeople, Text));
}

/// <summary>
/// A timeline entry as published to other modules (the event seam): <c>{owner prefix}.{kind}</c>, e.g.
/// <c>documents.incoming.forwarded</c>. <see cref="EventId"/> is unique per publication, for consumers to tolerate a
/// repeat delivery.
/// </summary>
public sealed record TimelineEvent(
    Guid EventId,
    string Name,
    Guid OwnerId,
    Guid AgencyId,
    string Kind,
    DateTime At,
    Guid ActorId,
    string ActorName,
    Guid? OnBehalfOfId,
    string? OnBehalfOfName,
    Guid? AssignmentId,
    IReadOnlyList<Guid> AssignmentIds,
    IReadOnlyList<Guid> PersonIds,
    string? Text)
{
    public string ActorDisplayName => Actor.DisplayNameOf(ActorName, OnBehalfOfName);
}

/// <summary>The kinds of entries every handling tree writes; owners add their own (registered, cancelled…).</summary>
public static class HandlingEventKinds
{
    public const string Presented = "presented";
    public const string Forwarded = "forwarded";
    public const string Returned = "returned";
    public const string Opinion = "opinion";
    public const string Feedback = "feedback";
    public const string Finished = "finished";
    public const string Closed = "closed";
    public const string Revoked = "revoked";
    public const string Granted = "granted";
    public const string HandedOver = "handover";
    public const string Confirmed = "confirmed";
    public const string ReworkRequested = "rework";
    public const string Received = "received";

    public static IReadOnlyList<string> All { get; } =
        [Presented, Forwarded, Returned, Opinion, Feedback, Finished, Closed, Revoked, Granted, HandedOver, Confirmed, ReworkRequested, Received];

    public static string? Name(string kind) => kind switch
    {
        Presented => "Trình",
        Forwarded => "Chuyển xử lý",
        Returned => "Trả lại",
        Opinion => "Ý kiến",
        Feedback => "Ý kiến góp ý",
        Finished => "Hoàn thành",
        Closed => "Kết thúc",
        Revoked => "Thu hồi",
        Granted => "Chia sẻ",
        HandedOver => "Bàn giao",
        Confirmed => "Xác nhận kết quả",
        ReworkRequested => "Yêu cầu xử lý lại",
        Received => "Tiếp nhận",
        _ => null,
    };
}

/// <summary>
/// One reason for someone to see a handled record: a participant (person), a recipient unit (its leaders) or an
/// explicit grant. Every list and every read is filtered by these rows (plus whatever the owner adds: a register's
/// keepers, trackers, delegates); anyone else is answered 404.
/// </summary>
public abstract class AccessEntry
{
    protected AccessEntry()
    {
    }

    protected AccessEntry(Guid ownerId, Guid agencyId, Guid principalId, AccessReason reason)
    {
        OwnerId = ownerId;
        AgencyId = agencyId;
        PrincipalId = principalId;
        Reason = reason;
    }

    public Guid OwnerId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>A person's id, or a unit's id for <see cref="AccessReason.RecipientUnit"/>.</summary>
    public Guid PrincipalId { get; private set; }

    public AccessReason Reason { get; private set; }
}
