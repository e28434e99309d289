using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Rights over signing. Who signs a given document with which certificate is decided per certificate (its owner, the
/// seal holders), not by a role; these open the administration and the verification.
/// </summary>
public sealed class SigningPermissions : IPermissionProvider
{
    /// <summary>Register and stop certificates, upload signature and seal images, name the seal holders.</summary>
    public const string ManageSigning = "signing.manage";

    /// <summary>Check the digital signatures of files one may read.</summary>
    public const string VerifySignatures = "signing.verify";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageSigning, "Quản lý chứng thư số, ảnh chữ ký, con dấu số và người giữ dấu"),
        new(VerifySignatures, "Kiểm tra chữ ký số trên tệp"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Administrator, DefaultRoles.Names[DefaultRoles.Administrator], [ManageSigning, VerifySignatures]),
        new(DefaultRoles.Clerk, DefaultRoles.Names[DefaultRoles.Clerk], [VerifySignatures]),
        new(DefaultRoles.AgencyLeader, DefaultRoles.Names[DefaultRoles.AgencyLeader], [VerifySignatures]),
        new(DefaultRoles.UnitLeader, DefaultRoles.Names[DefaultRoles.UnitLeader], [VerifySignatures]),
        new(DefaultRoles.Specialist, DefaultRoles.Names[DefaultRoles.Specialist], [VerifySignatures]),
        new(DefaultRoles.LegalReviewer, DefaultRoles.Names[DefaultRoles.LegalReviewer], [VerifySignatures]),
        new(DefaultRoles.OneStopDesk, DefaultRoles.Names[DefaultRoles.OneStopDesk], [VerifySignatures]),
    ];

    public IEnumerable<DelegableRight> GetDelegableRights() => [];
}
