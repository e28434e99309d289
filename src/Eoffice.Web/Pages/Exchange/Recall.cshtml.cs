using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Exchange;

/// <summary>
/// /van-ban-di/{id}/thu-hoi-lien-thong: the clerk who keeps the outgoing register asks one partner, or every partner
/// that has the document, to recall it, with a reason (status 13 through <see cref="RecallDelivery"/>, the handler of
/// the API). Anyone who does not see the document: 404.
/// </summary>
public sealed class RecallModel(ListDeliveries list, RecallDelivery recall) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public sealed class RecallInput : IValidatableRequest
    {
        /// <summary>A partner's identifier; empty: every partner that has the document.</summary>
        public string? OrganId { get; set; }

        public string? Reason { get; set; }

        public Dictionary<string, string[]> Validate() => new RecallDelivery.Request(Guid.NewGuid(), OrganId, Reason).Validate();
    }

    [BindProperty]
    public RecallInput Input { get; set; } = new();

    public IReadOnlyList<DeliveryResponse> Deliveries { get; private set; } = [];

    public string DocumentUrl => $"/van-ban-di/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var deliveries = await recall.HandleAsync(new RecallDelivery.Request(Id, Input.OrganId, Input.Reason), cancellationToken);
        var asked = deliveries.Count(d => d.Recall is { State: "requested" });
        TempData["Message"] = $"Đã gửi yêu cầu thu hồi đến {asked} cơ quan nhận; trạng thái trả lời hiện trong bảng Liên thông.";
        return Redirect(DocumentUrl);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Deliveries = await list.HandleAsync(Id, cancellationToken);
}
