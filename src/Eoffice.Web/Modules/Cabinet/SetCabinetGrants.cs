using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Cabinet;

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
