namespace Eoffice.Web.Kernel.Handling;

/// <summary>
/// Who performs an action in a handling tree: the signed-in person, and — when they act under a delegation (ủy quyền) —
/// the person whose right they use. An action on behalf of someone records both names.
/// </summary>
public sealed record Actor(Guid UserId, string Name, Guid? OnBehalfOfId = null, string? OnBehalfOfName = null)
{
    /// <summary>The person whose responsibility the action is (the delegator when acting on behalf of someone).</summary>
    public Guid ResponsibleId => OnBehalfOfId ?? UserId;

    public string DisplayName => OnBehalfOfName is null ? Name : $"{Name} (thay {OnBehalfOfName})";

    public static string DisplayNameOf(string name, string? onBehalfOfName) => onBehalfOfName is null ? name : $"{name} (thay {onBehalfOfName})";
}

/// <summary>
/// One recipient of a forward: a person or a unit, in a role, with an optional deadline. For a person,
/// <see cref="PersonUnitId"/> is the unit they work in, so that the leaders of that unit can follow the work. For a unit
/// that keeps its own register and clerk, <see cref="ReceivingRegisterId"/> is that register: the clerk receives the
/// record into it before the unit's leaders handle it.
/// </summary>
public sealed record AssignmentTarget(Guid? UserId, Guid? UnitId, string Name, AssignmentRole Role, DateOnly? DueDate, Guid? PersonUnitId = null,
    Guid? ReceivingRegisterId = null)
{
    public static AssignmentTarget Person(Guid userId, string name, AssignmentRole role, DateOnly? dueDate = null, Guid? unitId = null) =>
        new(userId, null, name, role, dueDate, unitId);

    public static AssignmentTarget Unit(Guid unitId, string name, AssignmentRole role, DateOnly? dueDate = null) => new(null, unitId, name, role, dueDate);
}

/// <summary>
/// The person acting on a handled record, as the handling rules see them: which assignments they may act on and as
/// whom (their own, a unit's they lead, a delegator's), and which ones they may take back. A module's viewer implements it.
/// </summary>
public interface IHandlingParty
{
    Guid UserId { get; }

    /// <summary>The actor for an action not tied to an assignment (an opinion, a clerk's action).</summary>
    Actor Self { get; }

    /// <summary>Who acts when this party acts on <paramref name="assignment"/>, or <c>null</c> when they may not act on it.</summary>
    Actor? ActorFor(Assignment assignment);

    /// <summary>Who takes <paramref name="assignment"/> back when this party revokes it (its sender, or the sender's delegate), or <c>null</c>.</summary>
    Actor? SenderFor(Assignment assignment);
}
