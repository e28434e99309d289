using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office moves a heading to another place among its siblings; numerals and codes follow. <c>POST …/headings/{headingId}/move</c>.</summary>
public sealed class MoveFilePlanHeading(FilePlanStore store)
{
    public sealed class Request : FilePlanMoveInput;

    public async Task<FilePlanResponse> HandleAsync(Guid id, Guid headingId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var heading = plan.MoveHeading(headingId, request.Position, store.Now);
        await store.CommitAsync(plan, "heading.move", $"chuyển đề mục \"{heading.Title}\" đến vị trí {heading.SortOrder}.", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/headings/{headingId:guid}/move",
                async Task<Ok<FilePlanResponse>> (Guid id, Guid headingId, Request request, MoveFilePlanHeading handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(id, headingId, request, ct)))
            .AsFilePlanEdit("MoveFilePlanHeading", "Chuyển vị trí một đề mục.");
}
