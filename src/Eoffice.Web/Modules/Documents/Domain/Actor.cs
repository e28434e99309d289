namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>
/// Who performs an action on a document: the signed-in person, and — when they act under a delegation (ủy quyền) — the
/// person whose right they use. Handing a document on behalf of someone records both names.
/// </summary>
public sealed record Actor(Guid UserId, string Name, Guid? OnBehalfOfId = null, string? OnBehalfOfName = null)
{
    /// <summary>The person whose responsibility the action is (the delegator when acting on behalf of someone).</summary>
    public Guid ResponsibleId => OnBehalfOfId ?? UserId;

    public string DisplayName => OnBehalfOfName is null ? Name : $"{Name} (thay {OnBehalfOfName})";
}

/// <summary>
/// One recipient of a transfer: a person or a unit, in a role, with an optional deadline. For a person,
/// <see cref="PersonUnitId"/> is the unit they work in, so that the leaders of that unit can follow the document.
/// </summary>
public sealed record AssignmentTarget(Guid? UserId, Guid? UnitId, string Name, AssignmentRole Role, DateOnly? DueDate, Guid? PersonUnitId = null)
{
    public static AssignmentTarget Person(Guid userId, string name, AssignmentRole role, DateOnly? dueDate = null, Guid? unitId = null) =>
        new(userId, null, name, role, dueDate, unitId);

    public static AssignmentTarget Unit(Guid unitId, string name, AssignmentRole role, DateOnly? dueDate = null) => new(null, unitId, name, role, dueDate);
}
