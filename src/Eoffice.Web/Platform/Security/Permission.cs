namespace Eoffice.Web.Platform.Security;

/// <summary>One right a module declares, e.g. "platform.audit.view". <paramref name="DisplayName"/> is shown to administrators.</summary>
public sealed record Permission(string Name, string DisplayName);

/// <summary>A default role (Văn thư, Lãnh đạo cơ quan…) and the permissions it grants out of the box.</summary>
public sealed record DefaultRole(string Code, string DisplayName, IReadOnlyCollection<string> Permissions);

/// <summary>
/// A right a person may hand to a colleague for a few days (ủy quyền, regulation 002 Điều 11.5), declared by the module
/// whose actions it covers, e.g. <c>documents.incoming.handle</c> "Xử lý văn bản đến (bút phê, phân công)". Not a role
/// permission: it lets a delegate act on the delegator's own items, and the declaring module checks it when they do.
/// The identity module stores delegations by <see cref="Code"/> and shows <see cref="Name"/>.
/// </summary>
public sealed record DelegableRight(string Code, string Name)
{
    public const int MaxCodeLength = 100;

    public const int MaxNameLength = 200;
}

/// <summary>Each module lists its permissions, what its default roles get and which of its rights may be delegated; the platform merges them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<DefaultRole> GetDefaultRoles();

    /// <summary>The rights of the module that a person may delegate; none unless the module declares some.</summary>
    IEnumerable<DelegableRight> GetDelegableRights() => [];
}
