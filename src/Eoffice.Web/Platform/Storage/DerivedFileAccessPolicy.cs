using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// Files the system made from another file (a PDF view of a .docx, the searchable PDF OCR made of a scan): readable by
/// whoever may read the file they were made from, by any other registered policy (the owning module's, the
/// uploader's). The derived file itself belongs to nobody (the system made it).
/// </summary>
public abstract class DerivedFileAccessPolicy(EofficeDbContext db, IServiceProvider services) : IFileAccessPolicy
{
    /// <summary>The file <paramref name="file"/> was made from; <c>null</c> when it is not one of this kind.</summary>
    protected abstract Task<Guid?> SourceOfAsync(StoredFile file, CancellationToken cancellationToken);

    public async Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (file.CreatedBy is not null
            || await SourceOfAsync(file, cancellationToken) is not { } sourceId
            || await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == sourceId, cancellationToken) is not { } source)
        {
            return false;
        }

        // Resolved here, not injected: the policies include this one.
        foreach (var policy in services.GetServices<IFileAccessPolicy>().Where(p => p is not DerivedFileAccessPolicy))
        {
            if (await policy.CanReadAsync(source, user, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
