using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Hoàn thành / Kết thúc, with the result and the work dossier (the titles used before are offered).</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class FinishModel(IncomingAccessControl access, EofficeDbContext db, FinishIncoming handler) : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public Guid? AssignmentId { get; set; }

        public string? Result { get; set; }

        public string? DossierTitle { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> PreviousTitles { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken) =>
        PreviousTitles = await handler.DossierTitlesAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => handler.HandleAsync(Id, new FinishIncoming.Request(Input.AssignmentId, Input.Result, Input.DossierTitle), ct), "Đã kết thúc xử lý.", cancellationToken);
}
