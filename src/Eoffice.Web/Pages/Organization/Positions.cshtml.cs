using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Organization;

/// <summary>The agency's positions, with the form to add one.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class PositionsModel(ListPositions listPositions, CreatePosition createPosition) : FormPageModel
{
    [BindProperty]
    public NewPositionInput Input { get; set; } = new();

    public IReadOnlyList<PositionResponse> Positions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var position = await createPosition.HandleAsync(Input.ToCreate(), cancellationToken);
        Message = $"Đã thêm chức vụ {position.Name}.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Positions = await listPositions.HandleAsync(cancellationToken);
}

/// <summary>The fields of a position on the position pages, checked by the rules of <see cref="UpdatePosition.Request"/>.</summary>
public class PositionInput : IValidatableRequest
{
    public string? Name { get; set; }

    public bool IsLeadership { get; set; }

    public int? Rank { get; set; }

    public UpdatePosition.Request ToUpdate() => new(Name, IsLeadership, Rank);

    public CreatePosition.Request ToCreate() => new(Name, IsLeadership, Rank);

    public virtual Dictionary<string, string[]> Validate() => ToUpdate().Validate();
}

/// <summary>A position being added, checked by the rules of <see cref="CreatePosition.Request"/>.</summary>
public sealed class NewPositionInput : PositionInput
{
    public override Dictionary<string, string[]> Validate() => ToCreate().Validate();
}
