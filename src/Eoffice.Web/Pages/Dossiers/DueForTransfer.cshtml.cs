using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Archive;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>
/// /ho-so/nop-luu — "Đến hạn nộp lưu" (REQUIREMENTS §1.9.3, ADR 0031 §23): the agency's dossiers due for transfer, soonest
/// first; the agency's head keeps one back (reason, until — at most 2 years past its due day) on its row; the records
/// keeper ticks rows of one unit and draws a transfer up. The transfer-due alert links here.
/// </summary>
[RequirePermission(DossiersPermissions.UseDossiers)]
public sealed class DueForTransferModel(DossierStore store, ListDueForTransfer list, KeepDossierBack keepBack, CreateArchiveTransfer create) : FormPageModel
{
    public const string Link = TransferDueAlerts.Link;

    [BindProperty]
    public KeepDossierBack.Request KeepBack { get; set; } = new(null, null);

    /// <summary>The row whose keep-back form was posted (its errors are shown there).</summary>
    [BindProperty]
    public Guid? KeepBackId { get; set; }

    [BindProperty]
    public CreateArchiveTransfer.Request ArchiveTransfer { get; set; } = new(null, null, null);

    public IReadOnlyList<ListDueForTransfer.Row> Rows { get; private set; } = [];

    /// <summary>The records keeper: may draw transfers up.</summary>
    public bool KeepsArchive { get; private set; }

    /// <summary>The agency's head: may approve keep-backs.</summary>
    public bool ApprovesKeepBack { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostKeepBackAsync(CancellationToken cancellationToken)
    {
        await keepBack.HandleAsync(KeepBackId ?? Guid.Empty, KeepBack, cancellationToken);
        return Redirect(Link);
    }

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken)
    {
        var created = await create.HandleAsync(ArchiveTransfer, cancellationToken);
        return Redirect(TransferModel.LinkOf(created.Id));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var (viewer, keeps) = await store.ArchiveReaderAsync(cancellationToken);
        KeepsArchive = keeps;
        ApprovesKeepBack = viewer.Oversees;
        Rows = await list.HandleAsync(cancellationToken);
    }
}
