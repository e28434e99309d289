using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Dossiers;

/// <summary>
/// Rights over the file plan and, next, the dossiers. Drafting and approving the plan act for the whole agency, so the
/// handlers ask <see cref="IAccessScopes"/> for an agency-wide grant: a role limited to a unit does not reach them.
/// </summary>
public sealed class DossiersPermissions : IPermissionProvider
{
    /// <summary>Read the agency's file plans (everyone opens dossiers from them).</summary>
    public const string ViewFilePlans = "dossiers.fileplans.view";

    /// <summary>Văn phòng: draft the yearly file plan, submit it, copy it forward to next year (Decree 30 Art. 28).</summary>
    public const string DraftFilePlans = "dossiers.fileplans.draft";

    /// <summary>Người đứng đầu cơ quan: approve the file plan, return it, reopen an approved plan for an amendment.</summary>
    public const string ApproveFilePlans = "dossiers.fileplans.approve";

    /// <summary>Open work dossiers, see those of one's unit and those granted, file documents into them.</summary>
    public const string UseDossiers = "dossiers.dossiers.use";

    /// <summary>Lãnh đạo cơ quan: see every dossier of the agency (agency-wide grants only).</summary>
    public const string OverseeDossiers = "dossiers.dossiers.oversee";

    /// <summary>Lãnh đạo đơn vị: reopen a closed dossier of their unit, with a reason.</summary>
    public const string ReopenDossiers = "dossiers.dossiers.reopen";

    /// <summary>
    /// Lưu trữ cơ quan (the records keeper, Văn thư by default): see what is due for transfer, draw up and complete the
    /// transfers to the archive, record destruction decisions. Agency-wide grants only.
    /// </summary>
    public const string ManageArchive = "dossiers.archive.manage";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageArchive, "Nhận nộp lưu hồ sơ vào lưu trữ cơ quan, tiêu hủy hồ sơ hết hạn bảo quản"),
        new(UseDossiers, "Lập hồ sơ công việc, lưu văn bản vào hồ sơ"),
        new(OverseeDossiers, "Xem mọi hồ sơ công việc của cơ quan"),
        new(ReopenDossiers, "Mở lại hồ sơ công việc đã kết thúc của đơn vị"),
        new(ViewFilePlans, "Xem danh mục hồ sơ của cơ quan"),
        new(DraftFilePlans, "Lập, trình danh mục hồ sơ hằng năm"),
        new(ApproveFilePlans, "Phê duyệt, trả lại danh mục hồ sơ"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Clerk, DefaultRoles.Names[DefaultRoles.Clerk], [ViewFilePlans, DraftFilePlans, UseDossiers, ManageArchive]),
        new(DefaultRoles.AgencyLeader, DefaultRoles.Names[DefaultRoles.AgencyLeader], [ViewFilePlans, ApproveFilePlans, UseDossiers, OverseeDossiers, ReopenDossiers]),
        new(DefaultRoles.UnitLeader, DefaultRoles.Names[DefaultRoles.UnitLeader], [ViewFilePlans, UseDossiers, ReopenDossiers]),
        new(DefaultRoles.Specialist, DefaultRoles.Names[DefaultRoles.Specialist], [ViewFilePlans, UseDossiers]),
        new(DefaultRoles.LegalReviewer, DefaultRoles.Names[DefaultRoles.LegalReviewer], [ViewFilePlans, UseDossiers]),
        new(DefaultRoles.OneStopDesk, DefaultRoles.Names[DefaultRoles.OneStopDesk], [ViewFilePlans, UseDossiers]),
    ];

    public IEnumerable<DelegableRight> GetDelegableRights() => [];
}
