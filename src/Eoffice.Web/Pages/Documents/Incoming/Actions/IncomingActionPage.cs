using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>
/// What every action page of an incoming document shares: the document header (404 when the viewer may not see it),
/// the request of the action bound as <c>Input</c> (validated once by the page filter, rule errors shown by it), the
/// call to the same handler as the API, and back to the document with a message.
/// </summary>
public abstract class IncomingActionPage(IncomingAccessControl access) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public IncomingDocument Document { get; private set; } = null!;

    public IncomingViewer Viewer { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string DocumentUrl => $"/van-ban-den/{Id}";

    /// <summary>Which of the parts the viewer holds this action may be taken on (the picker offers only those).</summary>
    public virtual bool Pickable(IncomingAssignment assignment) => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public sealed override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Viewer = await access.ViewerAsync(cancellationToken);
        Document = await access.LoadAsync(Id, cancellationToken);
        await OnLoadedAsync(cancellationToken);
    }

    /// <summary>Loads what the page shows besides the document (choices, previous titles…).</summary>
    protected virtual Task OnLoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Back to the document, saying what was done.</summary>
    protected IActionResult Done(string message)
    {
        Message = message;
        return Redirect(DocumentUrl);
    }

    /// <summary>Stores the file attached on the page (an opinion's or a feedback's), if any; its id for the request.</summary>
    protected static async Task<Guid?> SaveUploadAsync(FileStore files, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is not { Length: > 0 })
        {
            return null;
        }

        await using var stream = upload.OpenReadStream();
        return (await files.SaveAsync(stream, upload.FileName, upload.ContentType, cancellationToken)).Id;
    }
}
