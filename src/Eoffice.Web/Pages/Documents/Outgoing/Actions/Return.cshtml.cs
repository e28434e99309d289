using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Trả lại: back to the drafter or to the previous step, with the opinion saying why.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class ReturnModel(OutgoingAccessControl access, OutgoingReview handler) : OutgoingActionPage(access)
{
    [BindProperty]
    public OutgoingReview.SendBackRequest Input { get; set; } = new(false, null);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.SendBackAsync(Id, Input, cancellationToken);
        return Done(Input.ToPrevious ? "Đã trả lại bước trước." : "Đã trả lại người soạn thảo.");
    }
}
