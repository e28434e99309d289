using Eoffice.Web.Modules.Identity.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Account;

/// <summary>The person's account security at a glance, with links to each setting.</summary>
public sealed class SecurityModel(TwoFactorEnrolment enrolment) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (TwoFactorEnabled, _) = await enrolment.StatusAsync(User, cancellationToken);
}
