using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Chia sẻ: the register's keepers and the agency's leaders let a colleague see the document.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class GrantModel(IncomingAccessControl access, GrantIncomingAccess handler, IPeopleDirectory people) : IncomingActionPage(access)
{
    [BindProperty]
    public GrantIncomingAccess.Request Input { get; set; } = new(null);

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken) =>
        People = (await people.PeopleOfAgencyAsync(Viewer.AgencyId, cancellationToken)).Where(p => p.IsActive && p.Id != Viewer.UserId).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.HandleAsync(Id, Input, cancellationToken);
        return Done("Đã chia sẻ văn bản.");
    }
}
