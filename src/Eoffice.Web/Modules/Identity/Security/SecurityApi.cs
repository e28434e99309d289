using System.Security.Claims;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// JSON endpoints of account security: the person's own password, two-factor sign-in, sessions and access tokens
/// (<c>/api/v1/me/…</c>, which need a signed-in browser session — an access token cannot manage credentials), and the
/// administrator's per-account actions (<c>/api/v1/admin/…</c>).
/// </summary>
public static class SecurityApi
{
    /// <summary>Policy: the request comes from a signed-in session (cookie), not from an access token.</summary>
    public const string InteractiveSession = "interactive-session";

    public sealed record ChangePasswordRequest([property: AsTyped] string? CurrentPassword, [property: AsTyped] string? NewPassword);

    public sealed record CreateTokenRequest(string? Name, DateTime? ExpiresAt);

    public sealed record ConfirmTwoFactorRequest(string? EnrolmentToken, string? Code);

    public sealed record PasswordRequest([property: AsTyped] string? Password);

    public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

    public sealed record TemporaryPasswordResponse(string TemporaryPassword);

    public static void MapSecurityApi(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/v1/me").WithTags("Bảo mật tài khoản").RequireAuthorization(InteractiveSession);

        me.MapPost("/password", async Task<Results<NoContent, ValidationProblem>> (ChangePasswordRequest request, ChangePassword handler, HttpContext http, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(http.User, new ChangePassword.Request(request.CurrentPassword, request.NewPassword), ct);
                if (!result.Succeeded)
                {
                    return TypedResults.ValidationProblem(result.Errors, title: "Không đổi được mật khẩu.");
                }

                await http.SignInAsync(EofficeAuthenticationSchemes.Cookie, result.Principal!);
                return TypedResults.NoContent();
            })
            .WithName("ChangeMyPassword")
            .WithSummary("Đổi mật khẩu của tôi; phiên hiện tại tiếp tục, các phiên khác kết thúc.");

        me.MapGet("/sessions", async Task<Ok<IReadOnlyList<SessionView>>> (MySessions sessions, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await sessions.OpenOfAsync(user.UserId()!.Value, CurrentSession(user), ct)))
            .WithName("ListMySessions")
            .WithSummary("Các phiên đăng nhập đang mở của tôi.");

        me.MapDelete("/sessions/{id:guid}", async Task<NoContent> (Guid id, MySessions sessions, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await sessions.EndAsync(user.UserId()!.Value, id, ct);
                return TypedResults.NoContent();
            })
            .WithName("EndMySession")
            .WithSummary("Kết thúc một phiên đăng nhập của tôi.");

        me.MapGet("/tokens", async Task<Ok<List<AccessTokens.TokenView>>> (AccessTokens tokens, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListOfAsync(user.UserId()!.Value, ct)))
            .WithName("ListMyTokens")
            .WithSummary("Các mã truy cập cá nhân của tôi.");

        me.MapPost("/tokens", async Task<Created<AccessTokens.CreatedToken>> (CreateTokenRequest request, AccessTokens tokens, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var created = await tokens.CreateAsync(user.UserId()!.Value, request.Name, request.ExpiresAt, ct);
                return TypedResults.Created($"/api/v1/me/tokens/{created.Id}", created);
            })
            .WithName("CreateMyToken")
            .WithSummary("Tạo mã truy cập cá nhân; mã chỉ hiển thị một lần.");

        me.MapDelete("/tokens/{id:guid}", async Task<NoContent> (Guid id, AccessTokens tokens, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await tokens.RevokeOwnAsync(user.UserId()!.Value, id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeMyToken")
            .WithSummary("Thu hồi một mã truy cập của tôi.");

        me.MapPost("/two-factor/setup", Ok<TwoFactorEnrolment.Setup> (TwoFactorEnrolment enrolment, ClaimsPrincipal user) =>
                TypedResults.Ok(enrolment.Begin(user)))
            .WithName("BeginTwoFactorEnrolment")
            .WithSummary("Bắt đầu bật xác thực hai lớp: khóa bí mật, mã QR và mã xác nhận.");

        me.MapPost("/two-factor/confirm", async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult>> (
                ConfirmTwoFactorRequest request, TwoFactorEnrolment enrolment, HttpContext http, CancellationToken ct) =>
            {
                var result = await enrolment.ConfirmAsync(http.User, request.EnrolmentToken, request.Code, ct);
                if (result.Error is not null)
                {
                    return TypedResults.Problem(title: result.Error, statusCode: StatusCodes.Status400BadRequest);
                }

                await http.SignInAsync(EofficeAuthenticationSchemes.Cookie, result.Principal!);
                return TypedResults.Ok(new RecoveryCodesResponse(result.RecoveryCodes));
            })
            .WithName("ConfirmTwoFactorEnrolment")
            .WithSummary("Xác nhận mã từ ứng dụng xác thực; trả về 10 mã khôi phục (chỉ một lần).");

        me.MapPost("/two-factor/disable", async Task<Results<NoContent, ProblemHttpResult>> (
                PasswordRequest request, TwoFactorEnrolment enrolment, HttpContext http, CancellationToken ct) =>
            {
                var (error, principal) = await enrolment.DisableAsync(http.User, request.Password, ct);
                if (error is not null)
                {
                    return TypedResults.Problem(title: error, statusCode: StatusCodes.Status400BadRequest);
                }

                await http.SignInAsync(EofficeAuthenticationSchemes.Cookie, principal!);
                return TypedResults.NoContent();
            })
            .WithName("DisableTwoFactor")
            .WithSummary("Tắt xác thực hai lớp (không áp dụng cho tài khoản quản trị).");

        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Quản trị tài khoản")
            .RequireAuthorization(Policies.For(IdentityPermissions.ManageAccounts));

        admin.MapGet("/accounts/{id:guid}/security", async Task<Ok<AccountSecurityAdministration.AccountSecurityView>> (
                Guid id, AccountSecurityAdministration accounts, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await accounts.GetAsync(user.AgencyId(), id, ct)))
            .WithName("GetAccountSecurity")
            .WithSummary("Tình trạng bảo mật của một tài khoản trong cơ quan.");

        admin.MapPost("/accounts/{id:guid}/unlock", async Task<NoContent> (Guid id, AccountSecurityAdministration accounts, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await accounts.UnlockAsync(user.AgencyId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlockAccount")
            .WithSummary("Mở khóa tài khoản bị tạm khóa do đăng nhập sai nhiều lần.");

        admin.MapPost("/accounts/{id:guid}/password-reset", async Task<Ok<TemporaryPasswordResponse>> (
                Guid id, AccountSecurityAdministration accounts, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(new TemporaryPasswordResponse(await accounts.ResetPasswordAsync(user.AgencyId(), id, ct))))
            .WithName("ResetAccountPassword")
            .WithSummary("Cấp mật khẩu tạm (hiển thị một lần, phải đổi khi đăng nhập) và kết thúc mọi phiên của tài khoản.");

        admin.MapPost("/accounts/{id:guid}/two-factor/reset", async Task<NoContent> (Guid id, AccountSecurityAdministration accounts, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await accounts.ResetTwoFactorAsync(user.AgencyId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithName("ResetAccountTwoFactor")
            .WithSummary("Gỡ ứng dụng xác thực và mã khôi phục của tài khoản (mất điện thoại).");

        admin.MapPost("/accounts/{id:guid}/sessions/end-all", async Task<NoContent> (Guid id, AccountSecurityAdministration accounts, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await accounts.EndSessionsAsync(user.AgencyId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithName("EndAccountSessions")
            .WithSummary("Kết thúc mọi phiên đăng nhập của tài khoản.");

        admin.MapGet("/tokens", async Task<Ok<List<AccessTokens.TokenView>>> (AccessTokens tokens, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListOfAgencyAsync(user.AgencyId(), ct)))
            .WithName("ListAgencyTokens")
            .WithSummary("Mọi mã truy cập cá nhân của cán bộ trong cơ quan.");

        admin.MapDelete("/tokens/{id:guid}", async Task<NoContent> (Guid id, AccessTokens tokens, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await tokens.RevokeInAgencyAsync(user.AgencyId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeAgencyToken")
            .WithSummary("Thu hồi một mã truy cập của cán bộ trong cơ quan.");
    }

    private static Guid? CurrentSession(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(EofficeClaims.SessionId), out var id) ? id : null;
}
