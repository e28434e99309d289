using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>
/// Whoever may read a .docx may read its PDF view: the PDF is readable when any other registered policy (the owning
/// module's, the uploader's) lets the person read the file it was made from. The PDF itself belongs to nobody (the system
/// made it).
/// </summary>
public sealed class PdfRenditionAccessPolicy(EofficeDbContext db, PdfRenditions renditions, IServiceProvider services) : IFileAccessPolicy
{
    public async Task<bool> CanReadAsync(StoredFile file, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (file.ContentType != FileTypeSniffer.Pdf || file.CreatedBy is not null
            || await renditions.SourceOfAsync(file.Id, cancellationToken) is not { } sourceId
            || await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == sourceId, cancellationToken) is not { } source)
        {
            return false;
        }

        // Resolved here, not injected: the policies include this one.
        foreach (var policy in services.GetServices<IFileAccessPolicy>().Where(p => p is not PdfRenditionAccessPolicy))
        {
            if (await policy.CanReadAsync(source, user, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
