using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Handovers;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Nghỉ việc: the administrator records that a person leaves, names the successor who takes their open work and the
/// reason; the handover is then shown. Uses the same handler as <c>POST /api/v1/people/{id}/departure</c>.
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class DepartureModel(GetPersonRoles getPerson, DepartPerson depart, AgencyPeople people) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? SuccessorId { get; set; }

    [BindProperty]
    public string? Reason { get; set; } = "transfer";

    [BindProperty]
    public string? Note { get; set; }

    public PersonRolesDto Person { get; private set; } = null!;

    public IReadOnlyList<AgencyPeople.PersonOption> Successors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new DepartPerson.Request(SuccessorId, Reason, Note);
        foreach (var (field, messages) in DepartPerson.Validate(request))
        {
            ModelState.AddModelError(FieldOf(field), messages[0]);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var handover = await depart.HandleAsync(Id, request, cancellationToken);
                return Redirect($"/quan-tri/ban-giao/{handover.Id}");
            }
            catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
            {
                return NotFound();
            }
            catch (RuleException rule)
            {
                ModelState.AddModelError(rule.Field is { } field ? FieldOf(field) : string.Empty, rule.Message);
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private static string FieldOf(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Person = await getPerson.HandleAsync(Id, cancellationToken);
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return false;
        }

        Successors = (await people.ActiveAsync(cancellationToken)).Where(p => p.Id != Id).ToList();
        return true;
    }
}
