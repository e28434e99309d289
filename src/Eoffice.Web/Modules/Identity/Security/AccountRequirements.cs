using Eoffice.Web.Platform.Security;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// What a person must do before using eOffice (QCVN 12:2026/BCA): change the password given to them (first sign-in,
/// after a reset), change an administrator password older than two months, and, for administrators, turn on two-factor
/// sign-in. Demo accounts are exempt, so that a demonstration can start at once.
/// </summary>
public static class AccountRequirements
{
    /// <summary>Claim set while an administrator has not yet enrolled an authenticator app.</summary>
    public const string MustEnrolTwoFactorClaim = EofficeClaims.MustEnrolTwoFactor;

    public static bool IsAdministrator(User user) => user.RoleAssignments.Any(r => r.RoleCode == DefaultRoles.Administrator);

    /// <summary>An administrator's password older than <see cref="IdentityOptions.AdministratorPasswordMaxAge"/>.</summary>
    public static bool PasswordExpired(User user, DateTime now, IdentityOptions options) =>
        !user.IsDemo && IsAdministrator(user) && now - (user.PasswordChangedAt ?? user.CreatedAt) > options.AdministratorPasswordMaxAge;

    public static bool MustChangePassword(User user, DateTime now, IdentityOptions options) =>
        (user.MustChangePassword && !user.IsDemo) || PasswordExpired(user, now, options);

    public static bool MustEnrolTwoFactor(User user) => !user.IsDemo && !user.TwoFactorEnabled && IsAdministrator(user);
}
