using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Hoàn thành / Kết thúc, with the result and the work dossiers to file into (suggested first), or a dossier named in words as before.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class FinishModel(IncomingAccessControl access, FinishIncoming handler) : IncomingActionPage(access)
{
    [BindProperty]
    public FinishIncoming.Request Input { get; set; } = new(null, null, null);

    public IReadOnlyList<string> PreviousTitles { get; private set; } = [];

    /// <summary>The open work dossiers the person may file into, suggested first (IDossierFiling).</summary>
    public IReadOnlyList<Modules.Dossiers.Contracts.DossierChoice> Choices { get; private set; } = [];

    /// <summary>"Hoàn thành", or "Kết thúc" for a for-information part: the same name as the document page's button.</summary>
    public string ActionName => GetIncomingDocument.FinishName(Viewer, Document);

    public override bool Pickable(Modules.Documents.Domain.IncomingAssignment assignment) =>
        assignment.Awaiting != Kernel.Handling.AssignmentAwaiting.ResultConfirmation;

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        PreviousTitles = await handler.DossierTitlesAsync(cancellationToken);
        Choices = await handler.DossierChoicesAsync(Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.HandleAsync(Id, Input, cancellationToken);
        return Done("Đã xong phần xử lý của bạn.");
    }
}
