using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// Giữ lại hồ sơ đến hạn nộp lưu (REQUIREMENTS §1.9.3): the agency's head (<see cref="DossiersPermissions.OverseeDossiers"/>,
/// agency-wide) approves that the unit keeps a closed dossier to a day at most 2 years past its due date, with a reason;
/// the approval is kept on the dossier and in the audit log. <c>POST /api/v1/dossiers/{id}/keep-back</c>.
/// </summary>
public sealed class KeepDossierBack(DossierStore store)
{
    public sealed record Request(DateOnly? Until, string? Reason) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Until is null)
            {
                errors["until"] = ["Vui lòng chọn ngày giữ lại đến."];
            }

            errors.Required("reason", Reason, Dossier.ReasonMaxLength, "Vui lòng nêu lý do giữ lại hồ sơ.", "Lý do");
            return errors;
        }
    }

    public async Task<DossierResponse> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var dossier = await store.LoadAsync(viewer, id, cancellationToken);
        if (!viewer.Oversees)
        {
            throw RuleException.Forbidden("Chỉ người đứng đầu cơ quan mới đồng ý cho giữ lại hồ sơ đến hạn nộp lưu.");
        }

        var reason = VietnameseText.Normalize(request.Reason!.Trim());
        dossier.KeepBack(request.Until!.Value, reason, viewer.Name, store.Now);
        await store.CommitAsync(dossier, "keep-back", $"đồng ý cho đơn vị giữ lại đến ngày {request.Until:dd/MM/yyyy}, lý do: {reason}", cancellationToken);
        return await store.ResponseAsync(dossier, viewer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/keep-back", async Task<Ok<DossierResponse>> (Guid id, Request request, KeepDossierBack handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .AsDossierAction("KeepDossierBack", "Người đứng đầu cơ quan đồng ý cho đơn vị giữ lại hồ sơ đến hạn nộp lưu (tối đa 2 năm).");
}
