using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Trình: the drafter hands the draft to the holder of the next step (or where a return said to resume).</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class SubmitModel(OutgoingAccessControl access, GetOutgoingDocument details, OutgoingReview handler) : OutgoingForwardPage(access, details)
{
    [BindProperty]
    public OutgoingReview.SubmitRequest Input { get; set; } = new(null, null, null);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (step, person) = Chosen();
        var result = await handler.SubmitAsync(Id, Input with { ToStep = step, RecipientId = person }, cancellationToken);
        return Done($"Đã trình {result.HolderName}.");
    }
}
