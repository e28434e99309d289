using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>The deleted files the viewer may restore, with the day each will be purged. <c>GET /api/v1/cabinet/recycle-bin</c>.</summary>
public sealed class ListCabinetRecycleBin(CabinetStore store)
{
    public async Task<CabinetRecycleBinResponse> HandleAsync(CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var deleted = await store.Db.Set<CabinetFile>().AsNoTracking().Where(f => f.AgencyId == viewer.AgencyId && f.DeletedAt != null)
            .OrderByDescending(f => f.DeletedAt).Take(500).ToListAsync(cancellationToken);
        var grace = store.Options.RecycleBinGracePeriod;
        return new CabinetRecycleBinResponse([.. deleted
            .Where(f => access.Find(f.FolderId) is { } folder && (f.AuthorId == viewer.UserId || access.LevelOf(folder) == AccessLevel.Manage))
            .Select(f => new CabinetRecycledFile(f.Id, f.FolderId, access.Find(f.FolderId)!.Name, f.Name, f.Length, f.AuthorName, f.DeletedAt!.Value, f.DeletedAt.Value + grace))]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/recycle-bin", async Task<Ok<CabinetRecycleBinResponse>> (ListCabinetRecycleBin handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(CabinetPermissions.Use))
            .WithName("ListCabinetRecycleBin")
            .WithSummary("Thùng rác: các tệp đã xóa mà người dùng khôi phục được, và ngày sẽ bị xóa hẳn.");
}
