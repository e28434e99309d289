using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Search;

/// <summary>Xóa a saved search of one's own (another person's id: 404). <c>DELETE /api/v1/search/saved/{id}</c>.</summary>
public sealed class DeleteSavedSearch(SavedSearches saved)
{
    public async Task HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var search = await saved.LoadAsync(id, cancellationToken);
        saved.UnitOfWork.Db.Remove(search);
        await saved.UnitOfWork.CommitAsync(new AuditEvent("search.saved.delete", "saved_search", id.ToString(), Details: search.Name), cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, DeleteSavedSearch handler, CancellationToken ct) =>
                {
                    await handler.HandleAsync(id, ct);
                    return TypedResults.NoContent();
                })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteSavedSearch")
            .WithSummary("Xóa một tìm kiếm đã lưu của mình.");
}
