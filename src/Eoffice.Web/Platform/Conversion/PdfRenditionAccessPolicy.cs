using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>Whoever may read a .docx may read its PDF view (<see cref="DerivedFileAccessPolicy"/>).</summary>
public sealed class PdfRenditionAccessPolicy(EofficeDbContext db, PdfRenditions renditions, IServiceProvider services)
    : DerivedFileAccessPolicy(db, services)
{
    protected override async Task<Guid?> SourceOfAsync(StoredFile file, CancellationToken cancellationToken) =>
        file.ContentType == FileTypeSniffer.Pdf ? await renditions.SourceOfAsync(file.Id, cancellationToken) : null;
}
