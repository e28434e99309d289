using Eoffice.Web.Modules.Identity.Contracts;
using System.ComponentModel.DataAnnotations;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>
/// Sign-in with the official e-mail account through an LDAP directory: the person types their e-mail or directory user
/// name and password, the directory checks the password by a bind, and the linked eOffice account is signed in. The
/// sign-in page's "Đăng nhập bằng thư công vụ" form and <c>POST /api/v1/auth/sign-in/directory</c> share this handler.
/// </summary>
public sealed class SignInWithLdap(EofficeDbContext db, LdapDirectory directory, ExternalProviderSecrets secrets,
    SignInWithExternalIdentity signIn)
{
    /// <summary>E-mail or directory user name, password, and the provider: its id, or "ldap" / empty for the first enabled LDAP provider.</summary>
    public sealed record Request(
        [property: Required(ErrorMessage = "Vui lòng nhập thư công vụ hoặc tên đăng nhập.")] string UserName,
        [property: Required(ErrorMessage = "Vui lòng nhập mật khẩu."), AsTyped] string Password,
        string? Provider = null);

    public async Task<ExternalSignInResult> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var login = (request.UserName ?? string.Empty).Trim().Normalize();
        var provider = await FindProviderAsync(request.Provider, cancellationToken);
        if (provider is null)
        {
            await signIn.AuditRefusalAsync(null, login, $"no enabled LDAP provider '{request.Provider}'", cancellationToken);
            return ExternalSignInResult.Failed(ExternalSignInFailure.ProviderNotFound);
        }

        if (login.Length > 256)
        {
            await signIn.AuditRefusalAsync(provider, login[..256], "user name too long", cancellationToken);
            return ExternalSignInResult.Failed(ExternalSignInFailure.InvalidCredentials);
        }

        var check = await directory.CheckPasswordAsync(provider, login, request.Password ?? string.Empty, secrets.Reveal(provider), cancellationToken);
        if (check.Person is null)
        {
            await signIn.AuditRefusalAsync(provider, login, check.Detail, cancellationToken);
            return ExternalSignInResult.Failed(check.Failure);
        }

        return await signIn.HandleAsync(provider, check.Person, emailVerified: true, cancellationToken);
    }

    private Task<ExternalSignInProvider?> FindProviderAsync(string? reference, CancellationToken cancellationToken)
    {
        var enabled = db.Set<ExternalSignInProvider>().Where(p => p.IsEnabled && p.Kind == ExternalProviderKind.Ldap);
        if (Guid.TryParse(reference, out var id))
        {
            return enabled.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        return string.IsNullOrWhiteSpace(reference) || string.Equals(reference.Trim(), "ldap", StringComparison.OrdinalIgnoreCase)
            ? enabled.OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<ExternalSignInProvider?>(null);
    }

    /// <summary>Maps <c>POST /api/v1/auth/sign-in/directory</c>; the user-name sign-in keeps its own endpoint and contract.</summary>
    public static void MapEndpoint(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/auth/sign-in/directory", async Task<Results<Ok<IdentityApi.MeResponse>, ProblemHttpResult, ValidationProblem>> (
                Request request, SignInWithLdap handler, IDelegations delegations, HttpContext http, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(request.UserName))
                {
                    errors["userName"] = ["Vui lòng nhập thư công vụ hoặc tên đăng nhập."];
                }

                if (string.IsNullOrEmpty(request.Password))
                {
                    errors["password"] = ["Vui lòng nhập mật khẩu."];
                }

                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ.");
                }

                var result = await handler.HandleAsync(request, ct);
                if (!result.Succeeded)
                {
                    return TypedResults.Problem(title: result.Error, statusCode: StatusCode(result.Failure));
                }

                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
                return TypedResults.Ok(await IdentityApi.ToMeAsync(result.Principal!, delegations, ct));
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Xác thực")
            .WithName("SignInWithDirectory")
            .WithSummary("Đăng nhập bằng thư công vụ (thư mục LDAP của cơ quan); trả về cookie phiên làm việc.");
    }

    public static int StatusCode(ExternalSignInFailure failure) => failure switch
    {
        ExternalSignInFailure.InvalidCredentials => StatusCodes.Status401Unauthorized,
        ExternalSignInFailure.NotLinked or ExternalSignInFailure.AccountUnavailable => StatusCodes.Status403Forbidden,
        ExternalSignInFailure.ProviderUnavailable => StatusCodes.Status503ServiceUnavailable,
        ExternalSignInFailure.ProviderNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}
