namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>The kinds of document other modules refer to.</summary>
public static class DocumentKinds
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";
}

/// <summary>A document as another module lists it: kind, id, trích yếu, số/ký hiệu, ngày văn bản.</summary>
public sealed record DocumentReference(string Kind, Guid Id, string Title, string? Code, DateOnly Date);

/// <summary>A file of a document as stored (the platform file store's id), the main document first.</summary>
public sealed record ArchivalFile(Guid FileId, string FileName, bool IsMain);

/// <summary>
/// What an archive receives of a document (Decree 30 Phụ lục VI Part II; TT 02/2019): its metadata under the input-field
/// names of the standard and the files of its record — an incoming document's scan and attachments, an outgoing
/// document's issued original and annexes (else its signed copy, else its last draft).
/// </summary>
public sealed record ArchivalDocument(
    string Kind,
    Guid Id,
    string? TypeName,
    string? CodeNumber,
    string? CodeNotation,
    string? CodeText,
    DateOnly Date,
    string? OrganName,
    string Subject,
    string? Language,
    int? PageAmount,
    string? Description,
    string? SignerPosition,
    string? SignerFullName,
    string? Priority,
    IReadOnlyList<ArchivalFile> Files);

/// <summary>
/// The documents' own access, for modules that list documents (a dossier never reveals a document its viewer may not
/// open): which of these ids the current person may open, and one document's reference when they may.
/// </summary>
public interface IDocumentAccess
{
    /// <summary>The ids among <paramref name="ids"/> of documents of <paramref name="kind"/> the current person may open.</summary>
    Task<IReadOnlySet<Guid>> OpenableAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same answer as a query: of the ids <paramref name="ids"/> selects (a query of the caller's own table, in the same
    /// database), those the current person may open — composed by the database into one statement, so that a dossier of
    /// thousands of documents is counted and paged without reading every id into memory.
    /// </summary>
    Task<IQueryable<Guid>> OpenableQueryAsync(string kind, IQueryable<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>The document's reference, or <c>null</c> when it does not exist for the current person.</summary>
    Task<DocumentReference?> FindOpenableAsync(string kind, Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The archival records of the documents of <paramref name="kind"/> among <paramref name="ids"/> that belong to
    /// <paramref name="agencyId"/>, for the agency's records keeper transferring whole dossiers to the archive (ADR 0031):
    /// no per-person check — the caller checks its own right to hand the agency's dossiers over; documents of another
    /// agency are left out.
    /// </summary>
    Task<IReadOnlyList<ArchivalDocument>> ArchivalRecordsAsync(Guid agencyId, string kind, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}
