using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Organization;

/// <summary>One unit: edit its fields, move it in the tree, stop or restart it. Another agency's unit answers 404.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class UnitEditModel(ListUnits listUnits, UpdateUnit updateUnit, MoveUnit moveUnit, DeactivateUnit deactivateUnit, ReactivateUnit reactivateUnit)
    : FormPageModel
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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new UnitInput
        {
            Name = Unit.Name, Code = Unit.Code, Kind = Unit.Kind, HasOwnClerk = Unit.HasOwnClerk, SortOrder = Unit.SortOrder,
            Phone = Unit.Phone, Email = Unit.Email,
        };
        NewParentId = Unit.ParentId;
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        await updateUnit.HandleAsync(Id, Input.ToUpdate(), cancellationToken);
        return Done("Đã lưu thông tin đơn vị.");
    }

    [RuleErrorsUnder("Move")]
    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        await moveUnit.HandleAsync(Id, new MoveUnit.Request(NewParentId), cancellationToken);
        return Done("Đã chuyển đơn vị.");
    }

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken)
    {
        await deactivateUnit.HandleAsync(Id, cancellationToken);
        return Done("Đã ngừng hoạt động đơn vị.");
    }

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken)
    {
        await reactivateUnit.HandleAsync(Id, cancellationToken);
        return Done("Đã khôi phục hoạt động của đơn vị.");
    }

    /// <summary>Loads the unit (404 when it is not of the administrator's agency) and the units it may move under.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var units = await listUnits.HandleAsync(cancellationToken);
        Unit = units.FirstOrDefault(u => u.Id == Id) ?? throw RuleException.NotFound();
        var branch = new HashSet<Guid> { Unit.Id };
        foreach (var u in units.Where(u => u.ParentId is { } p && branch.Contains(p)))
        {
            branch.Add(u.Id);
        }

        Parents = units.Where(u => u.IsActive && !branch.Contains(u.Id)).ToList();
    }

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage(new { id = Id });
    }
}
