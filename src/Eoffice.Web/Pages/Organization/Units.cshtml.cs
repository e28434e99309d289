using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Organization;

/// <summary>The agency's unit tree, with the form to add a unit.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class UnitsModel(ListUnits listUnits, CreateUnit createUnit) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public IReadOnlyList<UnitResponse> Units { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        Units = await listUnits.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var request = new CreateUnit.Request(Input.ParentId, Input.Name, Input.Code, Input.Kind, Input.HasOwnClerk, Input.SortOrder, Input.Phone, Input.Email);
        ModelState.AddFieldErrors(CreateUnit.Validate(request));
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var unit = await createUnit.HandleAsync(request, cancellationToken);
                Message = $"Đã thêm đơn vị {unit.Name}.";
                return RedirectToPage();
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddRuleError(rule);
            }
        }

        Units = await listUnits.HandleAsync(cancellationToken);
        return Page();
    }
}

/// <summary>The fields of a unit on the unit pages.</summary>
public sealed class UnitInput
{
    public Guid? ParentId { get; set; }

    public string? Name { get; set; }

    public string? Code { get; set; }

    public string? Kind { get; set; } = "department";

    public bool HasOwnClerk { get; set; }

    public int? SortOrder { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
