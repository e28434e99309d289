using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Chia sẻ: the register's keepers and the agency's leaders let a colleague see the document.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class GrantModel(IncomingAccessControl access, EofficeDbContext db, GrantIncomingAccess handler, IPeopleDirectory people) : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public Guid? UserId { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken) =>
        People = (await people.PeopleOfAgencyAsync(Viewer.AgencyId, cancellationToken)).Where(p => p.IsActive && p.Id != Viewer.UserId).ToList();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => handler.HandleAsync(Id, new GrantIncomingAccess.Request(Input.UserId), ct), "Đã chia sẻ văn bản.", cancellationToken);
}
