using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>
/// /ho-so/{id}: a dossier's Phụ lục VI fields, its documents in time order with their ordinals (a page of
/// <see cref="DossierResponse.ItemsPageSize"/> at a time, <c>?p=</c>), close and reopen.
/// </summary>
[RequirePermission(DossiersPermissions.UseDossiers)]
public sealed class DossierModel(GetDossier get, CloseDossier close) : FormPageModel
{
    public static string LinkOf(Guid id) => $"/ho-so/{id}";

    public static string LinkOf(Guid id, int page) => page <= 1 ? LinkOf(id) : $"/ho-so/{id}?p={page}";

    /// <summary>The page of the dossier's documents shown (1…).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int ItemsPage { get; set; } = 1;

    public int PageCount => Math.Max(1, (Dossier.DocTotal + Dossier.ItemsPageSizeUsed - 1) / Dossier.ItemsPageSizeUsed);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public bool RetentionConfirmed { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public DossierResponse Dossier { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        await close.CloseAsync(Id, new CloseDossier.CloseRequest(RetentionConfirmed), cancellationToken);
        return Redirect(LinkOf(Id));
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken)
    {
        var request = new CloseDossier.ReopenRequest(Reason);
        RuleException.ThrowIfAny(request.Validate());
        await close.ReopenAsync(Id, request, cancellationToken);
        return Redirect(LinkOf(Id));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Dossier = await get.HandleAsync(Id, cancellationToken, ItemsPage);
}
