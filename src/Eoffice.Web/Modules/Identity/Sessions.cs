using System.Security.Claims;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity;

/// <summary>
/// Server-side sessions. Signing in opens one; every request re-checks it — open, not idle past the limit, account
/// still allowed to sign in, credentials unchanged — and rebuilds the claims from the current role assignments, so a
/// change of rights or a disabled account takes effect on the next request. Signing out ends it for good.
/// </summary>
public sealed class Sessions(EofficeDbContext db, PermissionCatalog catalog, TimeProvider time, IOptions<IdentityOptions> options,
    IHttpContextAccessor http) : ISessionValidator
{
    /// <summary>How often a session's last-seen time is written; requests in between only read it.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(30);

    public async Task<ClaimsPrincipal> StartAsync(User user, string authMethod, CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        var session = new UserSession(user.Id, authMethod, time.GetUtcNow().UtcDateTime,
            context?.Connection.RemoteIpAddress?.ToString(), context?.Request.Headers.UserAgent.ToString());
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return CreatePrincipal(user, session.Id);
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(EofficeClaims.SessionId), out var sessionId))
        {
            return null;
        }

        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !session.IsOpen)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        string? endReason = null;
        if (user is null || !user.CanSignIn(now))
        {
            endReason = "account";
        }
        else if (user.SecurityStamp != principal.FindFirstValue(EofficeClaims.SecurityStamp))
        {
            endReason = "credentials";
        }
        else if (session.IsIdle(now, options.Value.IdleTimeout))
        {
            endReason = "idle";
        }

        if (endReason is not null)
        {
            session.End(now, endReason);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt > TouchInterval)
        {
            session.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return CreatePrincipal(user!, session.Id);
    }

    /// <summary>Ends the session of <paramref name="principal"/> (sign-out); a later request with its cookie is refused.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, string reason, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(EofficeClaims.SessionId), out var sessionId))
        {
            return;
        }

        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is not null)
        {
            session.End(time.GetUtcNow().UtcDateTime, reason);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Ends every open session of a person at once (saved now).</summary>
    public async Task EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        await MarkAllEndedAsync(userId, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Ends every open session of a person (account disabled, password reset, departure) in the tracked changes: they
    /// end when the caller's unit of work commits the change that ends them, and not at all if it fails.
    /// </summary>
    public async Task MarkAllEndedAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.End(now, reason);
        }
    }

    public ClaimsPrincipal CreatePrincipal(User user, Guid sessionId) =>
        BuildPrincipal(user, new Claim(EofficeClaims.SessionId, sessionId.ToString()), CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>The principal of a request made with a personal access token: the owner's rights, but no session.</summary>
    public ClaimsPrincipal CreateTokenPrincipal(User user, Guid tokenId) =>
        BuildPrincipal(user, new Claim(AccessTokenAuthentication.TokenIdClaim, tokenId.ToString()), AccessTokenAuthentication.SchemeName);

    private ClaimsPrincipal BuildPrincipal(User user, Claim proof, string authenticationType)
    {
        var roles = user.RoleAssignments.Select(r => r.RoleCode).Distinct().ToList();
        var claims = new List<Claim>
        {
            new(EofficeClaims.UserId, user.Id.ToString()),
            new(EofficeClaims.UserName, user.UserName),
            new(EofficeClaims.FullName, user.FullName),
            new(EofficeClaims.SecurityStamp, user.SecurityStamp),
            proof,
        };
        if (user.AgencyId is { } agencyId)
        {
            claims.Add(new Claim(EofficeClaims.AgencyId, agencyId.ToString()));
        }

        if (AccountRequirements.MustChangePassword(user, time.GetUtcNow().UtcDateTime, options.Value))
        {
            claims.Add(new Claim(EofficeClaims.MustChangePassword, "true"));
        }

        if (AccountRequirements.MustEnrolTwoFactor(user))
        {
            claims.Add(new Claim(AccountRequirements.MustEnrolTwoFactorClaim, "true"));
        }

        claims.AddRange(roles.Select(r => new Claim(EofficeClaims.Role, r)));
        claims.AddRange(catalog.PermissionsOf(roles).Select(p => new Claim(EofficeClaims.Permission, p)));
        var identity = new ClaimsIdentity(claims, authenticationType, EofficeClaims.UserName, EofficeClaims.Role);
        return new ClaimsPrincipal(identity);
    }
}
