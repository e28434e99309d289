using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.FilePlans;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>/ho-so/danh-muc: the agency's file plans by year, and (for the office) a new year's plan.</summary>
[RequirePermission(DossiersPermissions.ViewFilePlans)]
public sealed class FilePlansModel(ListFilePlans list, CreateFilePlan create) : FormPageModel
{
    public const string Link = "/ho-so/danh-muc";

    [BindProperty]
    public CreateFilePlan.Request Input { get; set; } = new() { Year = DateTime.UtcNow.Year + 1 };

    public ListFilePlans.Response Plans { get; private set; } = new(false, []);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await create.HandleAsync(Input, cancellationToken);
        Message = $"Đã lập dự thảo danh mục hồ sơ năm {created.Year}.";
        return Redirect(FilePlanModel.LinkOf(created.Id));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Plans = await list.HandleAsync(cancellationToken);
}
