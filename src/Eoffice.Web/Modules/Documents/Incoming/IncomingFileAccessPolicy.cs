using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// A file of an incoming document (attachment or a file added with an opinion) is readable by whoever may see the
/// document; a file of a document waiting in "chờ tiếp nhận" by the agency's clerks.
/// </summary>
public sealed class IncomingFileAccessPolicy(EofficeDbContext db, IncomingAccessControl access) : IFileAccessPolicy
{
    public async Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is null || user.AgencyId is not { } agencyId)
        {
            return false;
        }

        var documentIds = await db.Set<IncomingAttachment>().AsNoTracking().Where(a => a.FileId == file.Id).Select(a => a.DocumentId)
            .Concat(db.Set<IncomingEvent>().AsNoTracking().Where(e => e.FileId == file.Id).Select(e => e.OwnerId))
            .Distinct().ToListAsync(cancellationToken);
        if (documentIds.Count > 0)
        {
            var v = await access.ViewerAsync(cancellationToken);
            if (await access.Visible(v).AnyAsync(d => documentIds.Contains(d.Id), cancellationToken))
            {
                return true;
            }
        }

        return user.HasPermission(DocumentsPermissions.RegisterIncoming)
            && await db.Set<PendingIncomingFile>().AsNoTracking().AnyAsync(
                f => f.FileId == file.Id && db.Set<PendingIncoming>().Any(p => p.Id == f.PendingId && p.AgencyId == agencyId), cancellationToken);
    }
}
