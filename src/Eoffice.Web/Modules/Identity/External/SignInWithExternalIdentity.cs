using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>Why a sign-in through the agency directory did not succeed.</summary>
public enum ExternalSignInFailure
{
    None = 0,

    /// <summary>The directory did not accept the user name and password.</summary>
    InvalidCredentials,

    /// <summary>The directory knows the person, but no eOffice account is theirs.</summary>
    NotLinked,

    /// <summary>The linked eOffice account may not sign in (disabled, departed, locked).</summary>
    AccountUnavailable,

    /// <summary>The directory or authorisation server could not be reached or is misconfigured.</summary>
    ProviderUnavailable,

    /// <summary>No enabled provider of that id and kind.</summary>
    ProviderNotFound,

    /// <summary>The OpenID Connect exchange went wrong (state, code, token).</summary>
    ProtocolError,
}

/// <summary>The outcome of a directory sign-in: a principal for the cookie, or why not.</summary>
public sealed record ExternalSignInResult(ClaimsPrincipal? Principal, ExternalSignInFailure Failure)
{
    public bool Succeeded => Principal is not null;

    public string? Error => Succeeded ? null : ExternalSignInMessages.For(Failure);

    public static ExternalSignInResult Failed(ExternalSignInFailure failure) => new(null, failure);
}

/// <summary>The Vietnamese messages of directory sign-in, by failure; the sign-in page gets them by code.</summary>
public static class ExternalSignInMessages
{
    public const string NotLinked =
        "Tài khoản thư công vụ chưa được gắn với cán bộ nào trong hệ thống. Vui lòng liên hệ quản trị hệ thống của cơ quan để được gắn tài khoản.";

    public static string For(ExternalSignInFailure failure) => failure switch
    {
        ExternalSignInFailure.InvalidCredentials => "Tài khoản thư công vụ hoặc mật khẩu không đúng.",
        ExternalSignInFailure.NotLinked => NotLinked,
        ExternalSignInFailure.AccountUnavailable => "Tài khoản của bạn trong hệ thống đang bị khóa hoặc đã ngừng sử dụng. Vui lòng liên hệ quản trị hệ thống.",
        ExternalSignInFailure.ProviderUnavailable => "Không kết nối được hệ thống xác thực tập trung. Vui lòng thử lại sau hoặc đăng nhập bằng tài khoản của hệ thống.",
        ExternalSignInFailure.ProviderNotFound => "Hình thức đăng nhập này chưa được bật.",
        ExternalSignInFailure.ProtocolError => "Đăng nhập qua hệ thống xác thực tập trung không thành công hoặc đã hết hạn. Vui lòng thử lại.",
        _ => "Đăng nhập không thành công.",
    };

    /// <summary>The code put in the sign-in page's address after a redirect (no free text travels in URLs).</summary>
    public static string Code(ExternalSignInFailure failure) => failure.ToString();

    public static string? FromCode(string? code) =>
        Enum.TryParse<ExternalSignInFailure>(code, ignoreCase: false, out var failure) && failure != ExternalSignInFailure.None && Enum.IsDefined(failure)
            ? For(failure)
            : null;
}

/// <summary>
/// The common end of every directory sign-in: the identity the directory vouched for is let in only as an existing
/// eOffice account (one account per person). It is found by an earlier link or, the first time, by the directory
/// e-mail equal to the account's e-mail (ignoring case) or by the user name; the link is then stored. The session is
/// started, the sign-in recorded and audited; refusals are audited too.
/// </summary>
public sealed class SignInWithExternalIdentity(EofficeDbContext db, Sessions sessions, IAuditLog audit, TimeProvider time)
{
    /// <summary>Longest <see cref="ExternalLogin.ProviderKey"/>; longer directory keys are stored as a hash.</summary>
    private const int MaxKeyLength = 300;

    /// <summary>
    /// Signs in the account of <paramref name="person"/>; <paramref name="emailVerified"/> is false when the directory
    /// says the e-mail is unverified, which then is not used to link.
    /// </summary>
    public async Task<ExternalSignInResult> HandleAsync(ExternalSignInProvider provider, DirectoryPerson person, bool emailVerified,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var key = LoginKey(provider, person.Key);
        var linked = await db.Set<ExternalLogin>().AsNoTracking()
            .Where(l => l.Provider == provider.LoginProviderName && l.ProviderKey == key)
            .Select(l => (Guid?)l.UserId)
            .FirstOrDefaultAsync(cancellationToken);

        User? user;
        string how;
        if (linked is { } userId)
        {
            user = await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
            how = "linked";
        }
        else
        {
            (user, how) = await FindAccountAsync(person, emailVerified, cancellationToken);
        }

        var who = person.Email ?? person.UserName ?? person.Key;
        if (user is null)
        {
            await AuditFailureAsync(provider, null, who, how, cancellationToken);
            return ExternalSignInResult.Failed(ExternalSignInFailure.NotLinked);
        }

        if (!user.CanSignIn(now))
        {
            await AuditFailureAsync(provider, user, who, $"account {(user.IsLockedOut(now) ? "locked" : user.Status.ToString())}", cancellationToken);
            return ExternalSignInResult.Failed(ExternalSignInFailure.AccountUnavailable);
        }

        if (linked is null)
        {
            db.Add(new ExternalLogin(user.Id, provider.LoginProviderName, key, now));
        }

        user.RecordSignIn(now);
        var principal = await sessions.StartAsync(user, provider.LoginProviderName, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(),
            Details: $"{provider.LoginProviderName} \"{provider.DisplayName}\" ({provider.Id}) as {who}; {(linked is null ? "linked now by " + how : "linked before")}",
            ActorId: user.Id, ActorName: user.UserName), cancellationToken);
        return new ExternalSignInResult(principal, ExternalSignInFailure.None);
    }

    /// <summary>Records a refusal that happened before an identity was known (wrong password, bad token…).</summary>
    public Task AuditRefusalAsync(ExternalSignInProvider? provider, string? login, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent("auth.sign-in", "user", null, AuditOutcome.Failure,
            Details: $"{provider?.LoginProviderName ?? "external"} \"{provider?.DisplayName}\" ({provider?.Id}): {detail}",
            ActorName: login), cancellationToken);

    /// <summary>The stored key: the provider's id (two directories may reuse a name) and the directory's own key.</summary>
    public static string LoginKey(ExternalSignInProvider provider, string directoryKey)
    {
        var key = $"{provider.Id:N}:{directoryKey}";
        return key.Length <= MaxKeyLength
            ? key
            : $"{provider.Id:N}:sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directoryKey)))}";
    }

    private async Task<(User? User, string How)> FindAccountAsync(DirectoryPerson person, bool emailVerified, CancellationToken cancellationToken)
    {
        var accounts = db.Set<User>().Include(u => u.RoleAssignments);
        if (emailVerified && person.Email is { Length: > 0 } email)
        {
            var lower = email.Trim().ToLowerInvariant();
            var byEmail = await accounts.Where(u => u.Email != null && u.Email.ToLower() == lower).Take(2).ToListAsync(cancellationToken);
            if (byEmail.Count == 1)
            {
                return (byEmail[0], "e-mail");
            }

            if (byEmail.Count > 1)
            {
                return (null, $"e-mail {email} belongs to several accounts");
            }
        }

        if (person.UserName is { Length: > 0 } userName)
        {
            var lower = userName.Trim().ToLowerInvariant();
            var byName = await accounts.FirstOrDefaultAsync(u => u.UserName == lower, cancellationToken);
            if (byName is not null)
            {
                return (byName, "user name");
            }
        }

        return (null, "no account with this e-mail or user name");
    }

    private Task AuditFailureAsync(ExternalSignInProvider provider, User? user, string who, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user?.Id.ToString(), AuditOutcome.Failure,
            Details: $"{provider.LoginProviderName} \"{provider.DisplayName}\" ({provider.Id}) as {who}: {detail}",
            ActorId: user?.Id, ActorName: user?.UserName ?? who), cancellationToken);
}
