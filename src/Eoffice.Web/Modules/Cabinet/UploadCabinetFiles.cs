using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// Uploads into a folder (multipart/form-data, field <c>files</c>), or a new version of a file (<c>POST …/files/{id}/versions</c>).
/// The access check comes before a byte of the body is read; then each file streams straight into the file store
/// (<see cref="MultipartUpload"/>, as the files API) through its checks (type sniffed from the content, size limit)
/// with the unit's remaining quota as the limit: a file that does not fit is refused while it streams, with the
/// Vietnamese message. A refused, failed or aborted upload leaves nothing: no row, and the contents it wrote are
/// deleted (<see cref="FileStore.DiscardAsync"/>).
/// </summary>
public sealed class UploadCabinetFiles(CabinetStore store, FileStore files)
{
    public const string UploadRefused = "Bạn chỉ tải tệp lên thư mục của đơn vị mình hoặc thư mục được cấp quyền tải lên.";
    public const string ChangeRefused = "Chỉ tác giả của tệp hoặc người quản lý thư mục mới thay thế, đổi tên hoặc xóa được tệp.";

    public async Task<CabinetUploadResponse> HandleAsync(Guid folderId, UploadParts uploads, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (folder, level) = CabinetStore.Visible(access, folderId);
        CabinetStore.Require(level, AccessLevel.Upload, UploadRefused);
        var unit = CabinetStore.ChargedUnitOf(access, folder, viewer);
        var added = new List<CabinetFile>();
        await UploadAsync(unit, uploads, stored =>
        {
            var file = new CabinetFile(viewer.AgencyId, folder.Id, unit, stored.FileName, viewer.UserId, viewer.Name, stored.Id, stored.Length, stored.ContentType, store.Now);
            store.Db.Add(file);
            added.Add(file);
            return true;
        }, charge => store.CommitAsync("file.upload", "cabinet-folder", folder.Id,
            $"Tải lên thư mục “{folder.Name}”: {string.Join(", ", added.Select(f => $"“{f.Name}” ({f.Length} byte)"))}.", cancellationToken, charge), cancellationToken);
        return new CabinetUploadResponse([.. added.Select(f => CabinetFileResponse.From(f, AccessLevel.Manage))]);
    }

    /// <summary>Replaces a file's content; the earlier versions stay, listed and downloadable.</summary>
    public async Task<CabinetFileResponse> ReplaceAsync(Guid fileId, UploadParts uploads, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (file, _, level) = await store.FileAsync(viewer, access, fileId, cancellationToken);
        if (!CabinetAccess.CanChange(level))
        {
            throw RuleException.Forbidden(ChangeRefused);
        }

        var count = 0;
        await UploadAsync(file.ChargedUnitId, uploads, stored =>
        {
            if (++count > 1)
            {
                return false;
            }

            file.AddVersion(stored.Id, stored.Length, stored.ContentType, stored.FileName, viewer.UserId, store.Now);
            store.Db.Add(file.Versions[^1]);
            return true;
        }, charge => store.CommitAsync("file.replace", "cabinet-file", file.Id, $"Thay thế tệp “{file.Name}”: phiên bản {file.VersionNumber} ({file.Length} byte).",
            cancellationToken, charge), cancellationToken);
        return CabinetFileResponse.From(file, level);
    }

    /// <summary>
    /// Streams every part into the store (each limited by what is left of the unit's quota), lets <paramref name="add"/>
    /// record it (false: one file too many), then commits with the quota charged in the same transaction. On any
    /// failure the staged files are discarded before the error goes on.
    /// </summary>
    private async Task UploadAsync(Guid? unit, UploadParts uploads, Func<StoredFile, bool> add, Func<Func<CancellationToken, Task>, Task> commit,
        CancellationToken cancellationToken)
    {
        long quota = long.MaxValue, used = 0;
        var unitName = "";
        if (unit is { } u)
        {
            (quota, used, unitName) = await store.StorageOfAsync(u, cancellationToken);
        }

        var staged = new List<StoredFile>();
        try
        {
            long total = 0;
            await uploads(async (part, ct) =>
            {
                var room = unit is null ? null : new UploadRoom(quota - used - total, CabinetStore.QuotaMessage(unitName, quota, used, FileStore.CleanFileName(part.FileName)));
                var stored = await files.StageAsync(part.Content, part.FileName, part.ContentType, ct, room);
                staged.Add(stored);
                total += stored.Length;
                if (!add(stored))
                {
                    throw RuleException.Invalid("Gửi đúng một tệp để thay thế.", "files");
                }
            }, cancellationToken);

            var message = CabinetStore.QuotaMessage(unitName, quota, used, staged[0].FileName);
            await commit(ct => store.ChargeAsync(unit, total, message, ct));
        }
        catch
        {
            await files.DiscardAsync(staged);
            throw;
        }
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/folders/{id:guid}/files", async Task<Ok<CabinetUploadResponse>> (Guid id, HttpRequest request, UploadCabinetFiles handler,
                IOptions<StorageOptions> storage, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, MultipartUpload.Of(request, storage.Value.MaxFileSizeBytes), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AsCabinetAction("UploadCabinetFiles", "Tải tệp lên một thư mục (multipart/form-data, trường files; truyền dòng; kiểm tra kiểu, dung lượng, hạn mức của đơn vị).");
        group.MapPost("/files/{id:guid}/versions", async Task<Ok<CabinetFileResponse>> (Guid id, HttpRequest request, UploadCabinetFiles handler,
                IOptions<StorageOptions> storage, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReplaceAsync(id, MultipartUpload.Of(request, storage.Value.MaxFileSizeBytes), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AsCabinetAction("ReplaceCabinetFile", "Thay thế tệp bằng phiên bản mới (các phiên bản cũ được giữ lại).");
    }
}
