using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// Files a document the viewer may open into an open dossier they may see (without copying), or takes an item out.
/// <c>POST /api/v1/dossiers/{id}/items</c>, <c>DELETE /api/v1/dossiers/{id}/items/{itemId}</c>.
/// </summary>
public sealed class FileDossierItem(DossierStore store)
{
    public sealed record Request(string? Kind, Guid? ItemId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (!FiledItemKinds.IsKnown(Kind))
            {
                errors["kind"] = ["Loại văn bản là incoming (văn bản đến) hoặc outgoing (văn bản đi)."];
            }

            if (ItemId is null || ItemId == Guid.Empty)
            {
                errors["itemId"] = ["Chọn văn bản cần lưu vào hồ sơ."];
            }

            return errors;
        }
    }

    public async Task<DossierResponse> FileAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await store.LoadAsync(viewer, id, cancellationToken);
        dossier.CanEdit().ThrowIfBroken();
        var kind = request.Kind == FiledItemKinds.Incoming ? DocumentKinds.Incoming : DocumentKinds.Outgoing;
        var document = await store.Documents.FindOpenableAsync(kind, request.ItemId!.Value, cancellationToken)
            ?? throw RuleException.Invalid("Không tìm thấy văn bản cần lưu.", "itemId");
        var filed = dossier.File(new DossierItemRef(request.Kind!, document.Id, document.Title, document.Code, document.Date), viewer.UserId, viewer.Name, store.Now);
        if (filed is not null)
        {
            await store.CommitAsync(dossier, "file", $"lưu văn bản {document.Code ?? ""} \"{document.Title}\" (số thứ tự {filed.Ordinal}).", cancellationToken);
        }

        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    public async Task<DossierResponse> UnfileAsync(Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await store.LoadAsync(viewer, id, cancellationToken);
        var open = await store.OpenableAsync(dossier.Items, cancellationToken);
        if (dossier.Items.SingleOrDefault(i => i.Id == itemId) is not { } item || !open.Contains((item.Kind, item.ItemId)))
        {
            throw RuleException.NotFound("Văn bản không có trong hồ sơ.");
        }

        dossier.Unfile(itemId, store.Now);
        await store.CommitAsync(dossier, "unfile", $"bỏ văn bản {item.Code ?? ""} \"{item.Title}\" khỏi hồ sơ.", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/items", async Task<Ok<DossierResponse>> (Guid id, Request request, FileDossierItem handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.FileAsync(id, request, ct)))
            .AsDossierAction("FileDossierItem", "Lưu một văn bản vào hồ sơ (không sao chép).");
        group.MapDelete("/{id:guid}/items/{itemId:guid}", async Task<Ok<DossierResponse>> (Guid id, Guid itemId, FileDossierItem handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UnfileAsync(id, itemId, ct)))
            .AsDossierAction("UnfileDossierItem", "Bỏ một văn bản khỏi hồ sơ đang lập.");
    }
}

public static class DossierEndpoints
{
    public static RouteHandlerBuilder AsDossierAction(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.For(DossiersPermissions.UseDossiers))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(name)
            .WithSummary(summary);
}
