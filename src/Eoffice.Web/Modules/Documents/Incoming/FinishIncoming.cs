using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Hoàn thành / Kết thúc: the holder finishes their part with a result note and may file the document in a work dossier
/// (hồ sơ công việc; dossiers come later, the chosen title is recorded). Finishing the lead completes the chain above
/// it. <c>POST …/incoming/{id}/finish</c>, page /van-ban-den/{id}/ket-thuc; <c>GET …/incoming/dossier-titles</c> offers
/// the titles the person used before.
/// </summary>
public sealed class FinishIncoming(IncomingHandling handling)
{
    public const int ResultMaxLength = 2000;

    public sealed record Request(Guid? AssignmentId, string? Result, string? DossierTitle) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Result?.Trim().Length > ResultMaxLength)
            {
                errors["result"] = [$"Kết quả xử lý dài tối đa {ResultMaxLength} ký tự."];
            }

            if (DossierTitle?.Trim().Length > IncomingDocument.DossierMaxLength)
            {
                errors["dossierTitle"] = [$"Tên hồ sơ dài tối đa {IncomingDocument.DossierMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var dossier = ForwardIncoming.Clean(request.DossierTitle);
        var rules = await handling.RulesAsync(viewer.AgencyId, cancellationToken);
        var assignment = document.FinishAndFile(viewer, request.AssignmentId, ForwardIncoming.Clean(request.Result), dossier, handling.Now, rules);
        await handling.CommitAsync(document, document.Events[^1].Actor, "documents.incoming.finish",
            $"Hoàn thành phần xử lý của {assignment.RecipientName}, văn bản đến số {document.ArrivalNumber}/{document.Year}{(dossier is null ? "" : $"; lưu hồ sơ: {dossier}")}.",
            cancellationToken);
        return IncomingActionResult.Of(document);
    }

    /// <summary>The dossier titles the viewer chose when finishing documents before, most recent first.</summary>
    public async Task<IReadOnlyList<string>> DossierTitlesAsync(CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var kinds = new[] { HandlingEventKinds.Finished, HandlingEventKinds.Closed };
        var titles = await handling.Db.Set<IncomingEvent>().AsNoTracking()
            .Where(e => e.ActorId == viewer.UserId && kinds.Contains(e.Kind))
            .Join(handling.Db.Set<IncomingDocument>().Where(d => d.AgencyId == viewer.AgencyId && d.DossierTitle != null), e => e.OwnerId, d => d.Id,
                (e, d) => new { d.DossierTitle, e.At })
            .OrderByDescending(x => x.At).Take(200).ToListAsync(cancellationToken);
        return titles.Select(x => x.DossierTitle!).Distinct().Take(20).ToList();
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/incoming/{id:guid}/finish", async Task<Ok<IncomingActionResult>> (Guid id, Request request, FinishIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("FinishIncoming")
            .WithSummary("Hoàn thành / kết thúc xử lý văn bản đến, chọn hồ sơ công việc để lưu.");
        group.MapGet("/incoming/dossier-titles", async Task<Ok<IReadOnlyList<string>>> (FinishIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DossierTitlesAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .WithName("ListIncomingDossierTitles")
            .WithSummary("Tên các hồ sơ công việc người dùng đã chọn khi kết thúc văn bản đến.");
    }
}
