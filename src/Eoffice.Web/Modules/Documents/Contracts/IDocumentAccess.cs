namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>The kinds of document other modules refer to.</summary>
public static class DocumentKinds
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";
}

/// <summary>A document as another module lists it: kind, id, trích yếu, số/ký hiệu, ngày văn bản.</summary>
public sealed record DocumentReference(string Kind, Guid Id, string Title, string? Code, DateOnly Date);

/// <summary>
/// The documents' own access, for modules that list documents (a dossier never reveals a document its viewer may not
/// open): which of these ids the current person may open, and one document's reference when they may.
/// </summary>
public interface IDocumentAccess
{
    /// <summary>The ids among <paramref name="ids"/> of documents of <paramref name="kind"/> the current person may open.</summary>
    Task<IReadOnlySet<Guid>> OpenableAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>The document's reference, or <c>null</c> when it does not exist for the current person.</summary>
    Task<DocumentReference?> FindOpenableAsync(string kind, Guid id, CancellationToken cancellationToken = default);
}
