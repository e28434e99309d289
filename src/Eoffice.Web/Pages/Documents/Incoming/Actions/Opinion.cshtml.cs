using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>Thêm ý kiến xử lý, optionally with a file.</summary>
[RequirePermission(DocumentsPermissions.ViewIncoming)]
public sealed class OpinionModel(IncomingAccessControl access, EofficeDbContext db, AddIncomingOpinion handler, FileStore files) : IncomingActionPage(access, db)
{
    public sealed class InputModel
    {
        public string? Text { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            var fileId = await SaveUploadAsync(files, Upload, ct);
            await handler.HandleAsync(Id, new AddIncomingOpinion.Request(null, Input.Text, fileId), ct);
        }, "Đã thêm ý kiến.", cancellationToken);
}
