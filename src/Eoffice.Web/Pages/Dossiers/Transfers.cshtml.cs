using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Archive;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>/ho-so/nop-luu/dot — the agency's transfers to the archive, newest first (the records keeper's; anyone else 403).</summary>
[RequirePermission(DossiersPermissions.ManageArchive)]
public sealed class TransfersModel(GetArchiveTransfer get) : FormPageModel
{
    public const string Link = "/ho-so/nop-luu/dot";

    public IReadOnlyList<GetArchiveTransfer.ListRow> Transfers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Transfers = await get.ListAsync(cancellationToken);
}
