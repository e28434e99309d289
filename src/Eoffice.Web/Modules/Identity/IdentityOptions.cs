namespace Eoffice.Web.Modules.Identity;

/// <summary>Section "Identity": account and session rules (QCVN 12:2026/BCA defaults).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>A session unused for this long ends (default 15 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Consecutive wrong passwords that lock an account.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account stays locked unless an administrator unlocks it (QCVN: 12 hours to 30 days).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Accounts not used for this long are disabled automatically.</summary>
    public TimeSpan InactivityLimit { get; set; } = TimeSpan.FromDays(45);

    /// <summary>Administrators cannot reuse this many of their last passwords.</summary>
    public int AdministratorPasswordHistory { get; set; } = 10;

    /// <summary>Administrators must change their password at least this often.</summary>
    public TimeSpan AdministratorPasswordMaxAge { get; set; } = TimeSpan.FromDays(60);
}
