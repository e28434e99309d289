using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Holds a signed-in person at the door until they do what <see cref="AccountRequirements"/> asks: pages redirect to
/// the password change (first sign-in, reset, expired administrator password) or to the two-factor enrolment
/// (administrators); the API answers 403 ProblemDetails. Signing out, reading <c>/api/v1/me</c>, the step itself and the
/// antiforgery token its request needs stay open.
/// </summary>
public sealed class AccountRequirementMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPage = "/doi-mat-khau";
    public const string TwoFactorPage = "/bao-mat/xac-thuc-hai-lop";

    private static readonly string[] AlwaysOpen = ["/dang-xuat", "/dang-nhap", "/khong-co-quyen", "/Error", "/StatusCode", "/health"];

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        // The API and the real-time hubs are answered 403, never redirected to an HTML page.
        var api = context.Request.IsApiRequest() || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
        if (user.HasClaim(c => c.Type == EofficeClaims.MustChangePassword))
        {
            if (IsOpen(path, ChangePasswordPage, "/api/v1/me/password"))
            {
                await next(context);
                return;
            }

            await HoldAsync(context, api, ChangePasswordPage, "Bạn phải đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.", "passwordChangeRequired");
            return;
        }

        if (user.HasClaim(c => c.Type == AccountRequirements.MustEnrolTwoFactorClaim))
        {
            if (IsOpen(path, TwoFactorPage, "/api/v1/me/two-factor"))
            {
                await next(context);
                return;
            }

            await HoldAsync(context, api, TwoFactorPage, "Tài khoản quản trị phải bật xác thực hai lớp trước khi tiếp tục sử dụng hệ thống.", "twoFactorEnrolmentRequired");
            return;
        }

        await next(context);
    }

    private static bool IsOpen(PathString path, string page, string api) =>
        path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(api, StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/v1/me", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/v1/auth/sign-out", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/v1/files/antiforgery-token", StringComparison.OrdinalIgnoreCase)
        || AlwaysOpen.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static async Task HoldAsync(HttpContext context, bool api, string page, string title, string flag)
    {
        if (!api)
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(page + "?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = title };
        problem.Extensions[flag] = true;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
