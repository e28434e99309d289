namespace Eoffice.Web.Modules.Search.Data;

/// <summary>
/// One item in the index (an incoming document, an outgoing document…): what a hit shows and what the filters and facets
/// use. <see cref="Id"/> is the row id of the full-text index (<c>search_fts</c>), which lives outside the EF model.
/// </summary>
public sealed class SearchEntry
{
    public const int KindMaxLength = 40;
    public const int TitleMaxLength = 1000;
    public const int CodeMaxLength = 200;
    public const int UrlMaxLength = 300;
    public const int CodeValueMaxLength = 40;
    public const int NameMaxLength = 300;
    public const int OrganMaxLength = 500;

    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public Guid ItemId { get; set; }

    public Guid AgencyId { get; set; }

    public string Title { get; set; } = "";

    public string? Code { get; set; }

    public string Url { get; set; } = "";

    public DateOnly? Date { get; set; }

    public string? TypeCode { get; set; }

    public string? TypeName { get; set; }

    public string? Organ { get; set; }

    public Guid? RegisterId { get; set; }

    public string? RegisterName { get; set; }

    public Guid? UnitId { get; set; }

    public string? UnitName { get; set; }

    public string? State { get; set; }

    public string? StateName { get; set; }

    /// <summary>SHA-256 (hex) of everything indexed: the check recomputes it to find drift.</summary>
    public string ContentHash { get; set; } = "";

    public DateTime IndexedAt { get; set; }

    public SearchEntryText? Text { get; set; }

    public List<SearchEntryReader> Readers { get; set; } = [];

    public List<SearchEntryFile> Files { get; set; } = [];

    public List<SearchEntryCode> Codes { get; set; } = [];
}

/// <summary>The item's fields joined with their labels, as written (NFC): the source of snippets.</summary>
public sealed class SearchEntryText
{
    public long EntryId { get; set; }

    public string Body { get; set; } = "";
}

/// <summary>A principal (person, unit, register…) of which a reader must hold one to see the item.</summary>
public sealed class SearchEntryReader
{
    public long EntryId { get; set; }

    public Guid PrincipalId { get; set; }
}

/// <summary>A stored file whose text is part of the item: re-indexed when that text is extracted.</summary>
public sealed class SearchEntryFile
{
    public long EntryId { get; set; }

    public Guid FileId { get; set; }
}

/// <summary>
/// One of the item's codes (number and symbol, arrival number…) as <see cref="SearchText.CodeKey"/> folds it, in a
/// b-tree: a number look-up reads these few rows, not the full text (ADR 0029 §9).
/// </summary>
public sealed class SearchEntryCode
{
    public const int CodeMaxLength = 200;

    public long EntryId { get; set; }

    public string Code { get; set; } = "";
}
