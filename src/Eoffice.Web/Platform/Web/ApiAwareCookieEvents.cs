using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Platform.Web;

/// <summary>Pages redirect to the sign-in page; the JSON API answers 401/403 ProblemDetails instead.</summary>
public sealed class ApiAwareCookieEvents : CookieAuthenticationEvents
{
    public static readonly ApiAwareCookieEvents Instance = new();

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.IsApiRequest()
            ? WriteProblem(context.HttpContext, StatusCodes.Status401Unauthorized, "Bạn cần đăng nhập.")
            : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.IsApiRequest()
            ? WriteProblem(context.HttpContext, StatusCodes.Status403Forbidden, "Bạn không có quyền thực hiện thao tác này.")
            : base.RedirectToAccessDenied(context);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetService<ISessionValidator>();
        if (validator is null || context.Principal is null)
        {
            return;
        }

        var current = await validator.ValidateAsync(context.Principal, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
        else
        {
            context.ReplacePrincipal(current);
        }
    }

    private static async Task WriteProblem(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Title = title } });
    }
}

/// <summary>
/// Checks on every request that a session still stands (open, not idle, account active, credentials unchanged) and
/// returns the principal as it is now (current rights), or <c>null</c> to end the session.
/// </summary>
public interface ISessionValidator
{
    Task<System.Security.Claims.ClaimsPrincipal?> ValidateAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken);
}
