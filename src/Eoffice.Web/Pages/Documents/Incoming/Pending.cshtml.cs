using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>/van-ban-den/cho-tiep-nhan: documents that arrived electronically and wait for a clerk.</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class PendingModel(DecidePending decidePending) : PageModel
{
    public IReadOnlyList<PendingResponse> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "tat-ca")]
    public bool All { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        Items = await decidePending.ListAsync(All, cancellationToken);
        return Page();
    }

    public static string StatusName(string status) => status switch
    {
        "registered" => "Đã vào sổ",
        "refused" => "Đã từ chối",
        "withdrawn" => "Đã thu hồi",
        _ => "Chờ tiếp nhận",
    };
}
