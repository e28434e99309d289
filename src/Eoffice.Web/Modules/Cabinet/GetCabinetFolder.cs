using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// One folder: its path, sub-folders and a page of its live files (by name, date, size or author; at most 100 a page), with the
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
        return await ListAsync(viewer, access, id, sort, desc, page, pageSize, cancellationToken);
    }

    /// <summary>The listing once the viewer and the agency's folder access are known (the benchmark measures from here).</summary>
    public async Task<CabinetFolderResponse> ListAsync(CabinetViewer viewer, CabinetAccess access, Guid id, string? sort, bool desc, int page, int pageSize,
        CancellationToken cancellationToken)
    {
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
            ("author", false) => files.OrderBy(f => f.AuthorName).ThenBy(f => f.Name).ThenBy(f => f.Id),
            ("author", true) => files.OrderByDescending(f => f.AuthorName).ThenBy(f => f.Name).ThenBy(f => f.Id),
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
