using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>One plan with its headings and entries in the Phụ lục V order; another agency's is not found. <c>GET /api/v1/dossiers/file-plans/{id}</c>.</summary>
public sealed class GetFilePlan(FilePlanStore store)
{
    public async Task<FilePlanResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken, tracking: false);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/file-plans/{id:guid}", async Task<Ok<FilePlanResponse>> (Guid id, GetFilePlan handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.For(DossiersPermissions.ViewFilePlans))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFilePlan")
            .WithSummary("Một danh mục hồ sơ: đề mục và hồ sơ theo mẫu Phụ lục V.");
}
