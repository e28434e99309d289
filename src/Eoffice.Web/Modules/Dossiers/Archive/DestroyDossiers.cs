using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// Tiêu hủy hồ sơ hết thời hạn bảo quản (Decree 30 Art. 31; ADR 0031 decision 21): the records keeper lists the agency's
/// expired dossiers (retention passed, never "Vĩnh viễn"; <c>GET /api/v1/dossiers/expired</c>) and records the
/// council's decision — number, date, signer, the council's members and conclusion — with the list
/// (<c>POST /api/v1/dossiers/destructions</c>). Without a decision nothing is destroyed (400). Each dossier's content
/// links are removed; its row stays as a tombstone that the lists and its page show as destroyed.
/// </summary>
public sealed class DestroyDossiers(DossierStore store)
{
    public sealed record Request(string? DecisionNumber, DateOnly? DecisionDate, string? DecidedByName, string? Council, IReadOnlyList<Guid>? DossierIds)
        : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("decisionNumber", DecisionNumber, DossierDestruction.NumberMaxLength, "Vui lòng nhập số quyết định tiêu hủy của hội đồng.", "Số quyết định");
            if (DecisionDate is null)
            {
                errors["decisionDate"] = ["Vui lòng nhập ngày quyết định tiêu hủy."];
            }

            errors.Required("decidedByName", DecidedByName, DossierDestruction.NameMaxLength, "Vui lòng nhập người ký quyết định tiêu hủy.", "Người ký");
            errors.Required("council", Council, DossierDestruction.CouncilMaxLength, "Vui lòng nhập thành phần hội đồng xác định giá trị tài liệu.", "Hội đồng");
            if (DossierIds is not { Count: > 0 })
            {
                errors["dossierIds"] = ["Chọn các hồ sơ được tiêu hủy theo quyết định."];
            }

            return errors;
        }
    }

    public sealed record ExpiredRow(Guid Id, string FileCode, string Notation, string Title, string RetentionText, DateOnly? EndDate, DateOnly ExpiredOn, string Status,
        string StatusName);

    public async Task<IReadOnlyList<ExpiredRow>> ExpiredAsync(CancellationToken cancellationToken)
    {
        var keeper = await store.ArchiveKeeperAsync(cancellationToken);
        var today = store.Today;
        var candidates = await store.OfAgency(keeper).AsNoTracking()
            .Where(d => (d.Status == DossierStatus.Closed || d.Status == DossierStatus.Transferred) && d.RetentionYears != null && d.EndDate != null)
            .OrderBy(d => d.EndDate).Take(ListDueForTransfer.MaxRows).ToListAsync(cancellationToken);
        return candidates.Where(d => d.CanBeDestroyed(today) is null)
            .Select(d => new ExpiredRow(d.Id, d.FileCode, d.Notation, d.Title, d.Retention.Text, d.EndDate, d.ExpiresOn!.Value, DossierCodes.Of(d.Status),
                DossierCodes.NameOf(d.Status)))
            .ToList();
    }

    public sealed record Response(Guid Id, string DecisionNumber, DateOnly DecisionDate, string DecidedByName, string Council, DateTime RecordedAt,
        string RecordedByName, IReadOnlyList<DestroyedRow> Dossiers);

    public sealed record DestroyedRow(int Ordinal, Guid DossierId, string FileCode, string Title, string RetentionText, int DocumentCount);

    public async Task<Response> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var keeper = await store.ArchiveKeeperAsync(cancellationToken);
        var ids = request.DossierIds!.Distinct().ToList();
        var dossiers = await store.OfAgency(keeper).Include(d => d.Items).Where(d => ids.Contains(d.Id)).AsSplitQuery().ToListAsync(cancellationToken);
        if (dossiers.Count != ids.Count)
        {
            throw RuleException.NotFound(DossierStore.NotFoundMessage);
        }

        var destruction = new DossierDestruction(keeper.AgencyId, Clean(request.DecisionNumber)!, request.DecisionDate!.Value, Clean(request.DecidedByName)!,
            Clean(request.Council)!, keeper.UserId, keeper.Name, store.Now);
        foreach (var dossier in ids.Select(id => dossiers.First(d => d.Id == id)))
        {
            destruction.Destroy(dossier, store.Today, store.Now);
        }

        store.UnitOfWork.Db.Add(destruction);
        await store.UnitOfWork.CommitAsync(new AuditEvent("dossiers.dossier.destroy", "dossier-destruction", destruction.Id.ToString(),
            Details: $"Tiêu hủy {dossiers.Count} hồ sơ theo quyết định số {destruction.DecisionNumber} ngày {destruction.DecisionDate:dd/MM/yyyy} ({destruction.DecidedByName}): "
                + string.Join("; ", destruction.Dossiers.Select(d => $"{d.FileCode} \"{d.Title}\" ({d.DocumentCount} văn bản)"))), cancellationToken);
        return new Response(destruction.Id, destruction.DecisionNumber, destruction.DecisionDate, destruction.DecidedByName, destruction.Council, destruction.RecordedAt,
            destruction.RecordedByName, destruction.Dossiers.Select(d => new DestroyedRow(d.Ordinal, d.DossierId, d.FileCode, d.Title, d.RetentionText, d.DocumentCount)).ToList());
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Trim());

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/expired", async Task<Ok<IReadOnlyList<ExpiredRow>>> (DestroyDossiers handler, CancellationToken ct) => TypedResults.Ok(await handler.ExpiredAsync(ct)))
            .RequireAuthorization(Policies.For(DossiersPermissions.ManageArchive))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListExpiredDossiers")
            .WithSummary("Hồ sơ đã hết thời hạn bảo quản (không kể hồ sơ vĩnh viễn).");
        group.MapPost("/destructions", async Task<Created<Response>> (Request request, DestroyDossiers handler, CancellationToken ct) =>
            {
                var done = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/dossiers/destructions/{done.Id}", done);
            })
            .AsArchiveAction("DestroyDossiers", "Tiêu hủy hồ sơ hết thời hạn bảo quản theo quyết định của hội đồng; giữ lại dấu vết hồ sơ.");
    }
}
