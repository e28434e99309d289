using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The office adds a large heading (with its abbreviation, e.g. TCCB) at the end of a draft, or a sub-heading at the end
/// of a large heading (<c>parentId</c>). <c>POST /api/v1/dossiers/file-plans/{id}/headings</c>.
/// </summary>
public sealed class AddFilePlanHeading(FilePlanStore store)
{
    public sealed class Request : FilePlanHeadingInput
    {
        /// <summary>The large heading a sub-heading goes under; none for a large heading.</summary>
        public Guid? ParentId { get; set; }
    }

    public async Task<FilePlanResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var heading = plan.AddHeading(request.ParentId, request.CleanTitle(), request.CleanAbbreviation(), store.Now);
        await store.CommitAsync(plan, "heading.add", $"thêm {(heading.ParentId is null ? "đề mục lớn" : "đề mục nhỏ")} \"{heading.Title}\""
            + (heading.Abbreviation is { } a ? $" ({a})." : "."), cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/headings", async Task<Ok<FilePlanResponse>> (Guid id, Request request, AddFilePlanHeading handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .AsFilePlanEdit("AddFilePlanHeading", "Thêm đề mục lớn hoặc đề mục nhỏ vào danh mục hồ sơ đang dự thảo.");
}
