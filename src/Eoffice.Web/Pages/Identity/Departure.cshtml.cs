using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Handovers;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Nghỉ việc: the administrator records that a person leaves, names the successor who takes their open work and the
/// reason; the handover is then shown. Uses the same handler as <c>POST /api/v1/people/{id}/departure</c>.
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class DepartureModel(GetPersonRoles getPerson, DepartPerson depart, AgencyPeople people) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DepartPerson.Request Input { get; set; } = new(null, "transfer", null);

    public PersonRolesDto Person { get; private set; } = null!;

    public IReadOnlyList<AgencyPeople.PersonOption> Successors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var handover = await depart.HandleAsync(Id, Input, cancellationToken);
        return Redirect($"/quan-tri/ban-giao/{handover.Id}");
    }

    /// <summary>Loads the person (404 for anyone outside the agency) and the colleagues who may take over.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Person = await getPerson.HandleAsync(Id, cancellationToken);
        Successors = (await people.ActiveAsync(cancellationToken)).Where(p => p.Id != Id).ToList();
    }
}
