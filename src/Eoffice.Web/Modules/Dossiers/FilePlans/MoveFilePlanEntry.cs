using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The office moves an entry to another place in its heading or under another heading (<c>headingId</c>); numbers and
/// codes follow. <c>POST …/file-plans/{id}/entries/{entryId}/move</c>.
/// </summary>
public sealed class MoveFilePlanEntry(FilePlanStore store)
{
    public sealed class Request : FilePlanMoveInput
    {
        /// <summary>The heading or sub-heading to move to; none keeps the entry's own.</summary>
        public Guid? HeadingId { get; set; }
    }

    public async Task<FilePlanResponse> HandleAsync(Guid id, Guid entryId, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var entry = plan.MoveEntry(entryId, request.HeadingId, request.Position, store.Now);
        await store.CommitAsync(plan, "entry.move", $"chuyển hồ sơ \"{entry.Title}\", nay là {entry.Code}.", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/entries/{entryId:guid}/move",
                async Task<Ok<FilePlanResponse>> (Guid id, Guid entryId, Request request, MoveFilePlanEntry handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(id, entryId, request, ct)))
            .AsFilePlanEdit("MoveFilePlanEntry", "Chuyển vị trí hoặc đề mục của một hồ sơ.");
}
