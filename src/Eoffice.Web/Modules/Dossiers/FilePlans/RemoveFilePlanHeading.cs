using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office removes an empty heading (one with sub-headings or entries is refused). <c>DELETE …/file-plans/{id}/headings/{headingId}</c>.</summary>
public sealed class RemoveFilePlanHeading(FilePlanStore store)
{
    public async Task<FilePlanResponse> HandleAsync(Guid id, Guid headingId, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var title = plan.Headings.FirstOrDefault(h => h.Id == headingId)?.Title;
        plan.RemoveHeading(headingId, store.Now);
        await store.CommitAsync(plan, "heading.remove", $"xóa đề mục \"{title}\".", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/file-plans/{id:guid}/headings/{headingId:guid}",
                async Task<Ok<FilePlanResponse>> (Guid id, Guid headingId, RemoveFilePlanHeading handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(id, headingId, ct)))
            .AsFilePlanEdit("RemoveFilePlanHeading", "Xóa một đề mục không còn đề mục nhỏ và hồ sơ.");
}
