using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Organization;

/// <summary>
/// The agency the current user administers: their own. Objects of any other agency are treated as absent (404), so an
/// administrator cannot even learn that they exist. An installation administrator (administrator role, no agency) only
/// creates agencies.
/// </summary>
public sealed class AgencyScope(ICurrentUser currentUser)
{
    public const string NoAgencyMessage = "Tài khoản của bạn chưa thuộc cơ quan nào.";

    /// <summary>The current user's agency; a user without one gets 404.</summary>
    public Guid AgencyId => currentUser.AgencyId ?? throw RuleException.NotFound(NoAgencyMessage);

    /// <summary>An administrator of the whole installation rather than of one agency.</summary>
    public bool IsInstallationAdministrator =>
        currentUser.AgencyId is null && currentUser.HasPermission(OrganizationPermissions.ManageOrganization);
}
