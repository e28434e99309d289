using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Platform;

/// <summary>Rights over the platform itself: audit log, background jobs, working-day calendar.</summary>
public sealed class PlatformPermissions : IPermissionProvider
{
    public const string ViewAuditLog = "platform.audit.view";
    public const string ManageJobs = "platform.jobs.manage";
    public const string ManageCalendar = "platform.calendar.manage";
    public const string ManageFiles = "platform.files.manage";

    public const string AdministratorRole = "administrator";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewAuditLog, "Xem và kiểm tra nhật ký hệ thống"),
        new(ManageJobs, "Theo dõi tác vụ nền"),
        new(ManageCalendar, "Quản lý lịch ngày làm việc"),
        new(ManageFiles, "Quản lý kho tệp"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(AdministratorRole, "Quản trị hệ thống", [ViewAuditLog, ManageJobs, ManageCalendar, ManageFiles]),
    ];
}
