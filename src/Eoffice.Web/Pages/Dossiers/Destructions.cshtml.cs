using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Archive;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>
/// /ho-so/tieu-huy — Tiêu hủy hồ sơ hết thời hạn bảo quản (Decree 30 Art. 31; ADR 0031 §21): the agency's expired dossiers,
/// and the council's decision (number, date, signer, members and conclusion) with the dossiers chosen; the answer lists
/// what was destroyed, each dossier's page keeps its tombstone. The records keeper's (anyone else 403).
/// </summary>
[RequirePermission(DossiersPermissions.ManageArchive)]
public sealed class DestructionsModel(DestroyDossiers destroy) : FormPageModel
{
    public const string Link = "/ho-so/tieu-huy";

    [BindProperty]
    public DestroyDossiers.Request Input { get; set; } = new(null, null, null, null, null);

    public IReadOnlyList<DestroyDossiers.ExpiredRow> Expired { get; private set; } = [];

    /// <summary>The destruction just recorded (shown once, with its tombstones).</summary>
    public DestroyDossiers.Response? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = await destroy.HandleAsync(Input, cancellationToken);
        Input = new(null, null, null, null, null);
        ModelState.Clear();
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Expired = await destroy.ExpiredAsync(cancellationToken);
}
