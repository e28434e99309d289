using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Shared;

/// <summary>What the header of a document's action page shows: the way back (list, document), its identity and subject.</summary>
public sealed record DocumentHeaderView(string ListUrl, string ListName, string DocumentUrl, string DocumentName, string Identity, string Subject,
    Urgency Urgency, string? StatusName = null);

/// <summary>
/// What every action page of a document (incoming or outgoing) shares: the document loaded for the viewer (404 when
/// they may not see it, by the page filter), the request of the action bound as <c>Input</c> (validated once by the page
/// filter, rule errors shown by it), the call to the same handler as the API, and back to the document with a message.
/// </summary>
public abstract class DocumentActionPage : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [TempData]
    public string? Message { get; set; }

    public abstract string DocumentUrl { get; }

    /// <summary>The header shown above the form (<c>_DocumentHeader.cshtml</c>).</summary>
    public abstract DocumentHeaderView Header { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public sealed override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadDocumentAsync(cancellationToken);
        await OnLoadedAsync(cancellationToken);
    }

    /// <summary>Loads the viewer and the document (a rule exception "not found" when the viewer may not see it).</summary>
    protected abstract Task LoadDocumentAsync(CancellationToken cancellationToken);

    /// <summary>Loads what the page shows besides the document (choices, previous titles…).</summary>
    protected virtual Task OnLoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Back to the document, saying what was done.</summary>
    protected IActionResult Done(string message)
    {
        Message = message;
        return Redirect(DocumentUrl);
    }

    /// <summary>Stores the file attached on the page (an opinion's, a feedback's, a signed scan), if any; its id for the request.</summary>
    internal static async Task<Guid?> SaveUploadAsync(FileStore files, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is not { Length: > 0 })
        {
            return null;
        }

        await using var stream = upload.OpenReadStream();
        return (await files.SaveAsync(stream, upload.FileName, upload.ContentType, cancellationToken)).Id;
    }
}
