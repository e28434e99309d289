using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>One open session as its owner or an administrator sees it.</summary>
public sealed record SessionView(Guid Id, string AuthMethod, DateTime CreatedAt, DateTime LastSeenAt, string? ClientAddress, string? UserAgent, bool IsCurrent);

/// <summary>
/// "Phiên đăng nhập": the sessions a person has open (browsers where they are signed in), each of which they can end —
/// for example a computer in the meeting room they forgot to sign out of.
/// </summary>
public sealed class MySessions(EofficeDbContext db, UnitOfWork unitOfWork, IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>Sessions not ended and not idle past the limit, newest first.</summary>
    public async Task<IReadOnlyList<SessionView>> OpenOfAsync(Guid userId, Guid? currentSessionId, CancellationToken cancellationToken)
    {
        var activeSince = time.GetUtcNow().UtcDateTime - options.Value.IdleTimeout;
        var sessions = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt >= activeSince)
            .ToListAsync(cancellationToken);
        return sessions.OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.AuthMethod, s.CreatedAt, s.LastSeenAt, s.ClientAddress, s.UserAgent, s.Id == currentSessionId))
            .ToList();
    }

    /// <summary>The owner ends one of their sessions; a session of someone else answers 404.</summary>
    public async Task EndAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Set<UserSession>().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken)
            ?? throw RuleException.NotFound();
        if (!session.IsOpen)
        {
            return;
        }

        session.End(time.GetUtcNow().UtcDateTime, "owner");
        await unitOfWork.CommitAsync(new AuditEvent("session.end", "session", session.Id.ToString(), Details: "ended by its owner"), cancellationToken);
    }
}
