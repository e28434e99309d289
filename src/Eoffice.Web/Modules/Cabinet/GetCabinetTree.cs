using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

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
        var own = viewer.UnitId is { } unit
            ? access.Folders.FirstOrDefault(f => f.Kind == FolderKind.Unit && f.ParentId == null && f.UnitId == unit && access.LevelOf(f) >= AccessLevel.View)?.Id
            : null;
        return new CabinetTreeResponse(visible, own);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/folders", async Task<Ok<CabinetTreeResponse>> (GetCabinetTree handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .WithName("GetCabinetTree")
            .WithSummary("Cây thư mục của tủ tài liệu mà người dùng được xem.");
}
