using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Registers;

/// <summary>/quan-tri/so-van-ban: the agency's incoming registers with their keepers, and the form to add one.</summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class IndexModel(ListRegisters listRegisters, SaveRegister saveRegister, IOrganizationDirectory organization) : FormPageModel
{
    [BindProperty]
    public RegisterFormInput Input { get; set; } = new();

    public IReadOnlyList<RegisterResponse> Registers { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = await saveRegister.CreateAsync(Input.ToCreateRequest(), cancellationToken);
        Message = $"Đã tạo sổ {Input.Name!.Trim()}. Hãy chỉ định văn thư giữ sổ.";
        return Redirect($"/quan-tri/so-van-ban/{id}");
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var agencyId = User.AgencyId() ?? throw RuleException.NotFound();
        Registers = await listRegisters.HandleAsync(mine: false, cancellationToken);
        Units = (await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).Where(u => u.IsActive).OrderBy(u => u.SortOrder).ToList();
    }
}

/// <summary>The fields of a register on the register pages.</summary>
public sealed class RegisterFormInput : IValidatableRequest
{
    public string? Name { get; set; }

    public string? Code { get; set; }

    public Guid? UnitId { get; set; }

    public int? SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public List<Guid> KeeperIds { get; set; } = [];

    public SaveRegister.Request ToCreateRequest() => new(Name, Code, UnitId, true, SortOrder);

    public SaveRegister.Request ToUpdateRequest() => new(Name, Code, null, IsActive, SortOrder, KeeperIds);

    public Dictionary<string, string[]> Validate() => ToCreateRequest().Validate();
}
