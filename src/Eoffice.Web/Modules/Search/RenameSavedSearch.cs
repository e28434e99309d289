using Eoffice.Web.Modules.Search.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Đổi tên a saved search of one's own (another person's id: 404; a name another of one's saved searches has: refused
/// beside the name). <c>PUT /api/v1/search/saved/{id}</c>, the search page's "Đổi tên".
/// </summary>
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
        var name = SavedSearches.CleanName(request.Name);
        if (await saved.Mine().AnyAsync(s => s.Id != id && s.Name == name, cancellationToken))
        {
            throw RuleException.Conflict(DuplicateMessage(name), "name");
        }

        search.Rename(name);
        await saved.UnitOfWork.CommitAsync(new AuditEvent("search.saved.rename", "saved_search", id.ToString(), Details: $"{before} → {search.Name}"), cancellationToken);
        return SavedSearchView.Of(search);
    }

    public static string DuplicateMessage(string name) => $"Bạn đã có một tìm kiếm đã lưu tên “{name}”; vui lòng chọn tên khác.";

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{id:guid}", async Task<Ok<SavedSearchView>> (Guid id, Request request, RenameSavedSearch handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RenameSavedSearch")
            .WithSummary("Đổi tên một tìm kiếm đã lưu của mình.");
}
