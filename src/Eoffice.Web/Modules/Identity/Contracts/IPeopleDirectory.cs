namespace Eoffice.Web.Modules.Identity.Contracts;

/// <summary>A person of an agency as other modules see them: who they are, where they work, how to reach them.</summary>
public sealed record PersonInfo(
    Guid Id,
    Guid? AgencyId,
    Guid? UnitId,
    Guid? PositionId,
    string UserName,
    string FullName,
    string? Email,
    string? Phone,
    bool IsActive);

/// <summary>Read-only questions other modules ask about people (the staff directory, the agency's rights approver).</summary>
public interface IPeopleDirectory
{
    Task<PersonInfo?> FindPersonAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>Everyone of the agency (active or not), ordered by name as a Vietnamese reader expects.</summary>
    Task<IReadOnlyList<PersonInfo>> PeopleOfAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default);

    /// <summary>How many active people work in the unit (the unit itself, not the units below it).</summary>
    Task<int> CountActiveInUnitAsync(Guid unitId, CancellationToken cancellationToken = default);
}
