using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Delegations;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity;

/// <summary>Sign-in with user name and password; the page and <c>POST /api/v1/auth/sign-in</c> share this handler.</summary>
public sealed class SignIn(
    EofficeDbContext db,
    IPasswordHasher<User> hasher,
    Sessions sessions,
    IAuditLog audit,
    TimeProvider time)
{
    public sealed record Request(
        [property: Required(ErrorMessage = "Vui lòng nhập tên đăng nhập.")] string UserName,
        [property: Required(ErrorMessage = "Vui lòng nhập mật khẩu.")] string Password);

    public sealed record Result(bool Succeeded, ClaimsPrincipal? Principal, string? Error);

    public const string InvalidCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public async Task<Result> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var userName = (request.UserName ?? string.Empty).Trim().ToLowerInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        var user = await db.Set<User>().Include(u => u.RoleAssignments)
            .FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);

        if (user is null || !user.CanSignIn(now) || string.IsNullOrEmpty(user.PasswordHash)
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user?.Id.ToString(), AuditOutcome.Failure,
                Details: user is null ? "unknown user" : user.CanSignIn(now) ? "wrong password" : $"account {user.Status}",
                ActorId: user?.Id, ActorName: userName), cancellationToken);
            return new Result(false, null, InvalidCredentials);
        }

        user.RecordSignIn(now);
        var principal = await sessions.StartAsync(user, "password", cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(), ActorId: user.Id, ActorName: user.UserName), cancellationToken);
        return new Result(true, principal, null);
    }
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
            .WithSummary("Đăng nhập bằng tên đăng nhập và mật khẩu; trả về cookie phiên làm việc.");

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
            actingFor.Select(a => new ActingForResponse(a.DelegationId, a.DelegatorId, a.DelegatorName, DelegatedRightNames.ToNames(a.Rights), a.StartsOn, a.EndsOn)).ToList());
    }
}
