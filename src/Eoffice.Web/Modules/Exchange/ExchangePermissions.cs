using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>Rights over document exchange with other agencies.</summary>
public sealed class ExchangePermissions : IPermissionProvider
{
    /// <summary>Keep the exchange directory: partner agencies, their channel, address and certificate.</summary>
    public const string ManagePartners = "exchange.partners.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManagePartners, "Quản lý danh bạ liên thông văn bản (cơ quan, kênh gửi nhận, chứng thư số)"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Administrator, DefaultRoles.Names[DefaultRoles.Administrator], [ManagePartners]),
    ];

    public IEnumerable<DelegableRight> GetDelegableRights() => [];
}
