namespace Eoffice.Web.Modules.Dossiers.Contracts;

/// <summary>The kinds of item a dossier files (the same codes as <c>Documents.Contracts.DocumentKinds</c>).</summary>
public static class FiledItemKinds
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";

    public static bool IsKnown(string? kind) => kind is Incoming or Outgoing;
}

/// <summary>An item of another module, by kind and id.</summary>
public sealed record FiledItemRef(string Kind, Guid Id);

/// <summary>What a dossier lists of a filed item: its title (trích yếu), code (số, ký hiệu) and date (ngày văn bản, which orders the dossier).</summary>
public sealed record FiledItem(string Kind, Guid Id, string Title, string? Code, DateOnly Date);

/// <summary>A dossier the person may file into; <paramref name="Suggested"/> ones come first, with why.</summary>
public sealed record DossierChoice(Guid Id, string Notation, string Title, int Year, bool Suggested, string? SuggestedBecause);

/// <summary>A dossier an item is filed in, with the item's ordinal there.</summary>
public sealed record DossierOfItem(Guid Id, string Notation, string Title, int Ordinal);

/// <summary>
/// Filing without copying (ADR 0031): the door other modules (Documents' "Kết thúc" and issuance) use to put their
/// items into work dossiers. Everything answers for the current person: only the open dossiers they may see (creator,
/// unit, the agency's leaders, grants); another's dossier id is not found.
/// </summary>
public interface IDossierFiling
{
    /// <summary>
    /// The open dossiers the person may file into, suggested first: those where items of <paramref name="thread"/> (the
    /// documents the item answers or is answered by) were filed, then the dossiers opened from the file plan for the
    /// person's unit; then the others, most recently changed first.
    /// </summary>
    Task<IReadOnlyList<DossierChoice>> ChoicesAsync(IReadOnlyCollection<FiledItemRef> thread, CancellationToken cancellationToken = default);

    /// <summary>
    /// Files <paramref name="item"/> into each of <paramref name="dossierIds"/> (already there: left as is). The change is
    /// staged in the request's unit of work: the caller's commit saves it with its own change, or nothing is saved. A
    /// dossier not found (or not visible) answers 404, a closed one 409. Returns the dossiers, as "01.TCCB Title".
    /// </summary>
    Task<IReadOnlyList<DossierChoice>> FileAsync(FiledItem item, IReadOnlyCollection<Guid> dossierIds, CancellationToken cancellationToken = default);

    /// <summary>The dossiers visible to the person that hold the item.</summary>
    Task<IReadOnlyList<DossierOfItem>> DossiersOfAsync(FiledItemRef item, CancellationToken cancellationToken = default);
}
