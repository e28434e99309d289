using Eoffice.Web.Modules.Identity.Handovers;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>The record of a handover: who left, who took the work, and what was handed over. For administrators and the successor.</summary>
public sealed class HandoverModel(GetHandover get) : PageModel
{
    public HandoverDto Handover { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Handover = await get.HandleAsync(id, cancellationToken);
            return Page();
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return NotFound();
        }
    }
}
