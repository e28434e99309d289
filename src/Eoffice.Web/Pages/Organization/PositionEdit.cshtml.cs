using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Organization;

/// <summary>One position: rename it, change its rank, stop or restart using it. Another agency's position answers 404.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class PositionEditModel(ListPositions listPositions, UpdatePosition updatePosition, DeactivatePosition deactivatePosition, ReactivatePosition reactivatePosition)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PositionInput Input { get; set; } = new();

    public PositionResponse Position { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new PositionInput { Name = Position.Name, IsLeadership = Position.IsLeadership, Rank = Position.Rank };
        return Page();
    }

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        var request = new UpdatePosition.Request(Input.Name, Input.IsLeadership, Input.Rank);
        ModelState.AddFieldErrors(UpdatePosition.Validate(request));
        return RunAsync(ct => updatePosition.HandleAsync(Id, request, ct), "Đã lưu chức vụ.", cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => deactivatePosition.HandleAsync(Id, ct), "Đã ngừng sử dụng chức vụ.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => reactivatePosition.HandleAsync(Id, ct), "Đã dùng lại chức vụ.", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<CancellationToken, Task<PositionResponse>> action, string done, CancellationToken cancellationToken)
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
                ModelState.AddRuleError(rule);
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

        var position = (await listPositions.HandleAsync(cancellationToken)).FirstOrDefault(p => p.Id == Id);
        if (position is null)
        {
            return false;
        }

        Position = position;
        return true;
    }
}
