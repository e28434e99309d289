using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trả lời: start the answer (an outgoing draft, linked to this document).</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReplyModel(IncomingAccessControl access, EofficeDbContext db, StartIncomingReply handler) : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public string? Title { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Input.Title ??= "Về việc trả lời " + Document.Subject;
        return Task.CompletedTask;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => handler.HandleAsync(Id, new StartIncomingReply.Request(Input.Title), ct), "Đã tạo văn bản trả lời.", cancellationToken);
}
