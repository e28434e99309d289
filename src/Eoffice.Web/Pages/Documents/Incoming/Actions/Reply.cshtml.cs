using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trả lời: the answer is an outgoing draft, written on the outgoing form with this document as the one it answers.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReplyModel(IncomingAccessControl access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        var document = await access.LoadAsync(id, cancellationToken);
        document.CanReply(viewer).ThrowIfBroken();
        return Redirect($"/van-ban-di/soan?traLoi={id}");
    }
}
