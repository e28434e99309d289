using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Exchange;

/// <summary>
/// The "Liên thông" table of an outgoing document's page: per partner, channel, state, time and reason (ADR 0030 §19).
/// Invoked by name from the page, so Documents does not reference Exchange; nothing is shown without deliveries.
/// </summary>
public sealed class ExchangeDeliveriesViewComponent(ListDeliveries deliveries, IIssuedDocuments documents) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid outgoingId)
    {
        try
        {
            var list = await deliveries.HandleAsync(outgoingId, HttpContext.RequestAborted);
            var canRecall = list.Any(d => d.CanRecall) && await documents.CanManageAsync(outgoingId, HttpContext.RequestAborted);
            return View("~/Pages/Exchange/Deliveries.cshtml", new ExchangeDeliveriesView(outgoingId, list, canRecall));
        }
        catch (RuleException)
        {
            return Content(string.Empty);
        }
    }
}

/// <summary>The table's rows, and whether the viewer may ask a recall (a keeper of the outgoing register, a recipient that has it).</summary>
public sealed record ExchangeDeliveriesView(Guid OutgoingId, IReadOnlyList<DeliveryResponse> Deliveries, bool CanRecall);
