using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// Uploads into a folder (multipart/form-data, field <c>files</c>), or a new version of a file (<c>POST …/files/{id}/versions</c>),
/// through the file store's checks (type sniffed from the content, size limit) with the unit's remaining quota as the
/// limit: a file that does not fit is refused while it streams, with the Vietnamese message, and nothing is stored.
/// </summary>
public sealed class UploadCabinetFiles(CabinetStore store, FileStore files)
{
    public const string UploadRefused = "Bạn chỉ tải tệp lên thư mục của đơn vị mình hoặc thư mục được cấp quyền tải lên.";
    public const string ChangeRefused = "Chỉ tác giả của tệp hoặc người quản lý thư mục mới thay thế, đổi tên hoặc xóa được tệp.";

    public async Task<CabinetUploadResponse> HandleAsync(Guid folderId, IReadOnlyList<IFormFile> uploads, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (folder, level) = CabinetStore.Visible(access, folderId);
        CabinetStore.Require(level, AccessLevel.Upload, UploadRefused);
        var unit = CabinetStore.ChargedUnitOf(access, folder, viewer);
        var added = new List<CabinetFile>();
        var charged = await StageAllAsync(unit, uploads, async (stored, ct) =>
        {
            var file = new CabinetFile(viewer.AgencyId, folder.Id, unit, stored.FileName, viewer.UserId, viewer.Name, stored.Id, stored.Length, stored.ContentType, store.Now);
            store.Db.Add(file);
            added.Add(file);
            await Task.CompletedTask;
        }, cancellationToken);
        await store.CommitAsync("file.upload", "cabinet-folder", folder.Id,
            $"Tải lên thư mục “{folder.Name}”: {string.Join(", ", added.Select(f => $"“{f.Name}” ({f.Length} byte)"))}.", cancellationToken, charged);
        return new CabinetUploadResponse([.. added.Select(f => CabinetFileResponse.From(f, AccessLevel.Manage))]);
    }

    /// <summary>Replaces a file's content; the earlier versions stay, listed and downloadable.</summary>
    public async Task<CabinetFileResponse> ReplaceAsync(Guid fileId, IReadOnlyList<IFormFile> uploads, CancellationToken cancellationToken)
    {
        if (uploads.Count != 1)
        {
            throw RuleException.Invalid("Gửi đúng một tệp để thay thế.", "files");
        }

        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (file, _, level) = await store.FileAsync(viewer, access, fileId, cancellationToken);
        if (!CabinetAccess.CanChange(level))
        {
            throw RuleException.Forbidden(ChangeRefused);
        }

        var charged = await StageAllAsync(file.ChargedUnitId, uploads, async (stored, ct) =>
        {
            file.AddVersion(stored.Id, stored.Length, stored.ContentType, stored.FileName, viewer.UserId, store.Now);
            store.Db.Add(file.Versions[^1]);
            await Task.CompletedTask;
        }, cancellationToken);
        await store.CommitAsync("file.replace", "cabinet-file", file.Id, $"Thay thế tệp “{file.Name}”: phiên bản {file.VersionNumber} ({file.Length} byte).",
            cancellationToken, charged);
        return CabinetFileResponse.From(file, level);
    }

    private async Task<Func<CancellationToken, Task>> StageAllAsync(Guid? unit, IReadOnlyList<IFormFile> uploads, Func<StoredFile, CancellationToken, Task> add,
        CancellationToken cancellationToken)
    {
        if (uploads.Count == 0)
        {
            throw RuleException.Invalid("Yêu cầu không có tệp nào. Hãy gửi tệp trong trường “files”.", "files");
        }

        long quota = long.MaxValue, used = 0;
        var unitName = "";
        if (unit is { } u)
        {
            (quota, used, unitName) = await store.StorageOfAsync(u, cancellationToken);
        }

        long total = 0;
        foreach (var upload in uploads)
        {
            var room = unit is null ? null : new UploadRoom(quota - used - total, CabinetStore.QuotaMessage(unitName, quota, used, FileStore.CleanFileName(upload.FileName)));
            await using var content = upload.OpenReadStream();
            var stored = await files.StageAsync(content, upload.FileName, upload.ContentType, cancellationToken, room);
            total += stored.Length;
            await add(stored, cancellationToken);
        }

        var message = CabinetStore.QuotaMessage(unitName, quota, used, uploads[0].FileName);
        return ct => store.ChargeAsync(unit, total, message, ct);
    }

    internal static async Task<IReadOnlyList<IFormFile>> FormFilesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileRejectedException("Yêu cầu tải tệp phải ở dạng multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Count > FilesApi.MaxFilesPerRequest)
        {
            throw RuleException.Invalid($"Mỗi lần chỉ tải lên được tối đa {FilesApi.MaxFilesPerRequest} tệp.", "files");
        }

        return [.. form.Files];
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/folders/{id:guid}/files", async Task<Ok<CabinetUploadResponse>> (Guid id, HttpRequest request, UploadCabinetFiles handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, await FormFilesAsync(request, ct), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AsCabinetAction("UploadCabinetFiles", "Tải tệp lên một thư mục (multipart/form-data, trường files; kiểm tra kiểu, dung lượng, hạn mức của đơn vị).");
        group.MapPost("/files/{id:guid}/versions", async Task<Ok<CabinetFileResponse>> (Guid id, HttpRequest request, UploadCabinetFiles handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReplaceAsync(id, await FormFilesAsync(request, ct), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AsCabinetAction("ReplaceCabinetFile", "Thay thế tệp bằng phiên bản mới (các phiên bản cũ được giữ lại).");
    }
}
