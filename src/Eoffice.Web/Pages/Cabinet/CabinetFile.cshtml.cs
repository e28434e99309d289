using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Cabinet;

/// <summary>
/// /tu-tai-lieu/tep/{id}: one cabinet file in the in-page viewer, its versions (each downloadable), and — for its author
/// or a folder manager only — rename, replace with a new version, delete (to the recycle bin) and its grants.
/// </summary>
[RequirePermission(CabinetPermissions.Use)]
public sealed class CabinetFileModel(GetCabinetFile get, RenameCabinetFile rename, UploadCabinetFiles upload, RecycleCabinetFile recycle, SetCabinetGrants grants,
    ListCabinetGrantChoices choices) : FormPageModel
{
    public static string LinkOf(Guid id) => $"{CabinetModel.Link}/tep/{id}";

    public static string ContentOf(Guid id, int? version = null, bool inline = false) =>
        $"/api/v1/cabinet/files/{id}/content" + (inline ? "?inline=true" : version is { } n ? $"?version={n}" : "");

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RenameCabinetFile.Request Rename { get; set; } = new();

    [BindProperty]
    public CabinetGrantsForm Access { get; set; } = new();

    public CabinetFileResponse Item { get; private set; } = null!;

    public CabinetGrantsResponse? FileGrants { get; private set; }

    public CabinetGrantChoicesResponse? GrantChoices { get; private set; }

    public bool CanDownload => Item.Level is "download" or "upload" or "manage";

    /// <summary>How the viewer shows the file: "pdf" (pdf.js), "image", or nothing (download only).</summary>
    public string? ViewKind => Item.ContentType switch
    {
        "application/pdf" => "pdf",
        "image/png" or "image/jpeg" or "image/gif" or "image/webp" => "image",
        _ => null,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        await rename.HandleAsync(Id, Rename, cancellationToken);
        return Redirect(LinkOf(Id));
    }

    [RuleErrorsUnder("Replace")]
    public async Task<IActionResult> OnPostReplaceAsync(IFormFile? replacement, CancellationToken cancellationToken)
    {
        await upload.ReplaceAsync(Id, MultipartUpload.Of(replacement is null ? [] : [replacement]), cancellationToken);
        return Redirect(LinkOf(Id));
    }

    [RuleErrorsUnder("Delete")]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = await recycle.DeleteAsync(Id, cancellationToken);
        return Redirect(CabinetModel.LinkOf(deleted.FolderId));
    }

    [RuleErrorsUnder("Access")]
    public async Task<IActionResult> OnPostGrantsAsync(CancellationToken cancellationToken)
    {
        var request = Access.ToRequest();
        RuleException.ThrowIfAny(request.Validate());
        await grants.HandleAsync(null, Id, request, cancellationToken);
        return Redirect(LinkOf(Id));
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Item = await get.HandleAsync(Id, cancellationToken);
        if (Item.CanChange)
        {
            FileGrants = await grants.GetAsync(null, Id, cancellationToken);
            GrantChoices = await choices.HandleAsync(cancellationToken);
        }
    }
}
