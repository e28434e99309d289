using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Duyệt ký: the signer signs the printed draft on paper and attaches its scan; the document goes to the clerk to issue.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class SignModel(OutgoingAccessControl access, OutgoingReview handler, FileStore files) : OutgoingActionPage(access)
{
    /// <summary>The form: the scan as a file (stored only once the form is valid) and the note.</summary>
    public sealed class Form : IValidatableRequest
    {
        public IFormFile? Upload { get; set; }

        public string? Note { get; set; }

        // The handler's own checks, with the scan standing for the file it will be.
        public Dictionary<string, string[]> Validate() =>
            new OutgoingReview.SignRequest(Upload is { Length: > 0 } ? Guid.Empty : null, Note).Validate()
                .ToDictionary(e => e.Key == "signedFileId" ? "upload" : e.Key, e => e.Value);
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var scan = await SaveUploadAsync(files, Input.Upload, cancellationToken);
        await handler.SignAsync(Id, new OutgoingReview.SignRequest(scan, Input.Note), cancellationToken);
        return Done("Đã duyệt ký; văn bản chuyển văn thư phát hành.");
    }
}
