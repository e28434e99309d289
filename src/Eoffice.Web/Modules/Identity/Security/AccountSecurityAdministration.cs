using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// What an administrator does about one account's security (<c>/quan-tri/tai-khoan/{id}</c>): see its state, unlock it,
/// reset its password or its two-factor sign-in, end its sessions. Only accounts of the administrator's own agency are
/// visible; any other id answers 404.
/// </summary>
public sealed class AccountSecurityAdministration(
    EofficeDbContext db,
    IPasswordHasher<User> hasher,
    Sessions sessions,
    MySessions sessionList,
    TwoFactorCodes codes,
    AccessTokens tokens,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <summary>The security state of one account.</summary>
    public sealed record AccountSecurityView(
        Guid Id, string UserName, string FullName, AccountStatus Status, string? DisabledReason, bool IsDemo, bool IsAdministrator,
        DateTime CreatedAt, DateTime? LastSignInAt, DateTime LastActiveAt, int FailedSignInCount, DateTime? LockedUntil, bool IsLocked,
        bool MustChangePassword, DateTime? PasswordChangedAt, bool TwoFactorEnabled, int RecoveryCodesLeft,
        IReadOnlyList<SessionView> Sessions, IReadOnlyList<AccessTokens.TokenView> Tokens);

    public async Task<AccountSecurityView> GetAsync(Guid? agencyId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(agencyId, userId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return new AccountSecurityView(user.Id, user.UserName, user.FullName, user.Status, user.DisabledReason, user.IsDemo,
            AccountRequirements.IsAdministrator(user), user.CreatedAt, user.LastSignInAt, user.LastActiveAt, user.FailedSignInCount,
            user.LockedUntil, user.IsLockedOut(now), user.MustChangePassword, user.PasswordChangedAt, user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await codes.UnusedRecoveryCodesAsync(user.Id, cancellationToken) : 0,
            await sessionList.OpenOfAsync(user.Id, null, cancellationToken),
            await tokens.ListOfAsync(user.Id, cancellationToken));
    }

    public async Task UnlockAsync(Guid? agencyId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(agencyId, userId, cancellationToken);
        var wasLocked = user.IsLockedOut(time.GetUtcNow().UtcDateTime);
        user.Unlock();
        await unitOfWork.CommitAsync(new AuditEvent("auth.unlock", "user", user.Id.ToString(),
            Details: wasLocked ? "unlocked by an administrator" : "failure count cleared by an administrator"), cancellationToken);
    }

    /// <summary>
    /// Gives the account a new temporary password (returned once, to hand to the person), which must be changed at the
    /// next sign-in; every open session of the account ends.
    /// </summary>
    public async Task<string> ResetPasswordAsync(Guid? agencyId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(agencyId, userId, cancellationToken);
        var temporary = PasswordPolicy.GenerateTemporary();
        ChangePassword.Replace(db, user, hasher.HashPassword(user, temporary), time.GetUtcNow().UtcDateTime, mustChange: true);
        user.Unlock();
        await sessions.MarkAllEndedAsync(user.Id, "administrator", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("account.password.reset", "user", user.Id.ToString(),
            Details: $"temporary password issued for {user.UserName}; sessions ended"), cancellationToken);
        return temporary;
    }

    /// <summary>Removes the authenticator and recovery codes (lost phone); an administrator will be asked to enrol again.</summary>
    public async Task ResetTwoFactorAsync(Guid? agencyId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(agencyId, userId, cancellationToken);
        user.DisableTwoFactor();
        await codes.RemoveRecoveryCodesAsync(user.Id, cancellationToken);
        await sessions.MarkAllEndedAsync(user.Id, "administrator", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("account.two-factor.reset", "user", user.Id.ToString(),
            Details: $"two-factor sign-in of {user.UserName} reset; sessions ended"), cancellationToken);
    }

    public async Task EndSessionsAsync(Guid? agencyId, Guid userId, CancellationToken cancellationToken)
    {
        var user = await FindAsync(agencyId, userId, cancellationToken);
        await sessions.MarkAllEndedAsync(user.Id, "administrator", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("session.end-all", "user", user.Id.ToString(),
            Details: $"every session of {user.UserName} ended by an administrator"), cancellationToken);
    }

    private async Task<User> FindAsync(Guid? agencyId, Guid userId, CancellationToken cancellationToken) =>
        await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == userId && u.AgencyId == agencyId, cancellationToken)
        ?? throw RuleException.NotFound("Không tìm thấy tài khoản.");
}
