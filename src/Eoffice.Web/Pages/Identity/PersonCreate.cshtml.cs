using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Identity;

/// <summary>
/// Adding a person. After success the page shows the user name and the temporary password once (in this response
/// only: nothing is kept to show it again).
/// </summary>
[RequirePermission(IdentityPermissions.ManageAccounts)]
public sealed class PersonCreateModel(CreatePerson createPerson, PeopleScope scope, IOrganizationDirectory organization) : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<PositionInfo> Positions { get; private set; } = [];

    public CreatePerson.Response? Created { get; private set; }

    /// <summary>The new person's data, checked by the rules of <see cref="CreatePerson.Request"/>.</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public string? FullName { get; set; }

        public string? UserName { get; set; }

        public Guid? UnitId { get; set; }

        public Guid? PositionId { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public List<string> Roles { get; set; } = [];

        public CreatePerson.Request ToRequest() => new(FullName, UserName, UnitId, PositionId, Email, Phone, Roles);

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    /// <summary>Shows the created account on the same page: the temporary password must not travel through a redirect.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Created = await createPerson.HandleAsync(Input.ToRequest(), cancellationToken);
        Input = new InputModel { UnitId = Input.UnitId, PositionId = Input.PositionId };
        ModelState.Clear();
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public static IReadOnlyDictionary<string, string> RoleNames => DefaultRoles.Names;

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Units = (await organization.UnitsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(u => u.IsActive).ToList();
        Positions = (await organization.PositionsOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(p => p.IsActive).ToList();
    }
}
