using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity;

/// <summary>
/// Sign-in with user name and password (and, for accounts with two-factor sign-in, a code from the authenticator app or
/// a recovery code); the page and <c>POST /api/v1/auth/sign-in</c> share this handler. Wrong passwords and wrong codes
/// count towards the lockout; a locked account is told so — with the time it unlocks — because user names follow a
/// published rule (regulation 001 Điều 6.2) and hiding that a name exists protects nothing. A disabled account is told
/// so only after the right password. No session is opened until every factor is right.
/// </summary>
public sealed class SignIn(
    EofficeDbContext db,
    PasswordCheck passwords,
    Lockout lockout,
    Sessions sessions,
    TwoFactorCodes twoFactor,
    IAuditLog audit,
    TimeProvider time)
{
    public sealed record Request(
        [property: Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")] string UserName,
        [property: Required(ErrorMessage = "Vui lòng nhập mật khẩu."), AsTyped] string Password,
        string? TotpCode = null);

    /// <summary>
    /// The outcome. When <see cref="TwoFactorRequired"/> is set the password was right and <see cref="PendingToken"/>
    /// carries that fact (for a few minutes) to the code step.
    /// </summary>
    public sealed record Result(bool Succeeded, ClaimsPrincipal? Principal, string? Error, bool TwoFactorRequired = false, string? PendingToken = null);

    public const string InvalidCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";
    public const string InvalidCode = "Mã xác thực không đúng hoặc đã được dùng.";
    public const string AccountInactive = "Tài khoản đã ngừng hoạt động. Vui lòng liên hệ quản trị hệ thống.";
    public const string PendingExpired = "Phiên đăng nhập đã hết hạn. Vui lòng nhập lại mật khẩu.";

    public static string LockedMessage(DateTime until) =>
        $"Tài khoản tạm khóa do nhập sai nhiều lần. Tài khoản tự mở khóa lúc {VietnamTime.Format(until)}, hoặc liên hệ quản trị hệ thống để mở khóa.";

    public async Task<Result> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var userName = (request.UserName ?? string.Empty).Trim().ToLowerInvariant();
        var user = await db.Set<User>().Include(u => u.RoleAssignments)
            .FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            passwords.IsRight(null, request.Password); // as long as a wrong password takes
            await FailAsync(null, userName, "unknown user", cancellationToken);
            return new Result(false, null, InvalidCredentials);
        }

        if (await RefuseLockedOrInactiveAsync(user, request.Password, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!passwords.IsRight(user, request.Password))
        {
            return await CountFailureAsync(user, "wrong password", InvalidCredentials, cancellationToken);
        }

        if (!user.TwoFactorEnabled)
        {
            return await SucceedAsync(user, SecondFactor.None, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(request.TotpCode))
        {
            return new Result(false, null, null, TwoFactorRequired: true, PendingToken: twoFactor.CreatePendingSignIn(user));
        }

        return await CheckCodeAsync(user, request.TotpCode, cancellationToken);
    }

    /// <summary>The code step of the page: <paramref name="pendingToken"/> proves the password was right moments ago.</summary>
    public async Task<Result> CompleteTwoFactorAsync(string? pendingToken, string? code, CancellationToken cancellationToken)
    {
        if (twoFactor.ReadPendingSignIn(pendingToken) is not { } pending)
        {
            return new Result(false, null, PendingExpired);
        }

        var user = await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == pending.UserId, cancellationToken);
        if (user is null || user.SecurityStamp != pending.Stamp)
        {
            return new Result(false, null, PendingExpired);
        }

        if (await RefuseLockedOrInactiveAsync(user, password: null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var result = await CheckCodeAsync(user, code, cancellationToken);
        return result.Succeeded || result.Error != InvalidCode
            ? result
            : result with { TwoFactorRequired = true, PendingToken = pendingToken };
    }

    private async Task<Result?> RefuseLockedOrInactiveAsync(User user, string? password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (user.Status != AccountStatus.Active)
        {
            var passwordRight = password is not null && passwords.IsRight(user, password);
            await FailAsync(user, user.UserName, $"account {user.Status}", cancellationToken);
            return new Result(false, null, passwordRight ? AccountInactive : InvalidCredentials);
        }

        if (user.LockedUntil is { } until)
        {
            if (until > now)
            {
                await FailAsync(user, user.UserName, "account locked", cancellationToken);
                return new Result(false, null, LockedMessage(until));
            }

            user.Unlock();
            await audit.RecordAsync(new AuditEvent("auth.unlock", "user", user.Id.ToString(), Details: "automatic: lockout period over",
                ActorId: user.Id, ActorName: user.UserName), cancellationToken);
        }

        return null;
    }

    private async Task<Result> CheckCodeAsync(User user, string? code, CancellationToken cancellationToken)
    {
        var factor = await twoFactor.VerifyAsync(user, code, cancellationToken);
        if (factor == SecondFactor.None)
        {
            return await CountFailureAsync(user, "wrong two-factor code", InvalidCode, cancellationToken);
        }

        return await SucceedAsync(user, factor, cancellationToken);
    }

    private async Task<Result> CountFailureAsync(User user, string reason, string message, CancellationToken cancellationToken) =>
        await lockout.CountAsync(user, FailureEvent(user, user.UserName, reason), cancellationToken) is { } until
            ? new Result(false, null, LockedMessage(until))
            : new Result(false, null, message);

    private async Task<Result> SucceedAsync(User user, SecondFactor factor, CancellationToken cancellationToken)
    {
        user.RecordSignIn(time.GetUtcNow().UtcDateTime);
        var principal = await sessions.StartAsync(user, "password", cancellationToken);
        if (factor == SecondFactor.RecoveryCode)
        {
            await audit.RecordAsync(new AuditEvent("auth.recovery-code.used", "user", user.Id.ToString(),
                Details: $"{await twoFactor.UnusedRecoveryCodesAsync(user.Id, cancellationToken)} codes left", ActorId: user.Id, ActorName: user.UserName), cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(),
            Details: factor switch { SecondFactor.Authenticator => "password + authenticator", SecondFactor.RecoveryCode => "password + recovery code", _ => "password" },
            ActorId: user.Id, ActorName: user.UserName), cancellationToken);
        return new Result(true, principal, null);
    }

    private Task FailAsync(User? user, string userName, string reason, CancellationToken cancellationToken) =>
        audit.RecordAsync(FailureEvent(user, userName, reason), cancellationToken);

    private static AuditEvent FailureEvent(User? user, string userName, string reason) =>
        new("auth.sign-in", "user", user?.Id.ToString(), AuditOutcome.Failure, Details: reason, ActorId: user?.Id, ActorName: userName);
}

/// <summary>Ends the current session on the server, records it, and removes the cookie.</summary>
public sealed class SignOut(Sessions sessions, IAuditLog audit)
{
    public async Task HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(http.User, "sign-out", cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-out", "user", http.User.UserId()?.ToString()), cancellationToken);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}

/// <summary>JSON endpoints of the identity module.</summary>
public static class IdentityApi
{
    /// <summary>The signed-in person; <c>ActingFor</c> lists the delegations they hold today (whose items they may act on).</summary>
    public sealed record MeResponse(Guid Id, string UserName, string FullName, Guid? AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions,
        IReadOnlyList<ActingForResponse> ActingFor);

    /// <summary>A delegation held today: the delegator, the rights ("handleIncoming", "approveDrafts", "sign") and the last day.</summary>
    public sealed record ActingForResponse(Guid DelegationId, Guid DelegatorId, string DelegatorName, IReadOnlyList<string> Rights, DateOnly StartsOn, DateOnly EndsOn);

    public static void MapIdentityApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Xác thực");

        auth.MapPost("/sign-in", async Task<Results<Ok<MeResponse>, ProblemHttpResult, ValidationProblem>> (
                SignIn.Request request, SignIn handler, IDelegations delegations, HttpContext http, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["userName"] = string.IsNullOrWhiteSpace(request.UserName) ? ["Vui lòng nhập tên đăng nhập."] : [],
                        ["password"] = string.IsNullOrEmpty(request.Password) ? ["Vui lòng nhập mật khẩu."] : [],
                    }.Where(e => e.Value.Length > 0).ToDictionary(), title: "Dữ liệu không hợp lệ.");
                }

                var result = await handler.HandleAsync(request, ct);
                if (result.TwoFactorRequired)
                {
                    return TypedResults.Problem(title: "Vui lòng nhập mã xác thực hai lớp (totpCode).", statusCode: StatusCodes.Status401Unauthorized,
                        extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true });
                }

                if (!result.Succeeded)
                {
                    return TypedResults.Problem(title: result.Error, statusCode: StatusCodes.Status401Unauthorized);
                }

                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
                return TypedResults.Ok(await ToMeAsync(result.Principal!, delegations, ct));
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("SignIn")
            .WithSummary("Đăng nhập bằng tên đăng nhập và mật khẩu (và mã xác thực hai lớp totpCode khi tài khoản bật xác thực hai lớp); trả về cookie phiên làm việc.");

        auth.MapPost("/sign-out", async Task<NoContent> (HttpContext http, SignOut handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(http, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("SignOut")
            .WithSummary("Đăng xuất, kết thúc phiên làm việc trên máy chủ.");

        endpoints.MapGet("/api/v1/me", async (ClaimsPrincipal user, IDelegations delegations, CancellationToken ct) =>
                TypedResults.Ok(await ToMeAsync(user, delegations, ct)))
            .RequireAuthorization()
            .WithTags("Xác thực")
            .WithName("GetMe")
            .WithSummary("Người dùng đang đăng nhập.");
    }

    internal static async Task<MeResponse> ToMeAsync(ClaimsPrincipal principal, IDelegations delegations, CancellationToken ct)
    {
        var id = principal.UserId() ?? Guid.Empty;
        var actingFor = await delegations.ActingForAsync(id, ct);
        return new(
            id,
            principal.FindFirstValue(EofficeClaims.UserName) ?? string.Empty,
            principal.FindFirstValue(EofficeClaims.FullName) ?? string.Empty,
            principal.AgencyId(),
            principal.FindAll(EofficeClaims.Role).Select(c => c.Value).ToList(),
            principal.FindAll(EofficeClaims.Permission).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
            actingFor.Select(a => new ActingForResponse(a.DelegationId, a.DelegatorId, a.DelegatorName, a.Rights, a.StartsOn, a.EndsOn)).ToList());
    }
}
