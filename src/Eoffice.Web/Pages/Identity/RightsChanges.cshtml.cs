using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Xác nhận thay đổi quyền: the agency's approver (or, without one, an administrator) reviews each change of rights and
/// confirms it; until then it stays a warning in the header (Decree 30, Phụ lục VI III.3.c).
/// </summary>
public sealed class RightsChangesModel(ListRightsChanges list, ConfirmRightsChange confirm) : PageModel
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

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await confirm.HandleAsync(id, cancellationToken);
            Message = "Đã xác nhận thay đổi quyền.";
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }
        catch (RuleException rule) when (rule.Kind == RuleKind.Forbidden)
        {
            return Forbid();
        }

        return RedirectToPage(new { all = All });
    }
}
