namespace Eoffice.Web.Platform.Security;

/// <summary>All permissions and default roles declared by the modules, merged by role code.</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, HashSet<string>> permissionsByRole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> roleNames = new(StringComparer.Ordinal);

    public PermissionCatalog(IEnumerable<IPermissionProvider> providers)
    {
        var permissions = new Dictionary<string, Permission>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            foreach (var permission in provider.GetPermissions())
            {
                if (!permissions.TryAdd(permission.Name, permission))
                {
                    throw new InvalidOperationException($"Permission '{permission.Name}' is declared twice.");
                }
            }

            foreach (var role in provider.GetDefaultRoles())
            {
                roleNames.TryAdd(role.Code, role.DisplayName);
                if (!permissionsByRole.TryGetValue(role.Code, out var set))
                {
                    permissionsByRole[role.Code] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(role.Permissions);
            }
        }

        Permissions = permissions;
        foreach (var (role, granted) in permissionsByRole)
        {
            var unknown = granted.Where(p => !permissions.ContainsKey(p)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"Role '{role}' grants undeclared permissions: {string.Join(", ", unknown)}.");
            }
        }
    }

    public IReadOnlyDictionary<string, Permission> Permissions { get; }

    public IReadOnlyDictionary<string, string> RoleNames => roleNames;

    public IReadOnlySet<string> PermissionsOf(IEnumerable<string> roleCodes)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in roleCodes)
        {
            if (permissionsByRole.TryGetValue(code, out var granted))
            {
                result.UnionWith(granted);
            }
        }

        return result;
    }
}
