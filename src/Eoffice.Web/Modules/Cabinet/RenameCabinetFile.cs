using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Cabinet;

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
