namespace Eoffice.Web.Modules.Identity.Domain;

/// <summary>Whether an account may be used.</summary>
public enum AccountStatus
{
    Active = 0,

    /// <summary>Disabled by an administrator or after too long without use; can be re-enabled.</summary>
    Disabled = 1,

    /// <summary>The person left (transfer, retirement); their open work went to a successor. Kept for history.</summary>
    Departed = 2,
}

/// <summary>
/// The one account of one person (cán bộ, công chức, viên chức): who they are in the agency (unit, position, contact
/// details) and how they sign in. Signs in with <see cref="UserName"/>; <see cref="RoleAssignments"/> decide what they may do.
/// </summary>
public sealed class User
{
    private readonly List<RoleAssignment> roleAssignments = [];

    private User()
    {
        UserName = FullName = PasswordHash = SecurityStamp = string.Empty;
    }

    public User(string userName, string fullName, DateTime createdAt, Guid? agencyId = null)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        FullName = fullName;
        CreatedAt = createdAt;
        AgencyId = agencyId;
        Status = AccountStatus.Active;
        PasswordHash = string.Empty;
        SecurityStamp = NewStamp();
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case ASCII sign-in name, e.g. "nvan" (regulation 001 Điều 6.2, see <see cref="UserNameGenerator"/>).</summary>
    public string UserName { get; private set; }

    /// <summary>Full name with diacritics, e.g. "Nguyễn Văn An".</summary>
    public string FullName { get; private set; }

    /// <summary>The agency the person works for; <c>null</c> only for accounts created before agencies existed.</summary>
    public Guid? AgencyId { get; private set; }

    public Guid? UnitId { get; private set; }

    public Guid? PositionId { get; private set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public AccountStatus Status { get; private set; }

    /// <summary>Why the account is disabled ("inactivity", "administrator"…); <c>null</c> while active.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>Demo accounts skip the first-sign-in password change and the administrators' two-factor requirement.</summary>
    public bool IsDemo { get; set; }

    public string PasswordHash { get; private set; }

    /// <summary>Set for new accounts and after an administrator resets the password: the next sign-in must change it.</summary>
    public bool MustChangePassword { get; private set; }

    public DateTime? PasswordChangedAt { get; private set; }

    /// <summary>Consecutive failed sign-ins since the last success.</summary>
    public int FailedSignInCount { get; private set; }

    /// <summary>While in the future, sign-in is refused (lockout after too many failures).</summary>
    public DateTime? LockedUntil { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The TOTP secret, protected with the data-protection key ring (never stored in clear).</summary>
    public string? TwoFactorSecret { get; private set; }

    /// <summary>The last TOTP time step accepted; codes of that step or earlier are refused, so a code cannot be replayed.</summary>
    public long? TwoFactorLastStep { get; private set; }

    /// <summary>
    /// Changes whenever credentials or the account status change; sessions issued with an older stamp are rejected. Role
    /// changes do not change it: sessions pick them up on the next request.
    /// </summary>
    public string SecurityStamp { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// When the account was last re-enabled (<c>null</c>: never disabled, so its creation counts). Inactivity is counted
    /// from the latest of this, the creation and the last sign-in.
    /// </summary>
    public DateTime? ActivatedAt { get; private set; }

    /// <summary>The last moment the account was known to be in use or was (re-)activated.</summary>
    public DateTime LastActiveAt => new[] { CreatedAt, ActivatedAt ?? CreatedAt, LastSignInAt ?? CreatedAt }.Max();

    public DateTime? LastSignInAt { get; private set; }

    public DateTime? DepartedAt { get; private set; }

    /// <summary>Who received the person's open work when they left.</summary>
    public Guid? SuccessorId { get; private set; }

    public IReadOnlyCollection<RoleAssignment> RoleAssignments => roleAssignments;

    /// <summary>True when the account may sign in at <paramref name="now"/>.</summary>
    public bool CanSignIn(DateTime now) => Status == AccountStatus.Active && !IsLockedOut(now);

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    public void SetPasswordHash(string hash, DateTime? changedAt = null, bool mustChange = false)
    {
        PasswordHash = hash;
        PasswordChangedAt = changedAt;
        MustChangePassword = mustChange;
        SecurityStamp = NewStamp();
    }

    public void Rename(string fullName) => FullName = fullName;

    public void ChangeUserName(string userName) => UserName = userName;

    /// <summary>Places the person in the organisation.</summary>
    public void PlaceIn(Guid agencyId, Guid? unitId, Guid? positionId)
    {
        AgencyId = agencyId;
        UnitId = unitId;
        PositionId = positionId;
    }

    public RoleAssignment GrantRole(string roleCode, Guid? scopeUnitId = null, DateTime? at = null, Guid? by = null)
    {
        var existing = roleAssignments.FirstOrDefault(r => r.RoleCode == roleCode && r.ScopeUnitId == scopeUnitId);
        if (existing is not null)
        {
            return existing;
        }

        // No new security stamp: sessions rebuild their permissions from the assignments on every request, so the
        // person gains (or loses) the rights at once without being signed out.
        var assignment = new RoleAssignment(Id, roleCode, scopeUnitId, at ?? DateTime.UtcNow, by);
        roleAssignments.Add(assignment);
        return assignment;
    }

    public bool RevokeRole(string roleCode, Guid? scopeUnitId) =>
        roleAssignments.RemoveAll(r => r.RoleCode == roleCode && r.ScopeUnitId == scopeUnitId) > 0;

    public void RecordSignIn(DateTime at)
    {
        LastSignInAt = at;
        FailedSignInCount = 0;
        LockedUntil = null;
    }

    /// <summary>Counts a failed sign-in; at <paramref name="threshold"/> consecutive failures the account locks until <paramref name="lockUntil"/>.</summary>
    public bool RecordFailedSignIn(int threshold, DateTime lockUntil)
    {
        FailedSignInCount++;
        if (FailedSignInCount >= threshold)
        {
            LockedUntil = lockUntil;
            FailedSignInCount = 0;
            return true;
        }

        return false;
    }

    /// <summary>The person proved their password again (a password change): consecutive failures count from zero.</summary>
    public void ResetFailedSignIns() => FailedSignInCount = 0;

    public void Unlock()
    {
        LockedUntil = null;
        FailedSignInCount = 0;
    }

    public void EnableTwoFactor(string protectedSecret, long? acceptedStep = null)
    {
        TwoFactorSecret = protectedSecret;
        TwoFactorEnabled = true;
        TwoFactorLastStep = acceptedStep;
        SecurityStamp = NewStamp();
    }

    public void DisableTwoFactor()
    {
        TwoFactorSecret = null;
        TwoFactorEnabled = false;
        TwoFactorLastStep = null;
        SecurityStamp = NewStamp();
    }

    /// <summary>Remembers that the code of TOTP time step <paramref name="step"/> was used.</summary>
    public void RecordTwoFactorStep(long step)
    {
        if (TwoFactorLastStep is null || step > TwoFactorLastStep)
        {
            TwoFactorLastStep = step;
        }
    }

    public void Disable(string reason)
    {
        if (Status == AccountStatus.Departed)
        {
            throw new InvalidOperationException("A departed person's account cannot be disabled again.");
        }

        Status = AccountStatus.Disabled;
        DisabledReason = reason;
        SecurityStamp = NewStamp();
    }

    public void Enable(DateTime at)
    {
        if (Status == AccountStatus.Departed)
        {
            throw new InvalidOperationException("A departed person's account cannot be re-enabled.");
        }

        Status = AccountStatus.Active;
        DisabledReason = null;
        ActivatedAt = at;
        Unlock();
        SecurityStamp = NewStamp();
    }

    /// <summary>The person leaves: the account can no longer sign in and <paramref name="successorId"/> took their work.</summary>
    public void Depart(Guid successorId, DateTime at)
    {
        if (successorId == Id)
        {
            throw new InvalidOperationException("A person cannot be their own successor.");
        }

        Status = AccountStatus.Departed;
        DepartedAt = at;
        SuccessorId = successorId;
        DisabledReason = null;
        SecurityStamp = NewStamp();
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>
/// A default role held by a person, optionally limited to a unit (and the units below it). Without a scope the role
/// applies to the person's whole agency.
/// </summary>
public sealed class RoleAssignment
{
    private RoleAssignment()
    {
        RoleCode = string.Empty;
    }

    internal RoleAssignment(Guid userId, string roleCode, Guid? scopeUnitId, DateTime grantedAt, Guid? grantedBy)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        RoleCode = roleCode;
        ScopeUnitId = scopeUnitId;
        GrantedAt = grantedAt;
        GrantedBy = grantedBy;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string RoleCode { get; private set; }

    public Guid? ScopeUnitId { get; private set; }

    public DateTime GrantedAt { get; private set; }

    public Guid? GrantedBy { get; private set; }
}
