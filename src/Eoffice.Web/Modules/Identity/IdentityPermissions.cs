using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Identity;

/// <summary>Rights over accounts. The organisation issue adds the remaining default roles and their scopes.</summary>
public sealed class IdentityPermissions : IPermissionProvider
{
    public const string ManageAccounts = "identity.accounts.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageAccounts, "Quản lý tài khoản người dùng"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Administrator, DefaultRoles.Names[DefaultRoles.Administrator], [ManageAccounts]),
    ];
}
