using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Xác nhận kết quả: the unit's leader reads the results that came back and confirms them.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ConfirmModel(IncomingAccessControl access, ConfirmIncomingResult handler) : IncomingActionPage(access)
{
    [BindProperty]
    public ConfirmIncomingResult.ConfirmRequest Input { get; set; } = new(null, null);

    /// <summary>The finished parts below the viewer's parts that wait for confirmation.</summary>
    public IReadOnlyList<IncomingAssignment> Results =>
        Document.Held(Viewer).Where(h => Pickable(h.Assignment))
            .SelectMany(h => Document.Assignments.Where(c => c.ParentId == h.Assignment.Id && c.Status == AssignmentStatus.Done))
            .OrderByDescending(c => c.FinishedAt).ToList();

    public override bool Pickable(IncomingAssignment assignment) => assignment.Awaiting == AssignmentAwaiting.ResultConfirmation;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.ConfirmAsync(Id, Input, cancellationToken);
        return Done("Đã xác nhận kết quả xử lý.");
    }
}
