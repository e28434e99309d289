using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trình: the clerk picks the leader the agency's route offers (the chief of office first when it goes through him).</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class PresentModel(IncomingAccessControl access, EofficeDbContext db, RoutingPolicy routing, PresentIncoming present)
    : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public Guid? UserId { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<RecipientGroup> Groups { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken) =>
        Groups = (await routing.PresentationChoicesAsync(Viewer.AgencyId, Viewer.UserId, cancellationToken)).Groups;

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => present.HandleAsync(Id, new PresentIncoming.Request(Input.UserId, Input.Note), ct), "Đã trình văn bản.", cancellationToken);
}
