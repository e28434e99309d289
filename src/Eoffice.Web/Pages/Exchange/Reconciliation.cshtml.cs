using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Exchange;

/// <summary>
/// /quan-tri/lien-thong/doi-soat: reconciliation per partner and day (<see cref="GetReconciliation"/>, the handler of the
/// API) with its rows, and "Gửi lại" for what is outstanding (<see cref="ResendOutstanding"/>). Filters <c>?tu=&amp;den=&amp;co-quan=</c>.
/// </summary>
[RequirePermission(ExchangePermissions.ManagePartners)]
public sealed class ReconciliationModel(GetReconciliation get, ResendOutstanding resend, ListPartners partners) : FormPageModel
{
    public const string Link = "/quan-tri/lien-thong/doi-soat";

    [BindProperty(SupportsGet = true, Name = "tu")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "den")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "co-quan")]
    public string? Partner { get; set; }

    public sealed class ResendInput : IValidatableRequest
    {
        public string? OrganId { get; set; }

        public DateOnly? Day { get; set; }

        public ResendOutstanding.Request ToRequest() => new(OrganId, Day);

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    [BindProperty]
    public ResendInput Resend { get; set; } = new();

    public ReconciliationResponse? Result { get; private set; }

    public IReadOnlyList<PartnerResponse> Partners { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var done = await resend.HandleAsync(Resend.ToRequest(), cancellationToken);
        Message = done.Queued > 0
            ? $"Đã gửi lại {done.Queued} văn bản chưa có xác nhận đến {Resend.OrganId}." + (done.AlreadyQueued > 0 ? $" {done.AlreadyQueued} văn bản khác đang chờ gửi." : "")
            : done.AlreadyQueued > 0 ? $"{done.AlreadyQueued} văn bản chưa có xác nhận đang chờ gửi; không cần gửi lại." : "Không có văn bản nào cần gửi lại.";
        return Redirect(FilterUrl());
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Partners = await partners.HandleAsync(cancellationToken);
        try
        {
            Result = await get.HandleAsync(From, To, Partner, cancellationToken);
        }
        catch (Eoffice.Web.Platform.Rules.RuleException e) when (e.Kind == Eoffice.Web.Platform.Rules.RuleKind.Invalid)
        {
            ModelState.AddModelError(e.Field == "from" ? "tu" : string.Empty, e.Message);
        }
    }

    /// <summary>This page with the filters in use.</summary>
    public string FilterUrl() =>
        Link + QueryString.Create(new Dictionary<string, string?>
        {
            ["tu"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["den"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["co-quan"] = string.IsNullOrWhiteSpace(Partner) ? null : Partner.Trim(),
        }.Where(p => p.Value is not null)).ToUriComponent();
}
