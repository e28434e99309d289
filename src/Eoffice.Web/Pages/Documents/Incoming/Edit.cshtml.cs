using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Incoming;

/// <summary>
/// /van-ban-den/{id}/sua: the register's clerk corrects a registered document, adds files to it or replaces its scan
/// (the old scan stays in the history), or cancels its registration (the number stays taken).
/// </summary>
[RequirePermission(DocumentsPermissions.RegisterIncoming)]
public sealed class EditModel(EditIncoming editIncoming, EofficeDbContext db) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EditIncoming.UpdateRequest Input { get; set; } = new();

    [BindProperty]
    public EditIncoming.AttachRequest Files { get; set; } = new(null, null);

    [BindProperty]
    public EditIncoming.CancelRequest Cancel { get; set; } = new(null);

    public IncomingDocument Document { get; private set; } = null!;

    /// <summary>The drop zone of the file section and the files uploaded for it (kept when the section comes back with an error).</summary>
    public FileUploadsView Uploads { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new EditIncoming.UpdateRequest { Document = Document.Metadata.ToInput() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await editIncoming.UpdateAsync(Id, Input, cancellationToken);
        TempData["Message"] = "Đã lưu thông tin văn bản.";
        return Redirect($"/van-ban-den/{Id}");
    }

    public async Task<IActionResult> OnPostFilesAsync(CancellationToken cancellationToken)
    {
        await editIncoming.AttachAsync(Id, Files, cancellationToken);
        TempData["Message"] = Files.ReplaceMain ? "Đã thay văn bản chính; tệp cũ được giữ trong lịch sử xử lý." : "Đã đính kèm tệp.";
        return Redirect($"/van-ban-den/{Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        await editIncoming.CancelAsync(Id, Cancel, cancellationToken);
        TempData["Message"] = "Đã hủy đăng ký văn bản; số đến được giữ lại.";
        return Redirect($"/van-ban-den/{Id}");
    }

    /// <summary>The document, for the register's clerks only: 404 when not visible, 403 for anyone else who sees it.</summary>
    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Document = await editIncoming.LoadForClerkAsync(Id, cancellationToken);
        Uploads = new FileUploadsView("Files", await FileUploadsView.UploadedAsync(db, User.UserId(), Files.FileIds, cancellationToken), Files.MainFileId,
            Preview: false, "Chọn tệp chính bằng nút tròn; tệp khác là tệp đính kèm.");
    }
}
