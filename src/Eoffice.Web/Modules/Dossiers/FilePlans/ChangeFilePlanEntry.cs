using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office changes an entry's title, retention, unit and person, notes. <c>PUT …/file-plans/{id}/entries/{entryId}</c>.</summary>
public sealed class ChangeFilePlanEntry(FilePlanStore store)
{
    public sealed class Request : FilePlanEntryInput;

    public async Task<FilePlanResponse> HandleAsync(Guid id, Guid entryId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var content = await store.ContentAsync(viewer, request, cancellationToken);
        var entry = plan.ChangeEntry(entryId, content, store.Now);
        await store.CommitAsync(plan, "entry.change", $"sửa hồ sơ {entry.Code} \"{entry.Title}\", {entry.Retention.Text}.", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/file-plans/{id:guid}/entries/{entryId:guid}",
                async Task<Ok<FilePlanResponse>> (Guid id, Guid entryId, Request request, ChangeFilePlanEntry handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(id, entryId, request, ct)))
            .AsFilePlanEdit("ChangeFilePlanEntry", "Sửa một hồ sơ của danh mục đang dự thảo.");
}
