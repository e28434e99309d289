using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents;

/// <summary><see cref="IDocumentAccess"/> through the documents' own access controls: the same answer as their pages and API.</summary>
public sealed class DocumentAccess(IncomingAccessControl incoming, OutgoingAccessControl outgoing, EofficeDbContext db) : IDocumentAccess
{
    public async Task<IReadOnlySet<Guid>> OpenableAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var list = ids.Distinct().ToList();
        var found = kind switch
        {
            DocumentKinds.Incoming => await incoming.Visible(await incoming.ViewerAsync(cancellationToken)).Where(d => list.Contains(d.Id)).Select(d => d.Id)
                .ToListAsync(cancellationToken),
            DocumentKinds.Outgoing => await outgoing.Visible(await outgoing.ViewerAsync(cancellationToken)).Where(d => list.Contains(d.Id)).Select(d => d.Id)
                .ToListAsync(cancellationToken),
            _ => [],
        };
        return found.ToHashSet();
    }

    public async Task<IQueryable<Guid>> OpenableQueryAsync(string kind, IQueryable<Guid> ids, CancellationToken cancellationToken = default) => kind switch
    {
        DocumentKinds.Incoming => incoming.Visible(await incoming.ViewerAsync(cancellationToken)).Where(d => ids.Contains(d.Id)).Select(d => d.Id),
        DocumentKinds.Outgoing => outgoing.Visible(await outgoing.ViewerAsync(cancellationToken)).Where(d => ids.Contains(d.Id)).Select(d => d.Id),
        _ => ids.Where(_ => false),
    };

    public async Task<DocumentReference?> FindOpenableAsync(string kind, Guid id, CancellationToken cancellationToken = default)
    {
        switch (kind)
        {
            case DocumentKinds.Incoming:
                var d = await incoming.Visible(await incoming.ViewerAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
                return d is null ? null : Of(d);
            case DocumentKinds.Outgoing:
                var o = await outgoing.Visible(await outgoing.ViewerAsync(cancellationToken)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
                return o is null ? null : Of(o);
            default:
                return null;
        }
    }

    public async Task<IReadOnlyList<ArchivalDocument>> ArchivalRecordsAsync(Guid agencyId, string kind, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0)
        {
            return [];
        }

        switch (kind)
        {
            case DocumentKinds.Incoming:
                var received = await db.Set<Domain.IncomingDocument>().AsNoTracking().Include(d => d.Attachments)
                    .Where(d => d.AgencyId == agencyId && list.Contains(d.Id)).ToListAsync(cancellationToken);
                return received.Select(d => Archival(Of(d), d.Metadata,
                    d.Attachments.OrderByDescending(a => a.IsMain).ThenBy(a => a.SortOrder).Select(a => new ArchivalFile(a.FileId, a.FileName, a.IsMain)))).ToList();
            case DocumentKinds.Outgoing:
                var sent = await db.Set<Domain.OutgoingDocument>().AsNoTracking().Include(d => d.Versions)
                    .Where(d => d.AgencyId == agencyId && list.Contains(d.Id)).ToListAsync(cancellationToken);
                return sent.Select(d => Archival(Of(d), d.Metadata,
                    IssuedDocuments.FilesOf(d, draftIfUnsigned: true).Select(f => new ArchivalFile(f.FileId, f.FileName, f.IsMain)))).ToList();
            default:
                return [];
        }
    }

    private static ArchivalDocument Archival(DocumentReference reference, Domain.DocumentMetadata m, IEnumerable<ArchivalFile> files) =>
        new(reference.Kind, reference.Id, NullIfEmpty(m.TypeName), NullIfEmpty(m.CodeNumber), NullIfEmpty(m.CodeNotation), reference.Code, reference.Date,
            NullIfEmpty(m.IssuingOrganName), m.Subject, NullIfEmpty(m.Language), m.PageAmount, NullIfEmpty(m.Description), NullIfEmpty(m.SignerPosition),
            NullIfEmpty(m.SignerFullName), UrgencyNames.Name(m.Urgency), files.ToList());

    /// <summary>An incoming document's reference: dated by its own date, else the day it arrived.</summary>
    public static DocumentReference Of(Domain.IncomingDocument d) =>
        new(DocumentKinds.Incoming, d.Id, d.Metadata.Subject, NullIfEmpty(d.Metadata.CodeText),
            d.Metadata.IssuedDate ?? VietnamTime.DateOf(new DateTimeOffset(d.ArrivalAt, TimeSpan.Zero)));

    /// <summary>An outgoing document's reference: dated by its issue date, else the day it was created.</summary>
    public static DocumentReference Of(Domain.OutgoingDocument d) =>
        new(DocumentKinds.Outgoing, d.Id, d.Metadata.Subject, NullIfEmpty(d.CodeText),
            d.Metadata.IssuedDate ?? VietnamTime.DateOf(new DateTimeOffset(d.CreatedAt, TimeSpan.Zero)));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
