using Eoffice.Web.Modules.Identity.Handovers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// The record of a handover: who left, who took the work, and what was handed over. For administrators and the
/// successor; anyone else gets 404 (the page filter answers the handler's not-found rule).
/// </summary>
public sealed class HandoverModel(GetHandover get) : PageModel
{
    public HandoverDto Handover { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => Handover = await get.HandleAsync(id, cancellationToken);
}
