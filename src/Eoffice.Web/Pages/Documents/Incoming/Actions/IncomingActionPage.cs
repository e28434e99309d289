using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>
/// What every action page of an incoming document shares: the document header (or 404 when the viewer may not see it),
/// the call to the same handler as the API, rule errors beside the fields, and back to the document with a message.
/// </summary>
public abstract class IncomingActionPage(IncomingAccessControl access, EofficeDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public IncomingDocument Document { get; private set; } = null!;

    public IncomingViewer Viewer { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string DocumentUrl => $"/van-ban-den/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Viewer = await access.ViewerAsync(cancellationToken);
            Document = await access.LoadAsync(Id, cancellationToken);
            await OnLoadedAsync(cancellationToken);
            return true;
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return false;
        }
    }

    /// <summary>Loads what the page shows besides the document (choices, previous titles…).</summary>
    protected virtual Task OnLoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    protected async Task<IActionResult> RunAsync(Func<CancellationToken, Task> action, string done, CancellationToken cancellationToken)
    {
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await action(cancellationToken);
                Message = done;
                return Redirect(DocumentUrl);
            }
            catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
            {
                return NotFound();
            }
            catch (RuleException rule)
            {
                db.ChangeTracker.Clear();
                ModelState.AddRuleError(rule);
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }
}
