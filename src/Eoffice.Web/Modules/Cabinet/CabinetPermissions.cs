using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>Rights over the shared cabinet; what each person may do in a folder comes from ADR 0032's rule, not from these alone.</summary>
public sealed class CabinetPermissions : IPermissionProvider
{
    /// <summary>Open the cabinet (every member of staff).</summary>
    public const string Use = "cabinet.use";

    /// <summary>Văn phòng, administrators: manage the three shared folders and set the units' quotas.</summary>
    public const string ManageShared = "cabinet.shared.manage";

    /// <summary>A unit's leaders: manage their unit's folder (the role's unit scope says which).</summary>
    public const string ManageUnitFolder = "cabinet.unit.manage";

    /// <summary>Agency leaders: view every folder and file.</summary>
    public const string ViewAll = "cabinet.view-all";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Use, "Sử dụng tủ tài liệu"),
        new(ManageShared, "Quản lý các thư mục dùng chung của tủ tài liệu, hạn mức dung lượng"),
        new(ManageUnitFolder, "Quản lý thư mục tủ tài liệu của đơn vị"),
        new(ViewAll, "Xem toàn bộ tủ tài liệu"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Clerk, DefaultRoles.Names[DefaultRoles.Clerk], [Use, ManageShared]),
        new(DefaultRoles.Administrator, DefaultRoles.Names[DefaultRoles.Administrator], [Use, ManageShared]),
        new(DefaultRoles.AgencyLeader, DefaultRoles.Names[DefaultRoles.AgencyLeader], [Use, ViewAll]),
        new(DefaultRoles.UnitLeader, DefaultRoles.Names[DefaultRoles.UnitLeader], [Use, ManageUnitFolder]),
        new(DefaultRoles.Specialist, DefaultRoles.Names[DefaultRoles.Specialist], [Use]),
        new(DefaultRoles.LegalReviewer, DefaultRoles.Names[DefaultRoles.LegalReviewer], [Use]),
        new(DefaultRoles.OneStopDesk, DefaultRoles.Names[DefaultRoles.OneStopDesk], [Use]),
    ];

    public IEnumerable<DelegableRight> GetDelegableRights() => [];
}

/// <summary>Section "Cabinet": the units' default quota and how long the recycle bin keeps a deleted file.</summary>
public sealed class CabinetOptions
{
    public const string Section = "Cabinet";

    public long DefaultUnitQuotaBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    public TimeSpan RecycleBinGracePeriod { get; set; } = TimeSpan.FromDays(30);
}
