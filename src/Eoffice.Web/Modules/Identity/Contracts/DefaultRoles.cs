namespace Eoffice.Web.Modules.Identity.Contracts;

/// <summary>
/// The default roles every agency starts with. Each module grants its permissions to these codes through its
/// <c>IPermissionProvider</c>; administrators assign roles to people, optionally limited to a unit.
/// </summary>
public static class DefaultRoles
{
    public const string Clerk = "clerk";
    public const string AgencyLeader = "agency-leader";
    public const string UnitLeader = "unit-leader";
    public const string Specialist = "specialist";
    public const string LegalReviewer = "legal";
    public const string Administrator = "administrator";
    public const string OneStopDesk = "one-stop";

    public static readonly IReadOnlyList<string> All = [Clerk, AgencyLeader, UnitLeader, Specialist, LegalReviewer, Administrator, OneStopDesk];

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Clerk] = "Văn thư",
        [AgencyLeader] = "Lãnh đạo cơ quan",
        [UnitLeader] = "Lãnh đạo đơn vị",
        [Specialist] = "Chuyên viên",
        [LegalReviewer] = "Pháp chế",
        [Administrator] = "Quản trị hệ thống",
        [OneStopDesk] = "Bộ phận một cửa",
    };
}
