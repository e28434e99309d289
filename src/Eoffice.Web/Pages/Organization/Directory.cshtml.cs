using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Organization;

/// <summary>Danh bạ: the agency's working people by unit, with phone and e-mail, searchable without tone marks.</summary>
[RequirePermission(OrganizationPermissions.ViewOrganization)]
public sealed class DirectoryModel(ListUnits listUnits, ListPositions listPositions, AgencyScope scope, IPeopleDirectory people) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<(UnitResponse Unit, IReadOnlyList<(PersonInfo Person, string? Position)> People)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var units = await listUnits.HandleAsync(cancellationToken);
        var positions = (await listPositions.HandleAsync(cancellationToken)).ToDictionary(p => p.Id);
        var folded = VietnameseText.Fold(Q);
        var everyone = (await people.PeopleOfAgencyAsync(scope.AgencyId, cancellationToken))
            .Where(p => p.IsActive && (folded.Length == 0 || VietnameseText.Fold(p.FullName).Contains(folded, StringComparison.Ordinal)))
            .ToList();
        int RankOf(PersonInfo p) => p.PositionId is { } id && positions.TryGetValue(id, out var position) ? position.Rank : int.MaxValue;
        string? PositionOf(PersonInfo p) => p.PositionId is { } id && positions.TryGetValue(id, out var position) ? position.Name : null;
        Groups = units.Where(u => u.IsActive)
            .Select(u => (u, (IReadOnlyList<(PersonInfo, string?)>)everyone.Where(p => p.UnitId == u.Id).OrderBy(RankOf).Select(p => (p, PositionOf(p))).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
        return Page();
    }
}
