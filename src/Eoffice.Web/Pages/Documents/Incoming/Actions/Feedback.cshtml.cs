using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Góp ý: the answer to a document that asks for comments; it finishes the holder's part.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class FeedbackModel(IncomingAccessControl access, GiveIncomingFeedback handler, FileStore files) : IncomingActionPage(access)
{
    [BindProperty]
    public GiveIncomingFeedback.Request Input { get; set; } = new(null, null, null);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var fileId = await SaveUploadAsync(files, Upload, cancellationToken);
        await handler.HandleAsync(Id, Input with { FileId = fileId }, cancellationToken);
        return Done("Đã chuyển ý kiến góp ý.");
    }
}
