using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Góp ý: the answer to a document that asks for comments; it finishes the holder's part.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class FeedbackModel(IncomingAccessControl access, EofficeDbContext db, GiveIncomingFeedback handler, FileStore files) : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public Guid? AssignmentId { get; set; }

        public string? Text { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            var fileId = await SaveUploadAsync(files, Upload, ct);
            await handler.HandleAsync(Id, new GiveIncomingFeedback.Request(Input.AssignmentId, Input.Text, fileId), ct);
        }, "Đã chuyển ý kiến góp ý.", cancellationToken);
}
