using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>The agency's people for the administrator: filter by unit, search by name without tone marks.</summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class PeopleModel(ListPeople listPeople, PeopleScope scope, IOrganizationDirectory organization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PersonResponse> People { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> PositionNames { get; private set; } = new Dictionary<Guid, string>();

    public string UnitName(Guid? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        Units = await organization.UnitsOfAgencyAsync(scope.AgencyId, cancellationToken);
        PositionNames = (await organization.PositionsOfAgencyAsync(scope.AgencyId, cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        if (UnitId is { } unit && Units.All(u => u.Id != unit))
        {
            UnitId = null;
        }

        People = await listPeople.HandleAsync(UnitId, Q, cancellationToken);
        return Page();
    }
}
