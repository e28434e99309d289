using Eoffice.Web.Modules.Identity.Domain;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>A role a person holds, with the unit it is limited to (none: the whole agency).</summary>
public sealed record PersonRole(string Role, Guid? ScopeUnitId);

/// <summary>A person as the people API and pages show them.</summary>
public sealed record PersonResponse(
    Guid Id,
    string UserName,
    string FullName,
    Guid? UnitId,
    Guid? PositionId,
    string? Email,
    string? Phone,
    string Status,
    bool MustChangePassword,
    bool IsDemo,
    DateTime? LastSignInAt,
    IReadOnlyList<PersonRole> Roles)
{
    public static PersonResponse From(User u) => new(
        u.Id, u.UserName, u.FullName, u.UnitId, u.PositionId, u.Email, u.Phone, PersonRules.StatusName(u.Status),
        u.MustChangePassword, u.IsDemo, u.LastSignInAt,
        u.RoleAssignments.Select(r => new PersonRole(r.RoleCode, r.ScopeUnitId)).OrderBy(r => r.Role, StringComparer.Ordinal).ToList());
}
