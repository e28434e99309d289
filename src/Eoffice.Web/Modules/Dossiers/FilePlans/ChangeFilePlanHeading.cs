using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office renames a heading or changes a large heading's abbreviation (its entries' codes follow). <c>PUT …/file-plans/{id}/headings/{headingId}</c>.</summary>
public sealed class ChangeFilePlanHeading(FilePlanStore store)
{
    public sealed class Request : FilePlanHeadingInput;

    public async Task<FilePlanResponse> HandleAsync(Guid id, Guid headingId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var heading = plan.ChangeHeading(headingId, request.CleanTitle(), request.CleanAbbreviation(), store.Now);
        await store.CommitAsync(plan, "heading.change", $"sửa đề mục \"{heading.Title}\"" + (heading.Abbreviation is { } a ? $" ({a})." : "."), cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/file-plans/{id:guid}/headings/{headingId:guid}",
                async Task<Ok<FilePlanResponse>> (Guid id, Guid headingId, Request request, ChangeFilePlanHeading handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(id, headingId, request, ct)))
            .AsFilePlanEdit("ChangeFilePlanHeading", "Sửa tên, chữ viết tắt của một đề mục.");
}
