namespace Eoffice.Web.Modules.Search.Contracts;

/// <summary>
/// What a module gives the one search index for each of its items (an incoming document, an outgoing document, later a
/// dossier, a task, a service case, a cabinet file). The search module stores, folds and indexes it; it never reads the
/// module's tables. Facet values are the module's own (codes and their Vietnamese names).
/// </summary>
public sealed record SearchItem(
    Guid ItemId,
    Guid AgencyId,
    string Title,
    string? Code,
    string Url,
    DateOnly? Date,
    SearchFacetValues Facets,
    IReadOnlyList<SearchField> Fields,
    IReadOnlyList<Guid> FileIds,
    IReadOnlyList<Guid> Readers);

/// <summary>The filterable values of an item: document type, issuing organ, register, unit, state (code + name).</summary>
public sealed record SearchFacetValues(
    string? TypeCode = null,
    string? TypeName = null,
    string? Organ = null,
    Guid? RegisterId = null,
    string? RegisterName = null,
    Guid? UnitId = null,
    string? UnitName = null,
    string? State = null,
    string? StateName = null);

/// <summary>One searchable field of an item: a label for the snippet ("Trích yếu", "Ý kiến chỉ đạo"), its text, and
/// whether it is a code (a number and symbol, an arrival number) matched also by parts ("1234", "STC-QLNS").</summary>
public sealed record SearchField(string Name, string? Text, bool IsCode = false);

/// <summary>
/// Whom a reader is, for one kind: the agency, whether they see every item of the kind in the agency (an agency-wide
/// tracker), and otherwise the principals (their user id, their delegators, units they lead, registers they keep…)
/// of which one must be among an item's <see cref="SearchItem.Readers"/>.
/// </summary>
public sealed record SearchReaderScope(Guid AgencyId, bool All, IReadOnlyList<Guid> Principals)
{
    public static SearchReaderScope None(Guid agencyId) => new(agencyId, false, []);
}

/// <summary>
/// A module's items in the search index. Register it with <c>services.AddSearchSource&lt;TSource&gt;(kind, events)</c>
/// (in the module's Add…Module): the search module then re-indexes an item whenever one of <c>events</c> (carrying a
/// <c>Kernel.Handling.TimelineEvent</c> whose owner is the item) is delivered, and whenever the text of one of its files
/// is extracted.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kind's code ("incoming", "outgoing", "dossier"…), unique among sources.</summary>
    string Kind { get; }

    /// <summary>The kind's Vietnamese name for filters and result lists ("Văn bản đến").</summary>
    string Name { get; }

    /// <summary>The items as they are now; an id that no longer exists (or must no longer be found) is absent.</summary>
    Task<IReadOnlyList<SearchItem>> LoadAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>Every item id of the kind, in pages ordered by id (rebuild and check): the ids after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<Guid>> ItemIdsAsync(Guid? after, int take, CancellationToken cancellationToken);

    /// <summary>The current user's reading scope for this kind.</summary>
    Task<SearchReaderScope> ReaderScopeAsync(CancellationToken cancellationToken);
}
