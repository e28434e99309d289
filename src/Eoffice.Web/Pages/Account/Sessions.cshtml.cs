using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Eoffice.Web.Pages.Account;

/// <summary>"Phiên đăng nhập": my open sessions, each of which I can end.</summary>
public sealed class SessionsModel(MySessions sessions, IOptions<IdentityOptions> options) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public int IdleMinutes => (int)options.Value.IdleTimeout.TotalMinutes;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sessions = await sessions.OpenOfAsync(User.UserId()!.Value,
            Guid.TryParse(User.FindFirstValue(EofficeClaims.SessionId), out var current) ? current : null, cancellationToken);

    /// <summary>Ends one of my sessions; someone else's session answers 404.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(User.UserId()!.Value, id, cancellationToken);
        Message = "Đã kết thúc phiên đăng nhập.";
        return RedirectToPage();
    }
}
