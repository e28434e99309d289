using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.OutgoingTemplates;

/// <summary>
/// /quan-tri/mau-van-ban-di: the layout template of each outgoing document type, to download, replace with the agency's
/// own .docx, or revert to the built-in one. The same handlers as the JSON API.
/// </summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
[RequestSizeLimit(ReplaceOutgoingTemplate.MaxTemplateBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ReplaceOutgoingTemplate.MaxTemplateBytes + (256 * 1024))]
public sealed class IndexModel(
    ListOutgoingTemplates list,
    DownloadOutgoingTemplate download,
    ReplaceOutgoingTemplate replace,
    RevertOutgoingTemplate revert) : FormPageModel
{
    [BindProperty]
    public TemplateUploadInput Input { get; set; } = new();

    public IReadOnlyList<OutgoingTemplateRow> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string typeCode, CancellationToken cancellationToken)
    {
        var file = await download.HandleAsync(typeCode, cancellationToken);
        return File(file.Content, FileTypeSniffer.Docx, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var content = Input.File!.OpenReadStream();
        var row = await replace.HandleUploadAsync(Input.TypeCode!, content, Input.File.FileName, cancellationToken);
        Message = $"Đã thay mẫu trình bày của “{row.TypeName}” bằng tệp {row.FileName}.";
        return Redirect("/quan-tri/mau-van-ban-di");
    }

    [RuleErrorsUnder("Revert")]
    public async Task<IActionResult> OnPostRevertAsync(string typeCode, CancellationToken cancellationToken)
    {
        await revert.HandleAsync(typeCode, cancellationToken);
        Message = $"Đã dùng lại mẫu mặc định cho “{ListOutgoingTemplates.TypeNameOf(typeCode)}”.";
        return Redirect("/quan-tri/mau-van-ban-di");
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) =>
        Rows = await list.HandleAsync(cancellationToken);
}

/// <summary>The upload form: the type whose template is replaced and the .docx.</summary>
public sealed class TemplateUploadInput : IValidatableRequest
{
    public string? TypeCode { get; set; }

    public IFormFile? File { get; set; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!Modules.Documents.Outgoing.Layout.OutgoingTemplates.IsKnownType(TypeCode))
        {
            errors["typeCode"] = ["Vui lòng chọn loại văn bản."];
        }

        if (File is not { Length: > 0 })
        {
            errors["file"] = ["Vui lòng chọn tệp mẫu (.docx)."];
        }

        return errors;
    }
}
