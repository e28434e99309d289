using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Exchange;

/// <summary>
/// The "Liên thông" table of an outgoing document's page: per partner, channel, state, time and reason (ADR 0030 §19).
/// Invoked by name from the page, so Documents does not reference Exchange; nothing is shown without deliveries.
/// </summary>
public sealed class ExchangeDeliveriesViewComponent(ListDeliveries deliveries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid outgoingId)
    {
        try
        {
            return View("~/Pages/Exchange/Deliveries.cshtml", await deliveries.HandleAsync(outgoingId, HttpContext.RequestAborted));
        }
        catch (RuleException)
        {
            return Content(string.Empty);
        }
    }
}
