using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Ghi nhận gửi: the clerk records how each other agency was sent the issued document, and the paper issuance.</summary>
[RequirePermission(DocumentsPermissions.IssueOutgoing)]
public sealed class SendModel(OutgoingAccessControl access, WithdrawOutgoing handler) : OutgoingActionPage(access)
{
    [BindProperty]
    public WithdrawOutgoing.SendingRequest Sending { get; set; } = new(Guid.Empty, null, null);

    [BindProperty]
    public WithdrawOutgoing.PaperRequest Paper { get; set; } = new(null, null, null);

    public IReadOnlyList<OutgoingRecipient> External => [.. Document.Recipients.Where(r => r.Channel != DeliveryChannel.Internal).OrderBy(r => r.SortOrder)];

    public static IReadOnlyList<(string Code, string Name)> States { get; } = [("sent", "Đã gửi"), ("received", "Đã nhận"), ("failed", "Gửi lỗi")];

    [RuleErrorsUnder("Sending")]
    public async Task<IActionResult> OnPostSendingAsync(CancellationToken cancellationToken)
    {
        await handler.RecordSendingAsync(Id, Sending, cancellationToken);
        return Done("Đã ghi nhận việc gửi.");
    }

    [RuleErrorsUnder("Paper")]
    public async Task<IActionResult> OnPostPaperAsync(CancellationToken cancellationToken)
    {
        await handler.RecordPaperAsync(Id, Paper, cancellationToken);
        return Done("Đã ghi nhận phát hành bản giấy.");
    }

    protected override Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        if (Paper.Copies is null && Document.PaperCopies is null)
        {
            Paper = new WithdrawOutgoing.PaperRequest(Document.Copies, null, null);
        }

        return Task.CompletedTask;
    }
}
