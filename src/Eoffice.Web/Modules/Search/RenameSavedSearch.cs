using Eoffice.Web.Modules.Search.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Search;

/// <summary>Đổi tên a saved search of one's own (another person's id: 404). <c>PUT /api/v1/search/saved/{id}</c>.</summary>
public sealed class RenameSavedSearch(SavedSearches saved)
{
    public sealed record Request(string? Name) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("name", Name, SavedSearch.NameMaxLength, "Vui lòng đặt tên cho tìm kiếm.", "Tên tìm kiếm");
            return errors;
        }
    }

    public async Task<SavedSearchView> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var search = await saved.LoadAsync(id, cancellationToken);
        var before = search.Name;
        search.Rename(SavedSearches.CleanName(request.Name));
        await saved.UnitOfWork.CommitAsync(new AuditEvent("search.saved.rename", "saved_search", id.ToString(), Details: $"{before} → {search.Name}"), cancellationToken);
        return SavedSearchView.Of(search);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<SavedSearchView>> (Guid id, Request request, RenameSavedSearch handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RenameSavedSearch")
            .WithSummary("Đổi tên một tìm kiếm đã lưu của mình.");
}
