using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Thêm ý kiến xử lý, optionally with a file.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class OpinionModel(IncomingAccessControl access, AddIncomingOpinion handler, FileStore files) : IncomingActionPage(access)
{
    [BindProperty]
    public AddIncomingOpinion.Request Input { get; set; } = new(null, null, null);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var fileId = await SaveUploadAsync(files, Upload, cancellationToken);
        await handler.HandleAsync(Id, Input with { FileId = fileId }, cancellationToken);
        return Done("Đã thêm ý kiến.");
    }
}
