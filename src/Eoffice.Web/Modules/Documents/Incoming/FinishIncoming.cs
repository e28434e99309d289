using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Hoàn thành / Kết thúc: the holder finishes their part with a result note and may file the document into one or more
/// work dossiers (<c>dossierIds</c>, through <see cref="IDossierFiling"/>, saved with the finish or not at all). A typed
/// <c>dossierTitle</c> is still recorded as before (older data and clients). Finishing the lead completes the chain
/// above it. <c>POST …/incoming/{id}/finish</c>, page /van-ban-den/{id}/ket-thuc; <c>GET …/incoming/{id}/dossier-choices</c>
/// lists the dossiers the person may file into, suggested first; <c>GET …/incoming/dossier-titles</c> the titles typed before.
/// </summary>
public sealed class FinishIncoming(IncomingHandling handling, Dossiers.Contracts.IDossierFiling filing)
{
    public const int ResultMaxLength = 2000;

    /// <summary>At most this many dossiers per document and filing.</summary>
    public const int MaxDossiers = 20;

    /// <param name="AssignmentId">The part to finish (the viewer's only one when omitted).</param>
    /// <param name="Result">Kết quả xử lý.</param>
    /// <param name="DossierTitle">A dossier named in words only (paper, or before dossiers existed): recorded on the document as before.</param>
    /// <param name="DossierIds">The work dossiers to file the document into (<see cref="Dossiers.Contracts.IDossierFiling"/>).</param>
    public sealed record Request(Guid? AssignmentId, string? Result, string? DossierTitle, IReadOnlyList<Guid>? DossierIds = null) : IValidatableRequest
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

            if (DossierIds?.Count > MaxDossiers || DossierIds?.Any(d => d == Guid.Empty) == true)
            {
                errors["dossierIds"] = [$"Chọn tối đa {MaxDossiers} hồ sơ công việc."];
            }

            return errors;
        }
    }

    public async Task<IncomingActionResult> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        var typed = ForwardIncoming.Clean(request.DossierTitle);
        var into = request.DossierIds is { Count: > 0 } ids ? await filing.FileAsync(Reference(document), ids, cancellationToken) : [];
        var dossier = string.Join("; ", into.Select(d => $"{d.Notation}/{d.Year} {d.Title}").Append(typed).OfType<string>());
        var rules = await handling.RulesAsync(viewer.AgencyId, cancellationToken);
        var assignment = document.FinishAndFile(viewer, request.AssignmentId, ForwardIncoming.Clean(request.Result), typed, handling.Now, rules,
            dossier.Length == 0 ? null : dossier);
        await handling.CommitAsync(document, document.Events[^1].Actor, "documents.incoming.finish",
            $"Hoàn thành phần xử lý của {assignment.RecipientName}, văn bản đến số {document.ArrivalNumber}/{document.Year}{(dossier.Length == 0 ? "" : $"; lưu hồ sơ: {dossier}")}.",
            cancellationToken);
        return IncomingActionResult.Of(document);
    }

    /// <summary>The document as dossiers list it.</summary>
    public static FiledItem Reference(IncomingDocument document)
    {
        var reference = DocumentAccess.Of(document);
        return new FiledItem(FiledItemKinds.Incoming, document.Id, reference.Title, reference.Code, reference.Date);
    }

    /// <summary>
    /// The dossiers the viewer may file the document into, suggested first: those holding the outgoing documents that
    /// answer it (its thread), then the plan's dossiers of the viewer's unit.
    /// </summary>
    public async Task<IReadOnlyList<DossierChoice>> DossierChoicesAsync(Guid id, CancellationToken cancellationToken)
    {
        await handling.LoadAsync(id, cancellationToken);
        var replies = await handling.Db.Set<IncomingReply>().AsNoTracking().Where(r => r.DocumentId == id && r.OutgoingId != null).Select(r => r.OutgoingId!.Value).ToListAsync(cancellationToken);
        return await filing.ChoicesAsync(replies.Select(r => new FiledItemRef(FiledItemKinds.Outgoing, r)).ToList(), cancellationToken);
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
        group.MapGet("/incoming/{id:guid}/dossier-choices", async Task<Ok<IReadOnlyList<DossierChoice>>> (Guid id, FinishIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DossierChoicesAsync(id, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListIncomingDossierChoices")
            .WithSummary("Các hồ sơ công việc có thể lưu văn bản đến vào, hồ sơ gợi ý trước.");
        group.MapGet("/incoming/dossier-titles", async Task<Ok<IReadOnlyList<string>>> (FinishIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DossierTitlesAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .WithName("ListIncomingDossierTitles")
            .WithSummary("Tên các hồ sơ công việc người dùng đã chọn khi kết thúc văn bản đến.");
    }
}
