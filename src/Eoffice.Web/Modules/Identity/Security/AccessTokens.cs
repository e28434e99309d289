using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.Security;

/// <summary>
/// Personal access tokens for scripts and integrations: a person creates and revokes their own; administrators see
/// and may revoke every token of their agency. The token is shown once, when it is created.
/// </summary>
public sealed class AccessTokens(EofficeDbContext db, UnitOfWork unitOfWork, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>One token as its owner or an administrator sees it (never the token itself).</summary>
    public sealed record TokenView(Guid Id, Guid UserId, string UserName, string Name, string Prefix, DateTime CreatedAt,
        DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt, bool IsUsable);

    /// <summary>A new token: <see cref="Token"/> is shown once and cannot be recovered later.</summary>
    public sealed record CreatedToken(Guid Id, string Name, string Token, string Prefix, DateTime? ExpiresAt);

    public async Task<CreatedToken> CreateAsync(Guid ownerId, string? name, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw RuleException.Invalid("Vui lòng đặt tên cho mã truy cập.", "name");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw RuleException.Invalid($"Tên mã truy cập tối đa {MaxNameLength} ký tự.", "name");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (expiresAt is { } expiry && expiry <= now)
        {
            throw RuleException.Invalid("Ngày hết hạn phải ở sau thời điểm hiện tại.", "expiresAt");
        }

        var token = AccessTokenFormat.Generate();
        var entity = new PersonalAccessToken(ownerId, trimmed, AccessTokenFormat.PrefixOf(token), AccessTokenFormat.Hash(token), now,
            expiresAt is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null);
        db.Add(entity);
        await unitOfWork.CommitAsync(new AuditEvent("account.token.create", "access-token", entity.Id.ToString(),
            Details: $"{trimmed} ({entity.Prefix}…), expires {(entity.ExpiresAt is { } x ? x.ToString("O") : "never")}"), cancellationToken);
        return new CreatedToken(entity.Id, entity.Name, token, entity.Prefix, entity.ExpiresAt);
    }

    public Task<List<TokenView>> ListOfAsync(Guid ownerId, CancellationToken cancellationToken) =>
        Query(db.Set<PersonalAccessToken>().Where(t => t.UserId == ownerId), cancellationToken);

    /// <summary>Every token of the people of <paramref name="agencyId"/>.</summary>
    public Task<List<TokenView>> ListOfAgencyAsync(Guid? agencyId, CancellationToken cancellationToken) =>
        Query(db.Set<PersonalAccessToken>().Where(t => db.Set<User>().Any(u => u.Id == t.UserId && u.AgencyId == agencyId)), cancellationToken);

    /// <summary>The owner revokes one of their tokens; someone else's token answers 404.</summary>
    public Task RevokeOwnAsync(Guid ownerId, Guid tokenId, CancellationToken cancellationToken) =>
        RevokeAsync(t => t.Id == tokenId && t.UserId == ownerId, "owner", cancellationToken);

    /// <summary>An administrator revokes a token of a person of their agency; any other token answers 404.</summary>
    public Task RevokeInAgencyAsync(Guid? agencyId, Guid tokenId, CancellationToken cancellationToken) =>
        RevokeAsync(t => t.Id == tokenId && db.Set<User>().Any(u => u.Id == t.UserId && u.AgencyId == agencyId), "administrator", cancellationToken);

    private async Task RevokeAsync(System.Linq.Expressions.Expression<Func<PersonalAccessToken, bool>> match, string by, CancellationToken cancellationToken)
    {
        var token = await db.Set<PersonalAccessToken>().FirstOrDefaultAsync(match, cancellationToken) ?? throw RuleException.NotFound();
        if (token.RevokedAt is not null)
        {
            return;
        }

        token.Revoke(time.GetUtcNow().UtcDateTime);
        await unitOfWork.CommitAsync(new AuditEvent("account.token.revoke", "access-token", token.Id.ToString(),
            Details: $"{token.Name} ({token.Prefix}…) of user {token.UserId}, revoked by {by}"), cancellationToken);
    }

    private async Task<List<TokenView>> Query(IQueryable<PersonalAccessToken> tokens, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await tokens
            .Join(db.Set<User>(), t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.UserName })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Token.CreatedAt)
            .Select(r => new TokenView(r.Token.Id, r.Token.UserId, r.UserName, r.Token.Name, r.Token.Prefix, r.Token.CreatedAt,
                r.Token.ExpiresAt, r.Token.LastUsedAt, r.Token.RevokedAt, r.Token.IsUsable(now)))
            .ToList();
    }
}
