using Eoffice.Web.Platform.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The office starts next year's plan from an approved one: the same numbering, headings and entries, as a draft to
/// adjust. Refused when next year already has a plan. <c>POST …/file-plans/{id}/copy-forward</c>.
/// </summary>
public sealed class CopyFilePlanForward(FilePlanStore store)
{
    public async Task<FilePlanResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var source = await store.LoadAsync(viewer, id, cancellationToken, tracking: false);
        viewer.EnsureDrafter();
        source.CanCopyForward().ThrowIfBroken();
        await CreateFilePlan.EnsureYearFreeAsync(store, viewer, source.Year + 1, cancellationToken);
        var copy = source.CopyForward(viewer.UserId, store.Now);
        store.UnitOfWork.Db.Add(copy);
        await store.CommitAsync(copy, "copy-forward", $"lập dự thảo từ danh mục năm {source.Year} ({copy.Headings.Count} đề mục, {copy.Entries.Count} hồ sơ).",
            cancellationToken);
        return await store.ResponseAsync(copy, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/copy-forward", async Task<Created<FilePlanResponse>> (Guid id, CopyFilePlanForward handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(id, ct);
                return TypedResults.Created($"/api/v1/dossiers/file-plans/{created.Id}", created);
            })
            .AsFilePlanEdit("CopyFilePlanForward", "Lập danh mục hồ sơ năm sau từ danh mục đã phê duyệt.");
}
