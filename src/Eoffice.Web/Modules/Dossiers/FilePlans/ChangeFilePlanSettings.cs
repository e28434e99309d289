using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The office changes how a draft's entries are numbered; every code is given again. <c>PUT /api/v1/dossiers/file-plans/{id}</c>.</summary>
public sealed class ChangeFilePlanSettings(FilePlanStore store)
{
    public sealed class Request : IValidatableRequest
    {
        public string? Numbering { get; set; }

        public Dictionary<string, string[]> Validate() =>
            FilePlanCodes.ParseNumbering(Numbering) is null ? new() { ["numbering"] = [FilePlanCodes.NumberingMessage] } : new();
    }

    public async Task<FilePlanResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken);
        viewer.EnsureDrafter();
        plan.SetNumbering(FilePlanCodes.ParseNumbering(request.Numbering)!.Value, store.Now);
        await store.CommitAsync(plan, "settings", FilePlanCodes.NameOf(plan.Numbering).ToLowerInvariant() + ".", cancellationToken);
        return await store.ResponseAsync(plan, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPut("/file-plans/{id:guid}", async Task<Ok<FilePlanResponse>> (Guid id, Request request, ChangeFilePlanSettings handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .AsFilePlanEdit("ChangeFilePlanSettings", "Đổi cách đánh số hồ sơ của danh mục đang dự thảo.");
}
