using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Organization;

/// <summary>Rights over the organisation: the agency's data, its units and positions.</summary>
public sealed class OrganizationPermissions : IPermissionProvider
{
    public const string ViewOrganization = "organization.view";
    public const string ManageOrganization = "organization.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewOrganization, "Xem cơ cấu tổ chức và danh bạ"),
        new(ManageOrganization, "Quản lý cơ quan, đơn vị, chức vụ"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Administrator, DefaultRoles.Names[DefaultRoles.Administrator], [ViewOrganization, ManageOrganization]),
        .. DefaultRoles.All.Where(r => r != DefaultRoles.Administrator).Select(r => new DefaultRole(r, DefaultRoles.Names[r], [ViewOrganization])),
    ];
}
