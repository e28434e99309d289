using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Storage;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>Whoever may read a scan may read the searchable PDF OCR made of it (<see cref="DerivedFileAccessPolicy"/>).</summary>
public sealed class SearchablePdfAccessPolicy(EofficeDbContext db, FileTexts texts, IServiceProvider services)
    : DerivedFileAccessPolicy(db, services)
{
    protected override async Task<Guid?> SourceOfAsync(StoredFile file, CancellationToken cancellationToken) =>
        file.ContentType == FileTypeSniffer.Pdf ? await texts.SourceOfAsync(file.Id, cancellationToken) : null;
}
