using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Cabinet;

/// <summary>/tu-tai-lieu/thung-rac: the deleted files the reader may restore (their own, or in folders they manage), with the day each is purged.</summary>
[RequirePermission(CabinetPermissions.Use)]
public sealed class CabinetRecycleBinModel(ListCabinetRecycleBin list, RecycleCabinetFile recycle) : FormPageModel
{
    public const string Link = "/tu-tai-lieu/thung-rac";

    public IReadOnlyList<CabinetRecycledFile> Files { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    [RuleErrorsUnder("Restore")]
    public async Task<IActionResult> OnPostRestoreAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var restored = await recycle.RestoreAsync(fileId, cancellationToken);
        return Redirect(CabinetModel.LinkOf(restored.FolderId));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Files = (await list.HandleAsync(cancellationToken)).Files;
}
