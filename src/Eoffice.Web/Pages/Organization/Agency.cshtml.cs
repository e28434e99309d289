using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Organization;

/// <summary>
/// The agency's own data for its administrator; for the installation administrator (no agency) the list of agencies
/// and the form to add one.
/// </summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class AgencyModel(AgencyScope scope, GetAgency getAgency, UpdateAgency updateAgency, CreateAgency createAgency, IPeopleDirectory people) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool IsInstallationAdministrator => scope.IsInstallationAdministrator;

    public IReadOnlyList<AgencyResponse> Agencies { get; private set; } = [];

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        public string? FullName { get; set; }

        public string? ShortName { get; set; }

        public string? Code { get; set; }

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public Guid? RightsApproverId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsInstallationAdministrator)
        {
            Agencies = await createAgency.ListAsync(cancellationToken);
            return Page();
        }

        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var agency = await getAgency.HandleAsync(cancellationToken);
        Input = new InputModel
        {
            FullName = agency.FullName, ShortName = agency.ShortName, Code = agency.Code, Address = agency.Address,
            Phone = agency.Phone, Email = agency.Email, RightsApproverId = agency.RightsApproverId,
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var request = new UpdateAgency.Request(Input.FullName, Input.ShortName, Input.Code, Input.Address, Input.Phone, Input.Email, Input.RightsApproverId);
        ModelState.AddFieldErrors(UpdateAgency.Validate(request));
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await updateAgency.HandleAsync(request, cancellationToken);
                Message = "Đã lưu thông tin cơ quan.";
                return RedirectToPage();
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddRuleError(rule);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!IsInstallationAdministrator)
        {
            return Forbid();
        }

        var request = new CreateAgency.Request(Input.FullName, Input.ShortName, Input.Code, Input.Address, Input.Phone, Input.Email);
        ModelState.AddFieldErrors(CreateAgency.Validate(request));
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var agency = await createAgency.HandleAsync(request, cancellationToken);
                Message = $"Đã tạo cơ quan {agency.FullName}.";
                return RedirectToPage();
            }
            catch (RuleException rule)
            {
                ModelState.AddRuleError(rule);
            }
        }

        Agencies = await createAgency.ListAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        People = (await people.PeopleOfAgencyAsync(scope.AgencyId, cancellationToken)).Where(p => p.IsActive).ToList();
}
