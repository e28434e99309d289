using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Adding a person. After success the page shows the user name and the temporary password once (in this response
/// only: nothing is kept to show it again).
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class PersonCreateModel(CreatePerson createPerson, PeopleScope scope, IOrganizationDirectory organization) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<PositionInfo> Positions { get; private set; } = [];

    public CreatePerson.Response? Created { get; private set; }

    public sealed class InputModel
    {
        public string? FullName { get; set; }

        public string? UserName { get; set; }

        public Guid? UnitId { get; set; }

        public Guid? PositionId { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var request = new CreatePerson.Request(Input.FullName, Input.UserName, Input.UnitId, Input.PositionId, Input.Email, Input.Phone, Input.Roles);
        ModelState.AddFieldErrors(CreatePerson.Validate(request));
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                Created = await createPerson.HandleAsync(request, cancellationToken);
                Input = new InputModel { UnitId = Input.UnitId, PositionId = Input.PositionId };
                ModelState.Clear();
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddRuleError(rule);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public static IReadOnlyDictionary<string, string> RoleNames => DefaultRoles.Names;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = (await organization.UnitsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(u => u.IsActive).ToList();
        Positions = (await organization.PositionsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(p => p.IsActive).ToList();
    }
}
