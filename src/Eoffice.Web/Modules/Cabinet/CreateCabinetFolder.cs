using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Cabinet;

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
