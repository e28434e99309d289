using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>The folders the viewer may open, as a tree. <c>GET /api/v1/cabinet/folders</c>; the page /tu-tai-lieu.</summary>
public sealed class GetCabinetTree(CabinetStore store)
{
    public async Task<CabinetTreeResponse> HandleAsync(CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var visible = access.Folders.Select(f => (Folder: f, Level: access.LevelOf(f))).Where(x => x.Level >= AccessLevel.View)
            .OrderBy(x => x.Folder.ParentId is null ? 0 : 1).ThenBy(x => x.Folder.Kind).ThenBy(x => x.Folder.Name, StringComparer.Ordinal)
            .Select(x => new CabinetFolderNode(x.Folder.Id, x.Folder.ParentId, x.Folder.Name, CabinetCodes.Of(x.Folder.Kind), CabinetCodes.Of(x.Level)))
            .ToList();
        return new CabinetTreeResponse(visible);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/folders", async Task<Ok<CabinetTreeResponse>> (GetCabinetTree handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .WithName("GetCabinetTree")
            .WithSummary("Cây thư mục của tủ tài liệu mà người dùng được xem.");
}

/// <summary>
/// One folder: its path, sub-folders and a page of its live files (by name, date or size; at most 100 a page), with the
/// unit's storage. <c>GET /api/v1/cabinet/folders/{id}</c>. One query for the page and one for the count, on the index
/// (folder, deleted, name); a folder not shared with the viewer is not found.
/// </summary>
public sealed class GetCabinetFolder(CabinetStore store)
{
    public const int MaxPageSize = 100;

    public async Task<CabinetFolderResponse> HandleAsync(Guid id, string? sort, bool desc, int page, int pageSize, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (folder, level) = CabinetStore.Visible(access, id);
        page = Math.Max(1, page);
        pageSize = pageSize is < 1 or > MaxPageSize ? 50 : pageSize;

        var files = store.Db.Set<CabinetFile>().AsNoTracking().Where(f => f.FolderId == folder.Id && f.DeletedAt == null);
        if (level < AccessLevel.Manage && !viewer.IsLeader)
        {
            // A file that overrides its folder's access shows only to its author and those it is granted to.
            var me = viewer.UserId;
            var units = viewer.UnitAndAncestors.ToList();
            var roles = viewer.Roles.ToList();
            var granted = store.Db.Set<CabinetGrant>().Where(g => g.FileId != null && g.Level >= AccessLevel.View
                && ((g.PrincipalKind == PrincipalKind.Person && g.PrincipalId == me) || (g.PrincipalKind == PrincipalKind.Unit && units.Contains(g.PrincipalId!.Value))
                    || (g.PrincipalKind == PrincipalKind.Role && roles.Contains(g.Role!))))
                .Select(g => g.FileId);
            files = files.Where(f => f.InheritsAccess || f.AuthorId == me || granted.Contains(f.Id));
        }

        var total = await files.CountAsync(cancellationToken);
        var ordered = (sort, desc) switch
        {
            ("updated", false) => files.OrderBy(f => f.UpdatedAt).ThenBy(f => f.Id),
            ("updated", true) => files.OrderByDescending(f => f.UpdatedAt).ThenBy(f => f.Id),
            ("size", false) => files.OrderBy(f => f.Length).ThenBy(f => f.Id),
            ("size", true) => files.OrderByDescending(f => f.Length).ThenBy(f => f.Id),
            (_, true) => files.OrderByDescending(f => f.Name).ThenBy(f => f.Id),
            _ => files.OrderBy(f => f.Name).ThenBy(f => f.Id),
        };
        var me2 = viewer.UserId;
        var manage = level == AccessLevel.Manage;
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(f => new CabinetFileItem(f.Id, f.Name, f.Length, f.ContentType, f.VersionNumber, f.AuthorName, f.UpdatedAt, manage || f.AuthorId == me2))
            .ToListAsync(cancellationToken);

        var subFolders = access.Folders.Where(f => f.ParentId == folder.Id).Select(f => (Folder: f, Level: access.LevelOf(f))).Where(x => x.Level >= AccessLevel.View)
            .OrderBy(x => x.Folder.Name, StringComparer.Ordinal)
            .Select(x => Node(x.Folder, x.Level)).ToList();
        var path = access.PathOf(folder).Select(f => Node(f, access.LevelOf(f))).ToList();
        CabinetStorageResponse? storage = null;
        if (access.RootOf(folder).UnitId is { } unitId)
        {
            var (quota, used, name) = await store.StorageOfAsync(unitId, cancellationToken);
            storage = new CabinetStorageResponse(unitId, name, quota, used);
        }

        return new CabinetFolderResponse(folder.Id, folder.Name, CabinetCodes.Of(folder.Kind), CabinetCodes.Of(level), path, subFolders, items, total, page, pageSize, storage);
    }

    internal static CabinetFolderNode Node(CabinetFolder f, AccessLevel level) => new(f.Id, f.ParentId, f.Name, CabinetCodes.Of(f.Kind), CabinetCodes.Of(level));

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/folders/{id:guid}", async Task<Ok<CabinetFolderResponse>> (Guid id, string? sort, bool? desc, int? page, int? pageSize, GetCabinetFolder handler,
                CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, sort, desc ?? false, page ?? 1, pageSize ?? 50, ct)))
            .RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCabinetFolder")
            .WithSummary("Một thư mục: đường dẫn, thư mục con và danh sách tệp (sắp xếp, phân trang).");
}

/// <summary>Staff make a sub-folder where they may upload (their unit's folder, or one granted to them). <c>POST /api/v1/cabinet/folders</c>.</summary>
public sealed class CreateCabinetFolder(CabinetStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public Guid? ParentId { get; set; }

        public string? Name { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (ParentId is null || ParentId == Guid.Empty)
            {
                errors["parentId"] = ["Chọn thư mục chứa thư mục mới."];
            }

            errors.Required("name", Name, CabinetFolder.NameMaxLength, "Vui lòng nhập tên thư mục.", "Tên thư mục");
            return errors;
        }
    }

    public async Task<CabinetFolderNode> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (parent, level) = CabinetStore.Visible(access, request.ParentId!.Value);
        CabinetStore.Require(level, AccessLevel.Upload, "Bạn chỉ tạo được thư mục con trong thư mục của đơn vị mình hoặc thư mục được cấp quyền tải lên.");
        var name = VietnameseText.Normalize(request.Name!.Trim());
        if (access.Folders.Any(f => f.ParentId == parent.Id && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw RuleException.Conflict($"Thư mục “{parent.Name}” đã có thư mục con “{name}”.", "name");
        }

        var folder = new CabinetFolder(viewer.AgencyId, parent.Id, FolderKind.Sub, parent.UnitId, name, viewer.UserId, store.Now);
        store.Db.Add(folder);
        await store.CommitAsync("folder.create", "cabinet-folder", folder.Id, $"Tạo thư mục “{name}” trong “{parent.Name}”.", cancellationToken);
        return GetCabinetFolder.Node(folder, AccessLevel.Manage);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/folders", async Task<Created<CabinetFolderNode>> (Request request, CreateCabinetFolder handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/cabinet/folders/{created.Id}", created);
            })
            .RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateCabinetFolder")
            .WithSummary("Tạo thư mục con.");
}

/// <summary>
/// Who may do what in a folder or with a file: the grants (people, units, roles; view, download, upload, manage) and
/// whether those of the folder above still apply. Managers of the folder (the file's author or a folder manager for a
/// file) set them. <c>GET/PUT /api/v1/cabinet/folders/{id}/grants</c>, <c>…/files/{id}/grants</c>.
/// </summary>
public sealed class SetCabinetGrants(CabinetStore store)
{
    public sealed class GrantInput
    {
        public string? Kind { get; set; }

        public Guid? PrincipalId { get; set; }

        public string? Role { get; set; }

        public string? Level { get; set; }
    }

    public sealed class Request : IValidatableRequest
    {
        public bool Inherits { get; set; } = true;

        public List<GrantInput> Grants { get; set; } = [];

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            for (var i = 0; i < Grants.Count; i++)
            {
                var g = Grants[i];
                var kind = CabinetCodes.ParseKind(g.Kind);
                if (kind is null)
                {
                    errors[$"grants[{i}].kind"] = ["Chọn đối tượng được cấp quyền: person (cá nhân), unit (đơn vị) hoặc role (vai trò)."];
                }
                else if (kind == PrincipalKind.Role ? string.IsNullOrWhiteSpace(g.Role) : g.PrincipalId is null || g.PrincipalId == Guid.Empty)
                {
                    errors[$"grants[{i}]"] = ["Chọn cá nhân, đơn vị hoặc vai trò được cấp quyền."];
                }

                if (CabinetCodes.ParseLevel(g.Level) is null)
                {
                    errors[$"grants[{i}].level"] = ["Chọn mức quyền: view (xem), download (tải xuống), upload (tải lên) hoặc manage (quản lý)."];
                }
            }

            if (Grants.Count > 200)
            {
                errors["grants"] = ["Tối đa 200 quyền cho một thư mục hoặc tệp."];
            }

            return errors;
        }
    }

    public const string ManageRefused = "Chỉ người quản lý thư mục (hoặc tác giả của tệp) mới cấp quyền được.";

    public async Task<CabinetGrantsResponse> GetAsync(Guid? folderId, Guid? fileId, CancellationToken cancellationToken)
    {
        var (agencyId, inherits) = await TargetAsync(folderId, fileId, cancellationToken);
        var grants = await store.Db.Set<CabinetGrant>().AsNoTracking().Where(g => g.AgencyId == agencyId && (folderId != null ? g.FolderId == folderId : g.FileId == fileId))
            .ToListAsync(cancellationToken);
        return new CabinetGrantsResponse(inherits, [.. grants.Select(g => new CabinetGrantItem(CabinetCodes.Of(g.PrincipalKind), g.PrincipalId, g.Role, CabinetCodes.Of(g.Level)))]);
    }

    public async Task<CabinetGrantsResponse> HandleAsync(Guid? folderId, Guid? fileId, Request request, CancellationToken cancellationToken)
    {
        var (agencyId, _) = await TargetAsync(folderId, fileId, cancellationToken);
        if (folderId is { } f)
        {
            var folder = await store.Db.Set<CabinetFolder>().SingleAsync(x => x.Id == f, cancellationToken);
            folder.SetInheritance(request.Inherits);
        }
        else
        {
            var file = await store.Db.Set<CabinetFile>().SingleAsync(x => x.Id == fileId, cancellationToken);
            file.SetInheritance(request.Inherits);
        }

        var old = await store.Db.Set<CabinetGrant>().Where(g => g.AgencyId == agencyId && (folderId != null ? g.FolderId == folderId : g.FileId == fileId)).ToListAsync(cancellationToken);
        store.Db.RemoveRange(old);
        foreach (var g in request.Grants)
        {
            var kind = CabinetCodes.ParseKind(g.Kind)!.Value;
            store.Db.Add(new CabinetGrant(agencyId, folderId, fileId, kind, kind == PrincipalKind.Role ? null : g.PrincipalId, kind == PrincipalKind.Role ? g.Role!.Trim() : null,
                CabinetCodes.ParseLevel(g.Level)!.Value));
        }

        var details = $"{(request.Inherits ? "Kế thừa quyền thư mục cha" : "Không kế thừa quyền thư mục cha")}; {request.Grants.Count} quyền: "
            + string.Join(", ", request.Grants.Select(g => $"{g.Kind} {g.PrincipalId?.ToString() ?? g.Role} {g.Level}"));
        await store.CommitAsync(folderId is not null ? "folder.grants" : "file.grants", folderId is not null ? "cabinet-folder" : "cabinet-file", (folderId ?? fileId)!.Value,
            details, cancellationToken);
        return await GetAsync(folderId, fileId, cancellationToken);
    }

    private async Task<(Guid AgencyId, bool Inherits)> TargetAsync(Guid? folderId, Guid? fileId, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        if (folderId is { } id)
        {
            var (folder, level) = CabinetStore.Visible(access, id);
            CabinetStore.Require(level, AccessLevel.Manage, ManageRefused);
            return (viewer.AgencyId, folder.InheritsAccess);
        }

        var (file, _, fileLevel) = await store.FileAsync(viewer, access, fileId!.Value, cancellationToken);
        CabinetStore.Require(fileLevel, AccessLevel.Manage, ManageRefused);
        return (viewer.AgencyId, file.InheritsAccess);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/folders/{id:guid}/grants", async Task<Ok<CabinetGrantsResponse>> (Guid id, SetCabinetGrants handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, null, ct)))
            .AsGrants("GetCabinetFolderGrants", "Quyền truy cập của một thư mục.");
        group.MapPut("/folders/{id:guid}/grants", async Task<Ok<CabinetGrantsResponse>> (Guid id, Request request, SetCabinetGrants handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, null, request, ct)))
            .ProducesValidationProblem()
            .AsGrants("SetCabinetFolderGrants", "Đặt quyền truy cập của một thư mục (thay toàn bộ).");
        group.MapGet("/files/{id:guid}/grants", async Task<Ok<CabinetGrantsResponse>> (Guid id, SetCabinetGrants handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(null, id, ct)))
            .AsGrants("GetCabinetFileGrants", "Quyền truy cập của một tệp.");
        group.MapPut("/files/{id:guid}/grants", async Task<Ok<CabinetGrantsResponse>> (Guid id, Request request, SetCabinetGrants handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(null, id, request, ct)))
            .ProducesValidationProblem()
            .AsGrants("SetCabinetFileGrants", "Đặt quyền truy cập của một tệp (thay toàn bộ).");
    }
}

internal static class CabinetEndpoints
{
    public static RouteHandlerBuilder AsGrants(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.AsCabinetAction(name, summary);

    public static RouteHandlerBuilder AsCabinetAction(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(name)
            .WithSummary(summary);
}
