namespace Eoffice.Web.Platform.Security;

/// <summary>
/// All permissions and default roles declared by the modules, merged by role code, and the catalogue of delegable
/// rights (<see cref="DelegableRights"/>) in the order the modules declare them.
/// </summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, HashSet<string>> permissionsByRole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> roleNames = new(StringComparer.Ordinal);

    public PermissionCatalog(IEnumerable<IPermissionProvider> providers)
    {
        var permissions = new Dictionary<string, Permission>(StringComparer.Ordinal);
        var delegable = new List<DelegableRight>();
        foreach (var provider in providers)
        {
            foreach (var right in provider.GetDelegableRights())
            {
                if (string.IsNullOrWhiteSpace(right.Code) || right.Code.Length > DelegableRight.MaxCodeLength
                    || string.IsNullOrWhiteSpace(right.Name) || right.Name.Length > DelegableRight.MaxNameLength)
                {
                    throw new InvalidOperationException($"Delegable right '{right.Code}' needs a code of at most {DelegableRight.MaxCodeLength} and a name of at most {DelegableRight.MaxNameLength} characters.");
                }

                if (delegable.Any(d => d.Code == right.Code))
                {
                    throw new InvalidOperationException($"Delegable right '{right.Code}' is declared twice.");
                }

                delegable.Add(right);
            }

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
        DelegableRights = delegable;
        var sharedNames = delegable.Where(d => permissions.ContainsKey(d.Code)).Select(d => d.Code).ToList();
        if (sharedNames.Count > 0)
        {
            throw new InvalidOperationException($"Delegable rights and permissions share names: {string.Join(", ", sharedNames)}.");
        }

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

    /// <summary>The rights people may delegate, as the modules declare them (order of registration, then of declaration).</summary>
    public IReadOnlyList<DelegableRight> DelegableRights { get; }

    /// <summary>The declared delegable right with this code, or <c>null</c> (no module declares it, or no longer).</summary>
    public DelegableRight? FindDelegableRight(string code) => DelegableRights.FirstOrDefault(r => r.Code == code);

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
