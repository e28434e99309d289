using System.Security.Cryptography;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Checks a typed password against an account in the same time whether or not the account exists: an unknown user name
/// (or an account without a password) is checked against a dummy hash made by the same hasher, so the slow hash runs on
/// every path and the answer's timing does not tell which user names exist.
/// </summary>
public sealed class PasswordCheck(IPasswordHasher<User> hasher)
{
    private readonly Lazy<(User Owner, string Hash)> dummy = new(() =>
    {
        var owner = new User("-", "-", DateTime.UnixEpoch);
        return (owner, hasher.HashPassword(owner, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    });

    /// <summary>Whether <paramref name="password"/> is the password of <paramref name="user"/>; always false without an account.</summary>
    public bool IsRight(User? user, string? password)
    {
        if (user is { PasswordHash: { Length: > 0 } hash })
        {
            return hasher.VerifyHashedPassword(user, hash, password ?? string.Empty) != PasswordVerificationResult.Failed;
        }

        var (owner, dummyHash) = dummy.Value;
        hasher.VerifyHashedPassword(owner, dummyHash, password ?? string.Empty);
        return false;
    }
}

/// <summary>
/// Wrong passwords and codes count towards the lockout wherever they are typed: at sign-in, and where a signed-in person
/// is asked for their current password again (password change, turning two-factor sign-in off), so that someone holding
/// a stolen session cannot guess the password without locking the account (ADR 0009).
/// </summary>
public sealed class Lockout(IAuditLog audit, IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>
    /// Counts one failure of <paramref name="user"/> and records <paramref name="failure"/> (the counter is saved with it);
    /// at the threshold the account locks and <c>auth.lockout</c> is recorded too. Returns the time the account is locked
    /// until when this failure locked it.
    /// </summary>
    public async Task<DateTime?> CountAsync(User user, AuditEvent failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var locked = user.RecordFailedSignIn(options.Value.LockoutThreshold, now + options.Value.LockoutDuration);
        await audit.RecordAsync(failure, cancellationToken);
        if (!locked)
        {
            return null;
        }

        await audit.RecordAsync(new AuditEvent("auth.lockout", "user", user.Id.ToString(), AuditOutcome.Failure,
            Details: $"{options.Value.LockoutThreshold} consecutive failures; locked until {user.LockedUntil:O}",
            ActorId: user.Id, ActorName: user.UserName), cancellationToken);
        return user.LockedUntil;
    }
}
