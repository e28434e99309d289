using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// One dossier with its fields and a page of the documents the viewer may open, in time order (<c>page</c>, <c>pageSize</c>
/// up to <see cref="DossierResponse.MaxItemsPageSize"/>; the ordinals run on across pages). <c>GET /api/v1/dossiers/{id}</c>.
/// </summary>
public sealed class GetDossier(DossierStore store)
{
    public async Task<DossierResponse> HandleAsync(Guid id, CancellationToken cancellationToken, int page = 1, int pageSize = DossierResponse.ItemsPageSize)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await store.LoadAsync(viewer, id, cancellationToken, tracking: false, withItems: false);
        return await store.ResponseAsync(dossier, viewer, cancellationToken, page, pageSize);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<DossierResponse>> (Guid id, int? page, int? pageSize, GetDossier handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct, page ?? 1, pageSize ?? DossierResponse.ItemsPageSize)))
            .RequireAuthorization(Policies.For(DossiersPermissions.UseDossiers))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDossier")
            .WithSummary("Một hồ sơ công việc: thông tin và các văn bản theo thứ tự thời gian.");
}
