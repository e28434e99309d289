namespace Eoffice.Web.Modules.Identity.Domain;

/// <summary>
/// One signed-in session, kept on the server: the cookie only carries its id. It ends on sign-out, after the idle
/// limit, or when the account may no longer sign in; an ended session is never accepted again.
/// </summary>
public sealed class UserSession
{
    private UserSession()
    {
        AuthMethod = string.Empty;
    }

    public UserSession(Guid userId, string authMethod, DateTime at, string? clientAddress, string? userAgent)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        AuthMethod = authMethod;
        CreatedAt = at;
        LastSeenAt = at;
        ClientAddress = clientAddress;
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>"password", "ldap", "oidc" or "token".</summary>
    public string AuthMethod { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastSeenAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>"sign-out", "idle", "account", "administrator".</summary>
    public string? EndReason { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public bool IsOpen => EndedAt is null;

    public bool IsIdle(DateTime now, TimeSpan idleLimit) => now - LastSeenAt > idleLimit;

    public void Touch(DateTime now) => LastSeenAt = now;

    public void End(DateTime at, string reason)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = at;
        EndReason = reason;
    }
}
