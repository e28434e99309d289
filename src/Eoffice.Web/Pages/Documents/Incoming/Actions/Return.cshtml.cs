using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trả lại: back to the sender with a reason ("Không thuộc thẩm quyền" offered).</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReturnModel(IncomingAccessControl access, EofficeDbContext db, ReturnIncoming handler) : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public Guid? AssignmentId { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => handler.HandleAsync(Id, new ReturnIncoming.Request(Input.AssignmentId, Input.Reason), ct), "Đã trả lại văn bản.", cancellationToken);
}
