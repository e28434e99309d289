using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Xác nhận thay đổi quyền: the agency's approver (or, without one, an administrator) reviews each change of rights and
/// confirms it; until then it stays a warning in the header (Decree 30, Phụ lục VI III.3.c).
/// </summary>
public sealed class RightsChangesModel(ListRightsChanges list, ConfirmRightsChange confirm) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [TempData]
    public string? Message { get; set; }

    public ListRightsChanges.Result Result { get; private set; } = new([], false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await list.HandleAsync(!All, cancellationToken) is not { } result)
        {
            return Forbid();
        }

        Result = result;
        return Page();
    }

    /// <summary>Confirms one change; someone who may see but not confirm it is told why on the page.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        await confirm.HandleAsync(id, cancellationToken);
        Message = "Đã xác nhận thay đổi quyền.";
        return RedirectToPage(new { all = All });
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Result = await list.HandleAsync(!All, cancellationToken) ?? throw RuleException.NotFound();
}
