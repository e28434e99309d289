using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Outgoing;

/// <summary>Văn bản đi: the five lists with their counts, the subject search and paging.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class IndexModel(ListOutgoing list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "box")] public string? Box { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public OutgoingBox Current { get; private set; }

    public OutgoingListPage? Result { get; private set; }

    public OutgoingCounts Counts { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Current = ListOutgoing.ParseBox(Box) ?? OutgoingBox.Waiting;
        Counts = await list.CountAsync(cancellationToken);
        var request = new ListOutgoing.Request { Box = ListOutgoing.Slug(Current), Q = Q, Page = PageNumber };
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

    public int Count(OutgoingBox box) => box switch
    {
        OutgoingBox.Drafts => Counts.Drafts,
        OutgoingBox.Waiting => Counts.Waiting,
        OutgoingBox.Submitted => Counts.Submitted,
        OutgoingBox.ToIssue => Counts.ToIssue,
        _ => Counts.Issued,
    };

    /// <summary>A tab's count as shown: "99+" at the cap (counts stop there, see <see cref="CappedCount"/>).</summary>
    public string CountText(OutgoingBox box) => CappedCount.Text(Count(box));

    /// <summary>The link to another tab or page, keeping the search.</summary>
    public string LinkTo(OutgoingBox box, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["box"] = ListOutgoing.Slug(box),
            ["q"] = Q,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(OutgoingPages.ListUrl, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
