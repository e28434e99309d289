using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Archive;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>
/// /ho-so/nop-luu/dot/{id} — one transfer: its dossiers and totals, the three outputs of §1.9.4 in .xlsx/.docx/PDF, the
/// export package, and "Hoàn thành giao nộp" (after a confirmation) which makes its dossiers "Đã nộp lưu", read-only.
/// Another agency's id: 404.
/// </summary>
[RequirePermission(DossiersPermissions.ManageArchive)]
public sealed class TransferModel(GetArchiveTransfer get, CompleteArchiveTransfer complete) : FormPageModel
{
    public static string LinkOf(Guid id) => $"{TransfersModel.Link}/{id}";

    public static string OutputLink(Guid id, string output, string format) => $"/api/v1/dossiers/transfers/{id}/outputs/{output}?format={format}";

    public static string PackageLink(Guid id) => $"/api/v1/dossiers/transfers/{id}/package";

    public static readonly IReadOnlyList<(string Output, string Name)> Outputs =
    [
        (ExportArchiveTransfer.DossierList, "Mục lục hồ sơ nộp lưu"),
        (ExportArchiveTransfer.DocumentList, "Mục lục văn bản trong hồ sơ"),
        (ExportArchiveTransfer.Receipt, "Biên bản giao nhận tài liệu"),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public ArchiveTransferResponse ArchiveTransfer { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken)
    {
        if (!Confirmed)
        {
            ModelState.AddModelError("Complete.Confirmed", "Vui lòng xác nhận đã giao nhận đủ hồ sơ, tài liệu theo mục lục.");
            await OnRedisplayAsync(cancellationToken);
            return Page();
        }

        await complete.HandleAsync(Id, cancellationToken);
        return Redirect(LinkOf(Id));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => ArchiveTransfer = await get.GetAsync(Id, cancellationToken);
}
