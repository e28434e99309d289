using Eoffice.Web.Modules.Cabinet.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Cabinet;

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
