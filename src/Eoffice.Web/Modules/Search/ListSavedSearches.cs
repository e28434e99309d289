using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>Tìm kiếm đã lưu: the current person's saved searches, by name. <c>GET /api/v1/search/saved</c>.</summary>
public sealed class ListSavedSearches(SavedSearches saved)
{
    public async Task<IReadOnlyList<SavedSearchView>> HandleAsync(CancellationToken cancellationToken)
    {
        // An installation administrator (no agency) has none, and may still search.
        if (!saved.CanKeep)
        {
            return [];
        }

        var rows = await saved.Mine().AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(s => s.Name, StringComparer.Create(Platform.Text.VietnameseText.Culture, ignoreCase: true)).ThenBy(s => s.CreatedAt)
            .Select(SavedSearchView.Of).ToList();
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("", async Task<Ok<IReadOnlyList<SavedSearchView>>> (ListSavedSearches handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListSavedSearches")
            .WithSummary("Các tìm kiếm đã lưu của người dùng hiện tại.");
}
