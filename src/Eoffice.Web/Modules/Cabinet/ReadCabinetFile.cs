using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Eoffice.Web.Modules.Cabinet;

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
