using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The agency leader approves a submitted plan (Decree 30 Art. 28: "người đứng đầu cơ quan phê duyệt"); it is in force
/// for its year and read-only. <c>POST …/file-plans/{id}/approve</c>.
/// </summary>
public sealed class ApproveFilePlan(FilePlanStore store)
{
    public async Task<FilePlanResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureApprover();
        plan.Approve(viewer.UserId, viewer.Name, store.Now);
        await store.CommitAsync(plan, "approve", $"phê duyệt ({plan.Entries.Count} hồ sơ, lần {plan.Revision}).", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/approve", async Task<Ok<FilePlanResponse>> (Guid id, ApproveFilePlan handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .AsFilePlanDecision("ApproveFilePlan", "Phê duyệt danh mục hồ sơ đã trình.");
}
