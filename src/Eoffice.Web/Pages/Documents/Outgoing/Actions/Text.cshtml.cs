using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Góp ý (the answer to a request for comments, /gop-y) and ý kiến (an opinion on the draft, /y-kien): a text and an optional file.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class TextModel(OutgoingAccessControl access, OutgoingReview handler, FileStore files) : OutgoingActionPage(access)
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    [BindProperty]
    public OutgoingReview.TextRequest Input { get; set; } = new(null, null);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public bool IsFeedback => Kind == "gop-y";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = Input with { FileId = await SaveUploadAsync(files, Upload, cancellationToken) };
        if (IsFeedback)
        {
            await handler.FeedbackAsync(Id, request, cancellationToken);
            return Done("Đã gửi ý kiến góp ý.");
        }

        await handler.OpinionAsync(Id, request, cancellationToken);
        return Done("Đã thêm ý kiến.");
    }
}
