using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office removes an entry from a draft; the others are numbered again. <c>DELETE …/file-plans/{id}/entries/{entryId}</c>.</summary>
public sealed class RemoveFilePlanEntry(FilePlanStore store)
{
    public async Task<FilePlanResponse> HandleAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var entry = plan.Entries.FirstOrDefault(e => e.Id == entryId);
        var described = entry is null ? "" : $"{entry.Code} \"{entry.Title}\"";
        plan.RemoveEntry(entryId, store.Now);
        await store.CommitAsync(plan, "entry.remove", $"xóa hồ sơ {described}.", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/file-plans/{id:guid}/entries/{entryId:guid}",
                async Task<Ok<FilePlanResponse>> (Guid id, Guid entryId, RemoveFilePlanEntry handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(id, entryId, ct)))
            .AsFilePlanEdit("RemoveFilePlanEntry", "Xóa một hồ sơ khỏi danh mục đang dự thảo.");
}
