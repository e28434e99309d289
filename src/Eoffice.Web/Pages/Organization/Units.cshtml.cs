using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Organization;

/// <summary>The agency's unit tree, with the form to add a unit.</summary>
[RequirePermission(OrganizationPermissions.ManageOrganization)]
public sealed class UnitsModel(ListUnits listUnits, CreateUnit createUnit) : FormPageModel
{
    [BindProperty]
    public NewUnitInput Input { get; set; } = new();

    public IReadOnlyList<UnitResponse> Units { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var unit = await createUnit.HandleAsync(Input.ToCreate(), cancellationToken);
        Message = $"Đã thêm đơn vị {unit.Name}.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Units = await listUnits.HandleAsync(cancellationToken);
}

/// <summary>The fields of a unit on the unit pages, checked by the rules of <see cref="UpdateUnit.Request"/>.</summary>
public class UnitInput : IValidatableRequest
{
    public Guid? ParentId { get; set; }

    public string? Name { get; set; }

    public string? Code { get; set; }

    public string? Kind { get; set; } = "department";

    public bool HasOwnClerk { get; set; }

    public int? SortOrder { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public UpdateUnit.Request ToUpdate() => new(Name, Code, Kind, HasOwnClerk, SortOrder, Phone, Email);

    public CreateUnit.Request ToCreate() => new(ParentId, Name, Code, Kind, HasOwnClerk, SortOrder, Phone, Email);

    public virtual Dictionary<string, string[]> Validate() => ToUpdate().Validate();
}

/// <summary>A unit being added, checked by the rules of <see cref="CreateUnit.Request"/>.</summary>
public sealed class NewUnitInput : UnitInput
{
    public override Dictionary<string, string[]> Validate() => ToCreate().Validate();
}
