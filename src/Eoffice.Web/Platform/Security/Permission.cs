namespace Eoffice.Web.Platform.Security;

/// <summary>One right a module declares, e.g. "platform.audit.view". <paramref name="DisplayName"/> is shown to administrators.</summary>
public sealed record Permission(string Name, string DisplayName);

/// <summary>A default role (Văn thư, Lãnh đạo cơ quan…) and the permissions it grants out of the box.</summary>
public sealed record DefaultRole(string Code, string DisplayName, IReadOnlyCollection<string> Permissions);

/// <summary>Each module lists its permissions and what its default roles get; the platform merges them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    IEnumerable<DefaultRole> GetDefaultRoles();
}
