using Eoffice.Web.Modules.Search.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Lưu tìm kiếm: names the current search (its query string, without the page) and the chosen columns, for the owner
/// alone; at most <see cref="SavedSearch.MaxPerUser"/> per person. <c>POST /api/v1/search/saved</c>, the search page's
/// "Lưu tìm kiếm".
/// </summary>
public sealed class SaveSearch(SavedSearches saved)
{
    public sealed record Request(string? Name, string? Query, IReadOnlyList<string>? Columns) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("name", Name, SavedSearch.NameMaxLength, "Vui lòng đặt tên cho tìm kiếm.", "Tên tìm kiếm");
            ValidateQuery(errors, "query", Query);
            if (SearchColumns.Unknown(Columns) is { Count: > 0 } unknown)
            {
                errors["columns"] = [$"Cột không có trong danh sách kết quả: {string.Join(", ", unknown)}."];
            }

            return errors;
        }
    }

    /// <summary>The query must be a search the page runs: within its length, valid, and asking for something.</summary>
    public static void ValidateQuery(Dictionary<string, string[]> errors, string field, string? query)
    {
        if (query is { Length: > SavedSearch.QueryMaxLength })
        {
            errors[field] = [$"Tìm kiếm dài tối đa {SavedSearch.QueryMaxLength} ký tự."];
            return;
        }

        var request = SearchQueryString.Parse(query);
        if (request.Validate().Values.FirstOrDefault() is { Length: > 0 } messages)
        {
            errors[field] = [messages[0]];
        }
        else if (!SearchQueryString.HasCriteria(request))
        {
            errors[field] = ["Tìm kiếm chưa có từ khóa hoặc bộ lọc nào để lưu."];
        }
    }

    public async Task<SavedSearchView> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var (userId, agencyId) = saved.Owner();
        if (await saved.Mine().CountAsync(cancellationToken) >= SavedSearch.MaxPerUser)
        {
            throw RuleException.Conflict($"Mỗi người lưu được tối đa {SavedSearch.MaxPerUser} tìm kiếm. Vui lòng xóa bớt tìm kiếm cũ trước khi lưu thêm.", "name");
        }

        var query = SearchQueryString.Format(SearchQueryString.Parse(request.Query), withPage: false);
        var columns = SearchColumns.Format(SearchColumns.Parse(string.Join(',', request.Columns ?? [])) ?? SearchColumns.Default);
        var search = new SavedSearch(agencyId, userId, SavedSearches.CleanName(request.Name), query, columns, saved.Now);
        saved.UnitOfWork.Db.Add(search);
        await saved.UnitOfWork.CommitAsync(new AuditEvent("search.saved.create", "saved_search", search.Id.ToString(), Details: search.Name), cancellationToken);
        return SavedSearchView.Of(search);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("", async Task<Created<SavedSearchView>> (Request request, SaveSearch handler, CancellationToken ct) =>
                {
                    var view = await handler.HandleAsync(request, ct);
                    return TypedResults.Created($"/api/v1/search/saved/{view.Id}", view);
                })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SaveSearch")
            .WithSummary("Lưu tìm kiếm hiện tại (từ khóa, bộ lọc, các cột) với một tên.");
}
