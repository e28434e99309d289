using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Trình: the clerk picks the leader the agency's route offers (the chief of office first when it goes through him).</summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class PresentModel(IncomingAccessControl access, RoutingPolicy routing, PresentIncoming present) : IncomingActionPage(access)
{
    [BindProperty]
    public PresentIncoming.Request Input { get; set; } = new(null, null);

    public IReadOnlyList<RecipientGroup> Groups { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken) =>
        Groups = (await routing.PresentationChoicesAsync(Viewer.AgencyId, Viewer.UserId, cancellationToken)).Groups;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await present.HandleAsync(Id, Input, cancellationToken);
        return Done("Đã trình văn bản.");
    }
}
