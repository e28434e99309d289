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

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewFilePlans, "Xem danh mục hồ sơ của cơ quan"),
        new(DraftFilePlans, "Lập, trình danh mục hồ sơ hằng năm"),
        new(ApproveFilePlans, "Phê duyệt, trả lại danh mục hồ sơ"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Clerk, DefaultRoles.Names[DefaultRoles.Clerk], [ViewFilePlans, DraftFilePlans]),
        new(DefaultRoles.AgencyLeader, DefaultRoles.Names[DefaultRoles.AgencyLeader], [ViewFilePlans, ApproveFilePlans]),
        new(DefaultRoles.UnitLeader, DefaultRoles.Names[DefaultRoles.UnitLeader], [ViewFilePlans]),
        new(DefaultRoles.Specialist, DefaultRoles.Names[DefaultRoles.Specialist], [ViewFilePlans]),
        new(DefaultRoles.LegalReviewer, DefaultRoles.Names[DefaultRoles.LegalReviewer], [ViewFilePlans]),
        new(DefaultRoles.OneStopDesk, DefaultRoles.Names[DefaultRoles.OneStopDesk], [ViewFilePlans]),
    ];

    public IEnumerable<DelegableRight> GetDelegableRights() => [];
}
