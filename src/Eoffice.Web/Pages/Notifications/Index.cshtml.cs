using Eoffice.Web.Platform.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Notifications;

/// <summary>My notifications, newest first, with "mark read" for one or all.</summary>
public sealed class IndexModel(MyNotifications notifications) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "chua-doc")]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public MyNotifications.NotificationPage Result { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await notifications.ListAsync(UnreadOnly, PageNumber, cancellationToken);

    /// <summary>Marks one of my notifications read; someone else's notification answers 404.</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await notifications.MarkReadAsync(id, cancellationToken);
        return RedirectToPage(new Dictionary<string, object?> { ["chua-doc"] = UnreadOnly ? "true" : null, ["trang"] = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var (marked, _) = await notifications.MarkAllReadAsync(cancellationToken);
        Message = marked == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu {marked} thông báo là đã đọc.";
        return RedirectToPage();
    }
}
