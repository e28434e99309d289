using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// A file of an outgoing document — a version's main file, annexes or layout, the signed original (scan or digitally signed PDF), the issued files, a file given with an
/// opinion or feedback — is readable by whoever may see the document.
/// </summary>
public sealed class OutgoingFileAccessPolicy(EofficeDbContext db, OutgoingAccessControl access) : IFileAccessPolicy
{
    public async Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is null || user.AgencyId is null)
        {
            return false;
        }

        var id = file.Id;
        var pattern = $"%{id}%";
        var documentIds = await db.Set<OutgoingVersion>().AsNoTracking().Where(v => v.MainFileId == id || v.LayoutFileId == id).Select(v => v.DocumentId)
            .Concat(db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.SignedFileId == id || d.IssuedFileId == id).Select(d => d.Id))
            .Concat(db.Set<OutgoingEvent>().AsNoTracking().Where(e => e.FileId == id).Select(e => e.OwnerId))
            .Distinct().ToListAsync(cancellationToken);
        documentIds.AddRange(await db.Database.SqlQuery<Guid>($"SELECT document_id AS \"Value\" FROM documents_outgoing_versions WHERE annexes LIKE {pattern}")
            .ToListAsync(cancellationToken));
        documentIds.AddRange(await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM documents_outgoing WHERE issued_annexes LIKE {pattern}")
            .ToListAsync(cancellationToken));
        if (documentIds.Count == 0)
        {
            return false;
        }

        var v = await access.ViewerAsync(cancellationToken);
        return await access.Visible(v).AnyAsync(d => documentIds.Contains(d.Id), cancellationToken);
    }
}
