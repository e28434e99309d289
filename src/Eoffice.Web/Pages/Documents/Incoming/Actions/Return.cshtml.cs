using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trả lại: back to the sender with a reason ("Không thuộc thẩm quyền" offered).</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReturnModel(IncomingAccessControl access, ReturnIncoming handler) : IncomingActionPage(access)
{
    [BindProperty]
    public ReturnIncoming.Request Input { get; set; } = new(null, null);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.HandleAsync(Id, Input, cancellationToken);
        return Done("Đã trả lại văn bản.");
    }
}
