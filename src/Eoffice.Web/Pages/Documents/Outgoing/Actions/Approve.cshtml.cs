using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Duyệt và chuyển: the holder approves at the current step and passes the draft on, or adds a reviewer first.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class ApproveModel(OutgoingAccessControl access, GetOutgoingDocument details, OutgoingReview handler, IPeopleDirectory people)
    : OutgoingForwardPage(access, details)
{
    [BindProperty]
    public OutgoingReview.ApproveRequest Input { get; set; } = new(null, null, null, null);

    /// <summary>Whom the holder may add as a reviewer before the next step.</summary>
    public IReadOnlyList<PersonInfo> Reviewers { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (step, person) = Chosen();
        var request = Input.AddedReviewerId is null ? Input with { ToStep = step, RecipientId = person } : Input;
        var result = await handler.ApproveAsync(Id, request, cancellationToken);
        return Done($"Đã duyệt và chuyển {result.HolderName}.");
    }

    protected override async Task OnStepsLoadedAsync(CancellationToken cancellationToken) =>
        Reviewers = [.. (await people.PeopleOfAgencyAsync(Document.AgencyId, cancellationToken)).Where(p => p.IsActive && p.Id != Viewer.UserId)
            .OrderBy(p => p.FullName, StringComparer.Ordinal)];
}
