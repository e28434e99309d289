using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// Moves a file to the recycle bin (author or folder manager), where it waits the grace period before it is purged;
/// and restores it from there. <c>DELETE /api/v1/cabinet/files/{id}</c>, <c>POST …/files/{id}/restore</c>.
/// </summary>
public sealed class RecycleCabinetFile(CabinetStore store)
{
    public async Task<CabinetFileResponse> DeleteAsync(Guid id, CancellationToken cancellationToken) => await ChangeAsync(id, deleted: false, cancellationToken);

    public async Task<CabinetFileResponse> RestoreAsync(Guid id, CancellationToken cancellationToken) => await ChangeAsync(id, deleted: true, cancellationToken);

    private async Task<CabinetFileResponse> ChangeAsync(Guid id, bool deleted, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (file, folder, level) = await store.FileAsync(viewer, access, id, cancellationToken, deleted);
        if (!CabinetAccess.CanChange(level))
        {
            throw RuleException.Forbidden(UploadCabinetFiles.ChangeRefused);
        }

        if (deleted)
        {
            file.Restore();
            await store.CommitAsync("file.restore", "cabinet-file", file.Id, $"Khôi phục tệp “{file.Name}” từ thùng rác về thư mục “{folder.Name}”.", cancellationToken);
        }
        else
        {
            file.Delete(viewer.UserId, store.Now);
            await store.CommitAsync("file.delete", "cabinet-file", file.Id, $"Xóa tệp “{file.Name}” khỏi thư mục “{folder.Name}” (vào thùng rác).", cancellationToken);
        }

        return CabinetFileResponse.From(file, level);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapDelete("/files/{id:guid}", async Task<Ok<CabinetFileResponse>> (Guid id, RecycleCabinetFile handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DeleteAsync(id, ct)))
            .AsCabinetAction("DeleteCabinetFile", "Xóa tệp (chuyển vào thùng rác).");
        group.MapPost("/files/{id:guid}/restore", async Task<Ok<CabinetFileResponse>> (Guid id, RecycleCabinetFile handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RestoreAsync(id, ct)))
            .AsCabinetAction("RestoreCabinetFile", "Khôi phục tệp từ thùng rác.");
    }
}
