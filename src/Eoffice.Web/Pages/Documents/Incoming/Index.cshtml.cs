using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>Văn bản đến: the tabs of the incoming lists with their counts, filters and paging.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class IndexModel(ListIncoming list, CountIncoming counts, IncomingAccessControl access) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "box")] public string? Box { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "registerId")] public Guid? RegisterId { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "organ")] public string? Organ { get; set; }

    [BindProperty(SupportsGet = true, Name = "urgency")] public Urgency? Urgency { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")] public IncomingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")] public string? After { get; set; }

    public IncomingBox Current { get; private set; }

    public IncomingListPage? Result { get; private set; }

    public CountIncoming.Counts? Counts { get; private set; }

    public bool IsKeeper { get; private set; }

    public bool IsTracker { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        IsKeeper = viewer.KeptRegisters.Count > 0;
        IsTracker = viewer.AgencyWideTracker || viewer.TrackedUnits.Count > 0;
        Current = ListIncoming.ParseBox(Box) ?? IncomingBox.Pending;
        Counts = await counts.HandleAsync(cancellationToken);
        var request = new ListIncoming.Request
        {
            Box = ListIncoming.Slug(Current), From = From, To = To, RegisterId = RegisterId, Type = Type, Organ = Organ, Urgency = Urgency,
            Status = Status, Q = Q, Page = PageNumber, After = After,
        };
        ModelState.Clear();
        foreach (var (field, messages) in request.Validate())
        {
            ModelState.AddModelError(field, messages[0]);
        }

        if (ModelState.ErrorCount == 0)
        {
            Result = await list.HandleAsync(request, cancellationToken);
        }

        return Page();
    }

    /// <summary>How many filters are set (the phone's "Bộ lọc" button says so).</summary>
    public int ActiveFilters =>
        new object?[] { From, To, Type, Organ, Urgency, Status, Q }.Count(v => v is not null && (v is not string text || text.Length > 0));

    /// <summary>The filters are shown unfolded on a phone when some are set or one is wrong.</summary>
    public bool FiltersOpen => ActiveFilters > 0 || !ModelState.IsValid;

    public bool Shows(IncomingBox box) => box switch
    {
        IncomingBox.Register => IsKeeper,
        IncomingBox.Tracking => IsTracker,
        _ => true,
    };

    public string? CountText(IncomingBox box)
    {
        if (Counts is not { } c)
        {
            return null;
        }

        int? n = box switch
        {
            IncomingBox.Pending => c.Pending,
            IncomingBox.InProgress => c.InProgress,
            IncomingBox.ForInformation => c.ForInformation,
            IncomingBox.Overdue => c.Overdue,
            IncomingBox.Tracking => c.Tracking,
            IncomingBox.Register => c.AwaitingPresentation,
            _ => null,
        };
        var text = n is null ? null : c.Text(n.Value);
        return text is null || CountSuffix(box) is not { } suffix ? text : $"{text} {suffix}";
    }

    /// <summary>
    /// What a tab's count counts, when its name alone would mislead: "Sổ văn bản đến 0" read as an empty register, while
    /// the count is of the documents registered and waiting to be presented.
    /// </summary>
    public static string? CountSuffix(IncomingBox box) => box == IncomingBox.Register ? "chờ trình" : null;

    /// <summary>The link to another tab or page, keeping the filters.</summary>
    public string LinkTo(IncomingBox box, string? after = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["box"] = ListIncoming.Slug(box),
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["registerId"] = RegisterId?.ToString(),
            ["type"] = Type,
            ["organ"] = Organ,
            ["urgency"] = Urgency?.ToString(),
            ["status"] = Status?.ToString(),
            ["q"] = Q,
            ["after"] = after,
            ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/van-ban-den", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
