using System.Text.Encodings.Web;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer eot_…</c> on the JSON API as the token's owner, with the owner's current
/// rights. There is no server session and no cookie: each request re-checks that the token is neither revoked nor
/// expired and that the owner may still sign in (active, not locked). Pages never accept a token, so a token can
/// never pass a form protected against cross-site requests.
/// </summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    EofficeDbContext db,
    Sessions sessions,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = EofficeAuthenticationSchemes.AccessToken;

    /// <summary>Claim naming the token a request was made with (instead of a session id).</summary>
    public const string TokenIdClaim = "token";

    /// <summary>How often the token's last-used time is written; requests in between only read it.</summary>
    private static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);

    private const string Invalid = "Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!Request.IsApiRequest())
        {
            return AuthenticateResult.Fail("Mã truy cập chỉ dùng cho API (/api/v1).");
        }

        var value = header["Bearer ".Length..].Trim();
        if (!AccessTokenFormat.LooksLikeToken(value))
        {
            return AuthenticateResult.Fail(Invalid);
        }

        var hash = AccessTokenFormat.Hash(value);
        var token = await db.Set<PersonalAccessToken>().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsUsable(now))
        {
            return AuthenticateResult.Fail(Invalid);
        }

        var user = await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null || !user.CanSignIn(now))
        {
            return AuthenticateResult.Fail("Tài khoản sở hữu mã truy cập đang bị khóa hoặc đã ngừng hoạt động.");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > UseRecordInterval)
        {
            token.MarkUsed(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(sessions.CreateTokenPrincipal(user, token.Id), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, result.Failure?.Message ?? "Bạn cần đăng nhập.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Bạn không có quyền thực hiện thao tác này.");

    private async Task WriteProblemAsync(int status, string title)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = new ProblemDetails { Status = status, Title = title } });
    }
}
