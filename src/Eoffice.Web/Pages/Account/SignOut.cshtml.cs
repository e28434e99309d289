using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Account;

public sealed class SignOutModel(Modules.Identity.SignOut signOut) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signOut.HandleAsync(HttpContext, cancellationToken);
        return LocalRedirect("/dang-nhap");
    }
}
