using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office submits a draft with at least one entry to the agency leader; it can no longer be edited. <c>POST …/file-plans/{id}/submit</c>.</summary>
public sealed class SubmitFilePlan(FilePlanStore store)
{
    public async Task<FilePlanResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        plan.Submit(viewer.Name, store.Now);
        await store.CommitAsync(plan, "submit", $"trình phê duyệt ({plan.Entries.Count} hồ sơ, lần {plan.Revision}).", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/submit", async Task<Ok<FilePlanResponse>> (Guid id, SubmitFilePlan handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .AsFilePlanEdit("SubmitFilePlan", "Trình lãnh đạo cơ quan phê duyệt danh mục hồ sơ.");
}
