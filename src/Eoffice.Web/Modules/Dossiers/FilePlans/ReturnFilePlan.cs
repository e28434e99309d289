using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The agency leader returns a submitted plan to the office, or reopens an approved plan for an amendment (sửa đổi, bổ
/// sung: a new revision to approve again), with a reason. <c>POST …/file-plans/{id}/return</c>.
/// </summary>
public sealed class ReturnFilePlan(FilePlanStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public string? Reason { get; set; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("reason", Reason, FilePlan.ReasonMaxLength, "Vui lòng nhập lý do trả lại.", "Lý do");
            return errors;
        }
    }

    public async Task<FilePlanResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureApprover();
        var reopened = plan.Status == FilePlanStatus.Approved;
        var reason = Platform.Text.VietnameseText.Normalize(request.Reason!.Trim());
        plan.ReturnToDraft(reason, viewer.Name, store.Now);
        await store.CommitAsync(plan, "return", (reopened ? $"mở lại để sửa đổi, bổ sung (lần {plan.Revision})" : "trả lại Văn phòng") + $": {reason}",
            cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/return", async Task<Ok<FilePlanResponse>> (Guid id, Request request, ReturnFilePlan handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .AsFilePlanDecision("ReturnFilePlan", "Trả lại danh mục đã trình, hoặc mở lại danh mục đã duyệt để sửa đổi, bổ sung.");
}
