using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>/ho-so: "Hồ sơ của tôi" and "Hồ sơ của đơn vị", opening a dossier outside the plan, or from a plan entry (the plan page's button).</summary>
[RequirePermission(DossiersPermissions.UseDossiers)]
public sealed class DossiersModel(ListDossiers list, OpenDossier open) : FormPageModel
{
    public const string Link = "/ho-so";

    [BindProperty]
    public OpenDossier.Request Input { get; set; } = new() { RetentionYears = null };

    public IReadOnlyList<ListDossiers.Row> Mine { get; private set; } = [];

    public IReadOnlyList<ListDossiers.Row> OfUnit { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.FilePlanEntryId = null;
        var opened = await open.HandleAsync(Input, cancellationToken);
        return Redirect(DossierModel.LinkOf(opened.Id));
    }

    public async Task<IActionResult> OnPostFromPlanAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var opened = await open.HandleAsync(new OpenDossier.Request { FilePlanEntryId = entryId }, cancellationToken);
        return Redirect(DossierModel.LinkOf(opened.Id));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Mine = await list.HandleAsync(ListDossiers.Mine, cancellationToken);
        OfUnit = await list.HandleAsync(ListDossiers.OfUnit, cancellationToken);
    }
}
