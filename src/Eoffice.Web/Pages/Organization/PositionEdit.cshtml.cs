using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Organization;

/// <summary>One position: rename it, change its rank, stop or restart using it. Another agency's position answers 404.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class PositionEditModel(ListPositions listPositions, UpdatePosition updatePosition, DeactivatePosition deactivatePosition, ReactivatePosition reactivatePosition)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PositionInput Input { get; set; } = new();

    public PositionResponse Position { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new PositionInput { Name = Position.Name, IsLeadership = Position.IsLeadership, Rank = Position.Rank };
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        await updatePosition.HandleAsync(Id, Input.ToUpdate(), cancellationToken);
        return Done("Đã lưu chức vụ.");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken)
    {
        await deactivatePosition.HandleAsync(Id, cancellationToken);
        return Done("Đã ngừng sử dụng chức vụ.");
    }

    public async Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken)
    {
        await reactivatePosition.HandleAsync(Id, cancellationToken);
        return Done("Đã dùng lại chức vụ.");
    }

    /// <summary>Loads the position; one of another agency answers 404.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Position = (await listPositions.HandleAsync(cancellationToken)).FirstOrDefault(p => p.Id == Id) ?? throw RuleException.NotFound();

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage(new { id = Id });
    }
}
