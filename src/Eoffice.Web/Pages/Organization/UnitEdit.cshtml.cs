using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Organization;

/// <summary>One unit: edit its fields, move it in the tree, stop or restart it. Another agency's unit answers 404.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class UnitEditModel(ListUnits listUnits, UpdateUnit updateUnit, MoveUnit moveUnit, DeactivateUnit deactivateUnit, ReactivateUnit reactivateUnit)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    [BindProperty]
    public Guid? NewParentId { get; set; }

    public UnitResponse Unit { get; private set; } = null!;

    /// <summary>Units the unit may move under: active ones outside its own branch.</summary>
    public IReadOnlyList<UnitResponse> Parents { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new UnitInput
        {
            Name = Unit.Name, Code = Unit.Code, Kind = Unit.Kind, HasOwnClerk = Unit.HasOwnClerk, SortOrder = Unit.SortOrder,
            Phone = Unit.Phone, Email = Unit.Email,
        };
        NewParentId = Unit.ParentId;
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        var request = new UpdateUnit.Request(Input.Name, Input.Code, Input.Kind, Input.HasOwnClerk, Input.SortOrder, Input.Phone, Input.Email);
        ModelState.AddFieldErrors(UpdateUnit.Validate(request));
        return RunAsync(ct => updateUnit.HandleAsync(Id, request, ct), "Đã lưu thông tin đơn vị.", cancellationToken);
    }

    public Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => moveUnit.HandleAsync(Id, new MoveUnit.Request(NewParentId), ct), "Đã chuyển đơn vị.", cancellationToken, prefix: "Move");

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => deactivateUnit.HandleAsync(Id, ct), "Đã ngừng hoạt động đơn vị.", cancellationToken, prefix: "Status");

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => reactivateUnit.HandleAsync(Id, ct), "Đã khôi phục hoạt động của đơn vị.", cancellationToken, prefix: "Status");

    private async Task<IActionResult> RunAsync(Func<CancellationToken, Task<UnitResponse>> action, string done, CancellationToken cancellationToken, string prefix = "Input")
    {
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await action(cancellationToken);
                Message = done;
                return RedirectToPage(new { id = Id });
            }
            catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
            {
                return NotFound();
            }
            catch (RuleException rule)
            {
                ModelState.AddModelError(prefix == "Input" && rule.Field is not null ? ModelStateExtensions.FieldOf(rule.Field) : prefix, rule.Message);
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.AgencyId() is null)
        {
            return false;
        }

        var units = await listUnits.HandleAsync(cancellationToken);
        var unit = units.FirstOrDefault(u => u.Id == Id);
        if (unit is null)
        {
            return false;
        }

        Unit = unit;
        var branch = new HashSet<Guid> { unit.Id };
        foreach (var u in units.Where(u => u.ParentId is { } p && branch.Contains(p)))
        {
            branch.Add(u.Id);
        }

        Parents = units.Where(u => u.IsActive && !branch.Contains(u.Id)).ToList();
        return true;
    }
}
