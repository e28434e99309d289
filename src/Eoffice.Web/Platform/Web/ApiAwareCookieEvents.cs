using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Eoffice.Web.Platform.Web;

/// <summary>Pages redirect to the sign-in page; the JSON API answers 401/403 ProblemDetails instead.</summary>
public sealed class ApiAwareCookieEvents : CookieAuthenticationEvents
{
    public static readonly ApiAwareCookieEvents Instance = new();

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.IsApiRequest()
            ? ProblemDetailsSetup.WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ProblemDetailsSetup.TitleOf(StatusCodes.Status401Unauthorized))
            : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.IsApiRequest()
            ? ProblemDetailsSetup.WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, ProblemDetailsSetup.TitleOf(StatusCodes.Status403Forbidden))
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
}

/// <summary>
/// Checks on every request that a session still stands (open, not idle, account active, credentials unchanged) and
/// returns the principal as it is now (current rights), or <c>null</c> to end the session.
/// </summary>
public interface ISessionValidator
{
    Task<System.Security.Claims.ClaimsPrincipal?> ValidateAsync(System.Security.Claims.ClaimsPrincipal principal, CancellationToken cancellationToken);
}
