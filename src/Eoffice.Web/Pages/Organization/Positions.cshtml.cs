using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Organization;

/// <summary>The agency's positions, with the form to add one.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class PositionsModel(ListPositions listPositions, CreatePosition createPosition) : PageModel
{
    [BindProperty]
    public PositionInput Input { get; set; } = new();

    public IReadOnlyList<PositionResponse> Positions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        Positions = await listPositions.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return NotFound();
        }

        var request = new CreatePosition.Request(Input.Name, Input.IsLeadership, Input.Rank);
        ModelState.AddFieldErrors(CreatePosition.Validate(request));
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var position = await createPosition.HandleAsync(request, cancellationToken);
                Message = $"Đã thêm chức vụ {position.Name}.";
                return RedirectToPage();
            }
            catch (RuleException rule) when (rule.Kind != RuleKind.NotFound)
            {
                ModelState.AddRuleError(rule);
            }
        }

        Positions = await listPositions.HandleAsync(cancellationToken);
        return Page();
    }
}

/// <summary>The fields of a position on the position pages.</summary>
public sealed class PositionInput
{
    public string? Name { get; set; }

    public bool IsLeadership { get; set; }

    public int? Rank { get; set; }
}
