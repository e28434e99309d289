using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

/// <summary>A file with its versions. <c>GET /api/v1/cabinet/files/{id}</c>.</summary>
public sealed class GetCabinetFile(CabinetStore store)
{
    public async Task<CabinetFileResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (file, _, level) = await store.FileAsync(viewer, access, id, cancellationToken);
        return CabinetFileResponse.From(file, level);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/files/{id:guid}", async Task<Ok<CabinetFileResponse>> (Guid id, GetCabinetFile handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .AsCabinetAction("GetCabinetFile", "Một tệp của tủ tài liệu và các phiên bản của nó.");
}

/// <summary>
/// The content of a file or of one of its versions: <c>inline=true</c> for the in-page viewer (view level), otherwise a
/// download (download level). <c>GET /api/v1/cabinet/files/{id}/content?version=&amp;inline=</c>; audited.
/// </summary>
public sealed class ReadCabinetFile(CabinetStore store, FileStore files, IAuditLog audit)
{
    public async Task<(OpenedFile Opened, string Name)> HandleAsync(Guid id, int? version, bool inline, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (file, _, level) = await store.FileAsync(viewer, access, id, cancellationToken);
        CabinetStore.Require(level, inline && version is null ? AccessLevel.View : AccessLevel.Download, "Bạn chỉ được xem tệp này, không được tải xuống.");
        var chosen = version is { } n ? file.Versions.SingleOrDefault(v => v.Number == n) ?? throw RuleException.NotFound("Không tìm thấy phiên bản của tệp.")
            : file.Versions.Single(v => v.Number == file.VersionNumber);
        var opened = await files.OpenReadAsSystemAsync(chosen.StoredFileId, cancellationToken);
        await audit.RecordAsync(new AuditEvent(inline ? "cabinet.file.view" : "cabinet.file.download", "cabinet-file", file.Id.ToString(),
            Details: $"“{file.Name}”, phiên bản {chosen.Number}."), cancellationToken);
        return (opened, chosen.Number == file.VersionNumber ? file.Name : chosen.FileName);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/files/{id:guid}/content", async Task<FileStreamHttpResult> (Guid id, int? version, bool? inline, HttpContext http, ReadCabinetFile handler,
                CancellationToken ct) =>
            {
                var (opened, name) = await handler.HandleAsync(id, version, inline ?? false, ct);
                http.Response.RegisterForDisposeAsync(opened);
                http.Response.ContentLength = opened.File.Length;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                if (inline == true)
                {
                    http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
                    return TypedResults.Stream(opened.Content, opened.File.ContentType);
                }

                return TypedResults.Stream(opened.Content, opened.File.ContentType, name);
            })
            .AsCabinetAction("ReadCabinetFile", "Nội dung tệp (xem trong trang hoặc tải xuống), cả phiên bản cũ.");
}

/// <summary>Renames a file (author or folder manager). <c>PUT /api/v1/cabinet/files/{id}</c>.</summary>
public sealed class RenameCabinetFile(CabinetStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public string? Name { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("name", Name, CabinetFile.NameMaxLength, "Vui lòng nhập tên tệp.", "Tên tệp");
            return errors;
        }
    }

    public async Task<CabinetFileResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(viewer, cancellationToken);
        var (file, _, level) = await store.FileAsync(viewer, access, id, cancellationToken);
        if (!CabinetAccess.CanChange(level))
        {
            throw RuleException.Forbidden(UploadCabinetFiles.ChangeRefused);
        }

        var old = file.Name;
        file.Rename(FileStore.CleanFileName(VietnameseText.Normalize(request.Name!.Trim())));
        await store.CommitAsync("file.rename", "cabinet-file", file.Id, $"Đổi tên tệp “{old}” thành “{file.Name}”.", cancellationToken);
        return CabinetFileResponse.From(file, level);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/files/{id:guid}", async Task<Ok<CabinetFileResponse>> (Guid id, Request request, RenameCabinetFile handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .ProducesValidationProblem()
            .AsCabinetAction("RenameCabinetFile", "Đổi tên tệp.");
}

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

/// <summary>The office sets a unit's quota (null: the configured default). <c>PUT /api/v1/cabinet/quotas/{unitId}</c>.</summary>
public sealed class SetCabinetQuota(CabinetStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public long? QuotaBytes { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (QuotaBytes is < 0)
            {
                errors["quotaBytes"] = ["Hạn mức dung lượng không được âm."];
            }

            return errors;
        }
    }

    public async Task<CabinetStorageResponse> HandleAsync(Guid unitId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        await store.AccessAsync(viewer, cancellationToken);
        if (!viewer.ManagesSharedFolders)
        {
            throw RuleException.Forbidden("Chỉ Văn phòng hoặc quản trị hệ thống mới đặt hạn mức dung lượng của đơn vị.");
        }

        var row = await store.Db.Set<CabinetUnitStorage>().SingleOrDefaultAsync(s => s.UnitId == unitId && s.AgencyId == viewer.AgencyId, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy đơn vị.");
        row.SetQuota(request.QuotaBytes);
        await store.CommitAsync("quota.set", "unit", unitId, $"Hạn mức tủ tài liệu: {(request.QuotaBytes is { } q ? StorageOptions.DescribeSize(q) : "mặc định")}.", cancellationToken);
        var (quota, used, name) = await store.StorageOfAsync(unitId, cancellationToken);
        return new CabinetStorageResponse(unitId, name, quota, used);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/quotas/{unitId:guid}", async Task<Ok<CabinetStorageResponse>> (Guid unitId, Request request, SetCabinetQuota handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(unitId, request, ct)))
            .ProducesValidationProblem()
            .AsCabinetAction("SetCabinetQuota", "Đặt hạn mức dung lượng tủ tài liệu của một đơn vị.");
}
