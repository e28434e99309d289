using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Tiếp nhận vào sổ đơn vị: the unit's clerk registers the agency's document in the unit's register and passes it to the unit's leaders.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReceiveModel(IncomingAccessControl access, ReceiveIncomingForUnit handler) : IncomingActionPage(access)
{
    [BindProperty]
    public ReceiveIncomingForUnit.Request Input { get; set; } = new(null, null);

    /// <summary>The unit parts waiting for this clerk.</summary>
    public IReadOnlyList<IncomingAssignment> Waiting =>
        Document.Assignments.Where(a => a.Status == AssignmentStatus.AwaitingReceipt && a.ReceivingRegisterId is { } r && Viewer.Keeps(r))
            .OrderBy(a => a.SentAt).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var received = await handler.HandleAsync(Id, Input, cancellationToken);
        return Done($"Đã vào sổ \"{received.RegisterName}\" số đến {received.ArrivalNumber}/{received.Year} và chuyển lãnh đạo đơn vị.");
    }
}
