namespace Eoffice.Web.Modules.Search.Domain;

/// <summary>
/// Tìm kiếm đã lưu: a person's named search (the words and filters as the search page's query string, and the result
/// columns they chose), re-run from the list. Only its owner sees it; a person keeps at most <see cref="MaxPerUser"/>.
/// </summary>
public sealed class SavedSearch
{
    public const int NameMaxLength = 200;
    public const int QueryMaxLength = 4000;
    public const int ColumnsMaxLength = 200;
    public const int MaxPerUser = 50;

    private SavedSearch()
    {
        Name = Query = Columns = string.Empty;
    }

    public SavedSearch(Guid agencyId, Guid userId, string name, string query, string columns, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        UserId = userId;
        Name = name;
        Query = query;
        Columns = columns;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The search as the query string of /tim-kiem, without the page (<see cref="SearchQueryString"/>).</summary>
    public string Query { get; private set; }

    /// <summary>The result columns' codes, comma-separated (<see cref="SearchColumns"/>).</summary>
    public string Columns { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastRunAt { get; private set; }

    public void Rename(string name) => Name = name;

    public void MarkRun(DateTime now) => LastRunAt = now;
}
