using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.TextExtraction;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>
/// One incoming document: its fields, files, answers, the processing tree with deadline states, the history, and the
/// buttons of the actions the viewer may take now. A document the viewer may not see is the friendly 404.
/// </summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class DetailsModel(GetIncomingDocument handler, IFileTexts fileTexts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetIncomingDocument.Response Document { get; private set; } = null!;

    public IReadOnlyList<TimelineItemView> Timeline =>
        [.. Document.Timeline.Select(e => new TimelineItemView(e.At, e.Kind, e.KindName, e.ActorName, e.OnBehalfOfName, e.Text, e.File?.FileName, e.File?.Url))];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Document = await handler.HandleAsync(Id, cancellationToken);
        Texts = await FileTextStateView.LoadAsync(fileTexts, Document.Files.Select(f => f.FileId), cancellationToken);
        return Page();
    }

    /// <summary>Where the text of each file stands (search, the reading of the scan), for <c>_FileTextState.cshtml</c>.</summary>
    public IReadOnlyDictionary<Guid, FileTextView> Texts { get; private set; } = new Dictionary<Guid, FileTextView>();

    public static string DeadlineClass(string state) => state switch
    {
        "overdue" or "doneLate" => "text-bg-danger",
        "dueSoon" => "text-bg-warning",
        "doneOnTime" => "text-bg-success",
        "onTime" => "text-bg-info",
        _ => "text-bg-secondary",
    };
}
