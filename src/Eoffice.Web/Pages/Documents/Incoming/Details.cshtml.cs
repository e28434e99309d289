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
        Texts = (await fileTexts.StatusAsync(Document.Files.Select(f => f.FileId).ToList(), cancellationToken)).ToDictionary(t => t.FileId);
        return Page();
    }

    /// <summary>Where the text of each file stands (search, the reading of the scan).</summary>
    public IReadOnlyDictionary<Guid, FileTextView> Texts { get; private set; } = new Dictionary<Guid, FileTextView>();

    /// <summary>The text state as the clerk reads it; <c>null</c> when nobody asked for the text.</summary>
    public static string? TextState(FileTextView? text) => text switch
    {
        null or { State: FileTextState.NotRequested } => null,
        { State: FileTextState.Ready, Method: "ocr" } => "Đã nhận dạng chữ (OCR)",
        { State: FileTextState.Ready } => "Đã trích xuất văn bản",
        { State: FileTextState.Pending, Pages: { } pages } => $"Đang nhận dạng chữ (OCR): trang {text.PagesDone}/{pages}",
        { State: FileTextState.Pending } => "Đang trích xuất văn bản…",
        { State: FileTextState.Failed } => "Không đọc được: " + text.Message,
        { State: FileTextState.OcrUnavailable } => "Máy chủ chưa có OCR",
        _ => "Không trích xuất văn bản từ loại tệp này",
    };

    public static string DeadlineClass(string state) => state switch
    {
        "overdue" or "doneLate" => "text-bg-danger",
        "dueSoon" => "text-bg-warning",
        "doneOnTime" => "text-bg-success",
        "onTime" => "text-bg-info",
        _ => "text-bg-secondary",
    };
}
