using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trả lời: start the answer (an outgoing draft, linked to this document).</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class ReplyModel(IncomingAccessControl access, StartIncomingReply handler) : IncomingActionPage(access)
{
    [BindProperty]
    public StartIncomingReply.Request Input { get; set; } = new(null);

    protected override Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        if (Input.Title is null)
        {
            Input = new StartIncomingReply.Request("Về việc trả lời " + Document.Metadata.Subject);
        }

        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.HandleAsync(Id, Input, cancellationToken);
        return Done("Đã tạo văn bản trả lời.");
    }
}
