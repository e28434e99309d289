using System.Security.Claims;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// A person changes their own password (<c>/doi-mat-khau</c>, <c>POST /api/v1/me/password</c>): the current password,
/// then a new one that follows <see cref="PasswordPolicy"/>. Every replaced password goes to the history; administrators
/// may not reuse their last <see cref="IdentityOptions.AdministratorPasswordHistory"/> passwords (QCVN 12:2026/BCA).
/// The current session continues under the new security stamp; the person's other sessions end. A wrong current password
/// counts towards the lockout as a wrong password at sign-in does (<see cref="Lockout"/>); a change resets the count.
/// </summary>
public sealed class ChangePassword(
    EofficeDbContext db,
    IPasswordHasher<User> hasher,
    PasswordCheck passwords,
    Lockout lockout,
    Sessions sessions,
    UnitOfWork unitOfWork,
    IOptions<IdentityOptions> options,
    TimeProvider time)
{
    public sealed record Request(string? CurrentPassword, string? NewPassword, string? ConfirmPassword = null);

    /// <summary>Problems per field ("currentPassword", "newPassword", "confirmPassword"), or the re-issued principal.</summary>
    public sealed record Result(IReadOnlyDictionary<string, string[]> Errors, ClaimsPrincipal? Principal)
    {
        public bool Succeeded => Principal is not null;
    }

    public async Task<Result> HandleAsync(ClaimsPrincipal principal, Request request, CancellationToken cancellationToken)
    {
        var userId = principal.UserId() ?? throw RuleException.NotFound();
        var sessionId = Guid.TryParse(principal.FindFirstValue(EofficeClaims.SessionId), out var sid) ? sid : throw RuleException.NotFound();
        var user = await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw RuleException.NotFound();

        var errors = new Dictionary<string, string[]>();
        if (!passwords.IsRight(user, request.CurrentPassword))
        {
            var lockedUntil = await lockout.CountAsync(user, new AuditEvent("account.password.change", "user", user.Id.ToString(), AuditOutcome.Failure,
                Details: "wrong current password"), cancellationToken);
            errors["currentPassword"] = [lockedUntil is { } until ? SignIn.LockedMessage(until) : "Mật khẩu hiện tại không đúng."];
            return new Result(errors, null);
        }

        var newPassword = request.NewPassword ?? string.Empty;
        var problems = PasswordPolicy.Check(newPassword).ToList();
        if (problems.Count == 0 && newPassword == request.CurrentPassword)
        {
            problems.Add("Mật khẩu mới phải khác mật khẩu hiện tại.");
        }

        if (problems.Count == 0 && AccountRequirements.IsAdministrator(user) && await IsRecentPasswordAsync(user, newPassword, cancellationToken))
        {
            problems.Add($"Tài khoản quản trị không được dùng lại {options.Value.AdministratorPasswordHistory} mật khẩu gần nhất.");
        }

        if (problems.Count > 0)
        {
            errors["newPassword"] = problems.ToArray();
        }

        if (request.ConfirmPassword is not null && request.ConfirmPassword != newPassword)
        {
            errors["confirmPassword"] = ["Mật khẩu nhập lại không khớp."];
        }

        if (errors.Count > 0)
        {
            return new Result(errors, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var reason = AccountRequirements.PasswordExpired(user, now, options.Value) ? "expired password replaced"
            : user.MustChangePassword ? "temporary password replaced" : null;
        Replace(db, user, hasher.HashPassword(user, newPassword), now, mustChange: false);
        user.ResetFailedSignIns();
        await unitOfWork.CommitAsync(new AuditEvent("account.password.change", "user", user.Id.ToString(), Details: reason), cancellationToken);
        return new Result(errors, sessions.CreatePrincipal(user, sessionId));
    }

    /// <summary>Sets a new password hash, keeping the replaced one in the history (for everyone; only administrators are checked).</summary>
    internal static void Replace(EofficeDbContext db, User user, string newHash, DateTime now, bool mustChange)
    {
        if (!string.IsNullOrEmpty(user.PasswordHash))
        {
            db.Add(new PasswordHistoryEntry(user.Id, user.PasswordHash, now));
        }

        user.SetPasswordHash(newHash, now, mustChange);
    }

    /// <summary>Whether <paramref name="password"/> is the current one or one of the replaced ones within the history limit.</summary>
    private async Task<bool> IsRecentPasswordAsync(User user, string password, CancellationToken cancellationToken)
    {
        var limit = options.Value.AdministratorPasswordHistory;
        var previous = await db.Set<PasswordHistoryEntry>().Where(p => p.UserId == user.Id)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => p.PasswordHash).Take(Math.Max(0, limit - 1)).ToListAsync(cancellationToken);
        return previous.Prepend(user.PasswordHash).Where(h => !string.IsNullOrEmpty(h))
            .Any(h => hasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
    }
}
