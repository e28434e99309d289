using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Organization;

/// <summary>
/// The agency's own data for its administrator; for the installation administrator (no agency) the list of agencies
/// and the form to add one.
/// </summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class AgencyModel(AgencyScope scope, GetAgency getAgency, UpdateAgency updateAgency, CreateAgency createAgency, IPeopleDirectory people)
    : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsInstallationAdministrator => scope.IsInstallationAdministrator;

    public IReadOnlyList<AgencyResponse> Agencies { get; private set; } = [];

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The agency's fields, for editing the own agency or creating one; checked by the agency's rules.</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public string? FullName { get; set; }

        public string? ShortName { get; set; }

        public string? Code { get; set; }

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public Guid? RightsApproverId { get; set; }

        public UpdateAgency.Request ToUpdate() => new(FullName, ShortName, Code, Address, Phone, Email, RightsApproverId);

        public CreateAgency.Request ToCreate() => new(FullName, ShortName, Code, Address, Phone, Email);

        /// <summary>Creating and editing an agency check the same fields (<see cref="CreateAgency.Validate"/> uses these rules).</summary>
        public Dictionary<string, string[]> Validate() => ToUpdate().Validate();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsInstallationAdministrator)
        {
            Agencies = await createAgency.ListAsync(cancellationToken);
            return Page();
        }

        var agency = await getAgency.HandleAsync(cancellationToken);
        Input = new InputModel
        {
            FullName = agency.FullName, ShortName = agency.ShortName, Code = agency.Code, Address = agency.Address,
            Phone = agency.Phone, Email = agency.Email, RightsApproverId = agency.RightsApproverId,
        };
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        await updateAgency.HandleAsync(Input.ToUpdate(), cancellationToken);
        Message = "Đã lưu thông tin cơ quan.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!IsInstallationAdministrator)
        {
            return Forbid();
        }

        var agency = await createAgency.HandleAsync(Input.ToCreate(), cancellationToken);
        Message = $"Đã tạo cơ quan {agency.FullName}.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        if (IsInstallationAdministrator)
        {
            Agencies = await createAgency.ListAsync(cancellationToken);
        }
        else
        {
            People = (await people.PeopleOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(p => p.IsActive).ToList();
        }
    }
}
