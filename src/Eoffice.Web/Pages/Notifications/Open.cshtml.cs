using Eoffice.Web.Platform.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Notifications;

/// <summary>
/// A notification's link, as the bell's list and toasts show it: marks the notification read and goes on to the object it
/// is about (also when that object no longer opens for the person, e.g. a document taken back). Someone else's
/// notification answers 404. Marking one's own notification read is all it changes, as opening the object itself does.
/// </summary>
public sealed class OpenModel(MyNotifications notifications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        LocalRedirect(await notifications.OpenAsync(id, cancellationToken));
}
