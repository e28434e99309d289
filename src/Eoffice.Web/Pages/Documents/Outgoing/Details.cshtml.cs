using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Outgoing;

/// <summary>
/// One outgoing document: its fields, the PDF view of its layout, the chain, the requests for comments beside the
/// draft, the versions with what changed, the recipients and their sending state, the linked documents, the history, and
/// the buttons of the actions the viewer may take now. A document the viewer may not see is the friendly 404.
/// </summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class DetailsModel(GetOutgoingDocument handler, IFileTexts fileTexts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public GetOutgoingDocument.Response Document { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<TimelineItemView> Timeline =>
        [.. Document.Timeline.Select(e => new TimelineItemView(e.At, e.Kind, e.KindName, e.ActorName, e.OnBehalfOfName, e.Text, e.File?.FileName, e.File?.Url))];

    /// <summary>The .docx the PDF view is made from (the official layout, else the drafter's file).</summary>
    public GetOutgoingDocument.FileDto? Docx => Document.Versions.LastOrDefault() is { } v ? v.Layout ?? v.Main : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Document = await handler.HandleAsync(Id, cancellationToken);
        Texts = await FileTextStateView.LoadAsync(fileTexts, Document.Versions.SelectMany(v => v.Annexes.Prepend(v.Main)).OfType<GetOutgoingDocument.FileDto>()
            .Select(f => f.FileId), cancellationToken);
        return Page();
    }

    /// <summary>Where the text of each version's file stands (search), for <c>_FileTextState.cshtml</c>, as on the incoming details page.</summary>
    public IReadOnlyDictionary<Guid, FileTextView> Texts { get; private set; } = new Dictionary<Guid, FileTextView>();

    public static string StepClass(string state) => state switch
    {
        "current" => "text-bg-primary",
        "done" => "text-bg-success",
        "passed" => "text-bg-warning",
        _ => "text-bg-light border",
    };
}
