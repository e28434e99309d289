using Eoffice.Web.Modules.Search.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>A saved search as its owner sees it, with the link that re-runs it.</summary>
public sealed record SavedSearchView(Guid Id, string Name, string Query, IReadOnlyList<string> Columns, string Url, DateTime CreatedAt, DateTime? LastRunAt)
{
    public static SavedSearchView Of(SavedSearch saved) =>
        new(saved.Id, saved.Name, saved.Query, saved.Columns.Split(',', StringSplitOptions.RemoveEmptyEntries), UrlOf(saved.Query, saved.Columns),
            saved.CreatedAt, saved.LastRunAt);

    public static string UrlOf(string query, string columns) =>
        "/tim-kiem?" + query + (columns.Length == 0 ? "" : (query.Length == 0 ? "" : "&") + "cols=" + Uri.EscapeDataString(columns));
}

/// <summary>
/// What the saved-search use cases share: the current person (who must work for an agency) and their own saved searches;
/// anyone else's id is not found (404), never forbidden, so that ids reveal nothing.
/// </summary>
public sealed class SavedSearches(UnitOfWork unitOfWork, ICurrentUser currentUser, TimeProvider time)
{
    public UnitOfWork UnitOfWork => unitOfWork;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public (Guid UserId, Guid AgencyId) Owner() =>
        currentUser.Id is { } userId && currentUser.AgencyId is { } agencyId
            ? (userId, agencyId)
            : throw RuleException.Forbidden("Chỉ người làm việc tại một cơ quan mới lưu được tìm kiếm.");

    /// <summary>Whether the current person may keep saved searches (they work for an agency).</summary>
    public bool CanKeep => currentUser.Id is not null && currentUser.AgencyId is not null;

    public IQueryable<SavedSearch> Mine()
    {
        var (userId, agencyId) = Owner();
        return unitOfWork.Db.Set<SavedSearch>().Where(s => s.UserId == userId && s.AgencyId == agencyId);
    }

    public const string NotFoundMessage = "Không tìm thấy tìm kiếm đã lưu.";

    public async Task<SavedSearch> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw RuleException.NotFound(NotFoundMessage);

    public Task<SavedSearch?> FindAsync(Guid id, CancellationToken cancellationToken) => Mine().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The name as stored: trimmed (the edge already composed it and removed invisible characters).</summary>
    public static string CleanName(string? name) => (name ?? "").Trim();
}
