using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
