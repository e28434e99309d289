using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary>
/// Kết thúc hồ sơ (Decree 30 Art. 29): its owner (or an agency leader) closes it once it holds a document and its
/// retention has been re-checked (<c>retentionConfirmed</c>); title and symbol are then fixed and the dossier locked:
/// no edit, no filing, nothing removed. <c>POST /api/v1/dossiers/{id}/close</c>; <c>POST …/reopen</c> with a reason for
/// a leader of its unit.
/// </summary>
public sealed class CloseDossier(DossierStore store)
{
    public sealed record CloseRequest(bool RetentionConfirmed) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => [];
    }

    public sealed record ReopenRequest(string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("reason", Reason, Dossier.ReasonMaxLength, "Vui lòng nêu lý do mở lại hồ sơ.", "Lý do");
            return errors;
        }
    }

    public async Task<DossierResponse> CloseAsync(Guid id, CloseRequest request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await store.LoadAsync(viewer, id, cancellationToken);
        if (!viewer.Owns(dossier) && !viewer.Oversees)
        {
            throw RuleException.Forbidden("Chỉ người lập hồ sơ mới kết thúc được hồ sơ.");
        }

        dossier.Close(request.RetentionConfirmed, viewer.Name, store.Now);
        await store.CommitAsync(dossier, "close", $"kết thúc hồ sơ ({dossier.Items.Count} văn bản, {dossier.Retention.Text}).", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    public async Task<DossierResponse> ReopenAsync(Guid id, ReopenRequest request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await store.LoadAsync(viewer, id, cancellationToken);
        if (!await store.MayReopenAsync(viewer, dossier, cancellationToken))
        {
            throw RuleException.Forbidden("Chỉ lãnh đạo đơn vị lập hồ sơ mới mở lại được hồ sơ đã kết thúc.");
        }

        var reason = VietnameseText.Normalize(request.Reason!.Trim());
        dossier.Reopen(reason, viewer.Name, store.Now);
        await store.CommitAsync(dossier, "reopen", $"mở lại hồ sơ, lý do: {reason}", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/close", async Task<Ok<DossierResponse>> (Guid id, CloseRequest request, CloseDossier handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CloseAsync(id, request, ct)))
            .AsDossierAction("CloseDossier", "Kết thúc (khóa) hồ sơ sau khi xác nhận lại thời hạn bảo quản.");
        group.MapPost("/{id:guid}/reopen", async Task<Ok<DossierResponse>> (Guid id, ReopenRequest request, CloseDossier handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReopenAsync(id, request, ct)))
            .AsDossierAction("ReopenDossier", "Lãnh đạo đơn vị mở lại hồ sơ đã kết thúc, có lý do.");
    }
}
