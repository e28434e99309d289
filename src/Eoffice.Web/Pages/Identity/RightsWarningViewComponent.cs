using Eoffice.Web.Modules.Identity.Rights;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>The header warning shown to the person who must confirm changes of rights, while any is unconfirmed.</summary>
public sealed class RightsWarningViewComponent(RightsApproval approval) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Pages/Identity/RightsWarning.cshtml", await approval.PendingForMeAsync(HttpContext.RequestAborted));
}
