using Eoffice.Web.Modules.Search;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Search;

/// <summary>The search index for administrators: the check (counts, missing, extra, drift in a sample) and the rebuild.</summary>
[RequirePermission(PlatformPermissions.ManageJobs)]
public sealed class IndexAdminModel(SearchIndexAdmin admin) : FormPageModel
{
    public SearchIndexAdmin.CheckReport Check { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken cancellationToken)
    {
        var report = await admin.RebuildAsync(cancellationToken);
        Message = "Đã xây dựng lại chỉ mục: " + string.Join("; ", report.Kinds.Select(k => $"{k.Name} {k.Items} mục, xóa {k.Removed} mục thừa"))
            + $" ({report.Seconds} giây).";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Check = await admin.CheckAsync(SearchIndexAdmin.DefaultSample, cancellationToken);
}
