namespace Eoffice.Web.Modules.Identity.Contracts;

/// <summary>
/// Permissions limited to units. A role assignment without a scope grants its permissions across the person's whole
/// agency; with a scope, only in that unit and the units below it. The signed-in principal carries every permission of
/// every role (enough to open a page); a handler that acts on an object of a unit asks here whether the permission
/// reaches that unit. People who cannot sign in (disabled, departed) hold no permission anywhere.
/// </summary>
public interface IAccessScopes
{
    /// <summary>
    /// True when one of the person's role assignments grants <paramref name="permission"/> and is agency-wide, or its
    /// scope contains <paramref name="unitId"/>. With <paramref name="unitId"/> <c>null</c> only agency-wide assignments count.
    /// </summary>
    Task<bool> HasPermissionAsync(Guid userId, string permission, Guid? unitId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where the person holds <paramref name="permission"/>: <c>null</c> means the whole agency; otherwise the units
    /// (scope units and everything below them), empty when nowhere.
    /// </summary>
    Task<IReadOnlySet<Guid>?> UnitsWherePermittedAsync(Guid userId, string permission, CancellationToken cancellationToken = default);

    /// <summary>The roles an active person holds, each with its unit scope (<c>null</c>: the whole agency). Empty for people who cannot sign in.</summary>
    Task<IReadOnlyList<RoleGrant>> RolesOfAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The active people of an agency who hold <paramref name="role"/>, each with the scope of that role.</summary>
    Task<IReadOnlyList<RoleGrant>> HoldersOfRoleAsync(Guid agencyId, string role, CancellationToken cancellationToken = default);
}

/// <summary>One role a person holds: its code (<see cref="DefaultRoles"/>) and the unit it is limited to, if any.</summary>
public sealed record RoleGrant(Guid UserId, string Role, Guid? ScopeUnitId);
