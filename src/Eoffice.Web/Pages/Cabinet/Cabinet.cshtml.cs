using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Cabinet;

/// <summary>
/// /tu-tai-lieu: the cabinet's folder tree (the shared folders and the unit folders the reader sees) and one folder's
/// sub-folders and files (sorted, paged), its unit's storage, a new sub-folder, uploads (file-uploads.js into the
/// cabinet API, with progress and drag and drop) and the folder's grants. The same handlers as the API decide.
/// </summary>
[RequirePermission(CabinetPermissions.Use)]
public sealed class CabinetModel(GetCabinetTree tree, GetCabinetFolder get, CreateCabinetFolder create, SetCabinetGrants grants, RecycleCabinetFile recycle,
    ListCabinetGrantChoices choices) : FormPageModel
{
    public const string Link = "/tu-tai-lieu";

    public const int PageSize = 50;

    public static string LinkOf(Guid folderId, string? sort = null, bool desc = false, int page = 1) =>
        $"{Link}?folder={folderId}" + (sort is null ? "" : $"&sort={sort}") + (desc ? "&desc=true" : "") + (page > 1 ? $"&p={page}" : "");

    /// <summary>The sort keys of the file list and their column names.</summary>
    public static readonly IReadOnlyList<(string Key, string Caption)> Columns =
        [("name", "Tên tệp"), ("size", "Dung lượng"), ("updated", "Cập nhật"), ("author", "Người tải lên")];

    [BindProperty(SupportsGet = true, Name = "folder")]
    public Guid? FolderId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public CreateCabinetFolder.Request NewFolder { get; set; } = new();

    [BindProperty]
    public CabinetGrantsForm Access { get; set; } = new();

    public IReadOnlyList<CabinetFolderNode> Tree { get; private set; } = [];

    public CabinetFolderResponse? Folder { get; private set; }

    public CabinetGrantsResponse? FolderGrants { get; private set; }

    public CabinetGrantChoicesResponse? GrantChoices { get; private set; }

    public bool CanUpload => Folder?.Level is "upload" or "manage";

    public bool CanManage => Folder?.Level == "manage";

    public int PageCount => Folder is null ? 1 : Math.Max(1, (Folder.Total + Folder.PageSize - 1) / Folder.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    public async Task<IActionResult> OnPostFolderAsync(CancellationToken cancellationToken)
    {
        var made = await create.HandleAsync(NewFolder, cancellationToken);
        return Redirect(LinkOf(made.Id));
    }

    [RuleErrorsUnder("Access")]
    public async Task<IActionResult> OnPostGrantsAsync(CancellationToken cancellationToken)
    {
        var folderId = FolderId ?? throw RuleException.NotFound(CabinetStore.FolderNotFound);
        var request = Access.ToRequest();
        RuleException.ThrowIfAny(request.Validate());
        await grants.HandleAsync(folderId, null, request, cancellationToken);
        return Redirect(LinkOf(folderId, Sort, Desc, PageNumber));
    }

    [RuleErrorsUnder("File")]
    public async Task<IActionResult> OnPostDeleteAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await recycle.DeleteAsync(fileId, cancellationToken);
        return Redirect(FolderId is { } folderId ? LinkOf(folderId, Sort, Desc, PageNumber) : Link);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var cabinet = await tree.HandleAsync(cancellationToken);
        Tree = cabinet.Folders;

        // Without a folder asked for: the reader's own unit's folder, else the first one they see.
        if ((FolderId ?? cabinet.OwnUnitFolderId ?? Tree.FirstOrDefault()?.Id) is not { } id)
        {
            return;
        }

        FolderId = id;
        Folder = await get.HandleAsync(id, Sort, Desc, PageNumber, PageSize, cancellationToken);
        if (CanManage)
        {
            FolderGrants = await grants.GetAsync(id, null, cancellationToken);
            GrantChoices = await choices.HandleAsync(cancellationToken);
        }
    }
}
