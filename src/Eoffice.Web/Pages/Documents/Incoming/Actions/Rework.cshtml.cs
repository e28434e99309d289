using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Yêu cầu xử lý lại: the result is not accepted; the assignee's part opens again with the reason.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReworkModel(IncomingAccessControl access, ConfirmIncomingResult handler) : IncomingActionPage(access)
{
    [BindProperty]
    public ConfirmIncomingResult.ReworkRequest Input { get; set; } = new(null, null);

    public override bool Pickable(IncomingAssignment assignment) => assignment.Awaiting == AssignmentAwaiting.ResultConfirmation;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.ReworkAsync(Id, Input, cancellationToken);
        return Done("Đã yêu cầu xử lý lại.");
    }
}
