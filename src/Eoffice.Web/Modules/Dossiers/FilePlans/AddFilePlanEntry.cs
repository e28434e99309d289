using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The office adds an entry (a dossier to be opened) at the end of a heading or sub-heading; the plan gives it its
/// number and code ("01.TCCB"). <c>POST /api/v1/dossiers/file-plans/{id}/entries</c>.
/// </summary>
public sealed class AddFilePlanEntry(FilePlanStore store)
{
    public sealed class Request : FilePlanEntryInput
    {
        public Guid? HeadingId { get; set; }

        public override Dictionary<string, string[]> Validate()
        {
            var errors = base.Validate();
            if (HeadingId is null || HeadingId == Guid.Empty)
            {
                errors["headingId"] = ["Chọn đề mục của hồ sơ."];
            }

            return errors;
        }
    }

    public async Task<FilePlanResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        var content = await store.ContentAsync(viewer, request, cancellationToken);
        var entry = plan.AddEntry(request.HeadingId!.Value, content, store.Now);
        await store.CommitAsync(plan, "entry.add", $"thêm hồ sơ {entry.Code} \"{entry.Title}\", {entry.Retention.Text}.", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/file-plans/{id:guid}/entries", async Task<Ok<FilePlanResponse>> (Guid id, Request request, AddFilePlanEntry handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .AsFilePlanEdit("AddFilePlanEntry", "Thêm hồ sơ vào một đề mục của danh mục đang dự thảo.");
}
