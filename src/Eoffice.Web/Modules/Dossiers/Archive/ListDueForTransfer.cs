using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// Đến hạn nộp lưu (REQUIREMENTS §1.9.3): the agency's closed dossiers kept 5 years or more ("Vĩnh viễn" included) not yet
/// transferred, each with its last day — a year after its end date (3 months for construction records), moved off days
/// off, or the day it is kept back to — soonest first, and whether it is overdue, due within 30 days or later, and in a
/// draft transfer already. For the records keeper, and for the agency's head who approves keep-backs (ADR 0031 §23). <c>GET /api/v1/dossiers/due-for-transfer</c>.
/// </summary>
public sealed class ListDueForTransfer(DossierStore store)
{
    public const int MaxRows = 2000;
    public const string Overdue = "overdue";
    public const string DueSoon = "due-soon";
    public const string Later = "later";

    public sealed record Row(Guid Id, string FileCode, string Notation, string Title, int Year, Guid UnitId, string? UnitName, string RetentionText, DateOnly? EndDate,
        DateOnly DueOn, int DaysLeft, string State, string StateName, bool ConstructionRecords, DateOnly? KeptBackUntil, Guid? DraftTransferId);

    public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
    {
        var (keeper, _) = await store.ArchiveReaderAsync(cancellationToken);
        var dossiers = await store.OfAgency(keeper).AsNoTracking()
            .Where(d => d.Status == DossierStatus.Closed && d.EndDate != null && (d.RetentionYears == null || d.RetentionYears >= ArchiveRules.MinYearsToTransfer))
            .OrderBy(d => d.EndDate).Take(MaxRows).ToListAsync(cancellationToken);
        var ids = dossiers.Select(d => d.Id).ToList();
        var draftIds = await store.UnitOfWork.Db.Set<ArchiveTransfer>().AsNoTracking()
            .Where(t => t.AgencyId == keeper.AgencyId && t.Status == ArchiveTransferStatus.Draft).Select(t => t.Id).ToListAsync(cancellationToken);
        var drafts = await store.UnitOfWork.Db.Set<ArchiveTransferDossier>().AsNoTracking()
            .Where(d => draftIds.Contains(d.ArchiveTransferId) && ids.Contains(d.DossierId)).Select(d => new { d.DossierId, Id = d.ArchiveTransferId })
            .ToListAsync(cancellationToken);
        var inDraft = drafts.GroupBy(d => d.DossierId).ToDictionary(g => g.Key, g => g.First().Id);
        var units = (await store.Organization.UnitsOfAgencyAsync(keeper.AgencyId, cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        var today = store.Today;
        return dossiers.Select(d => (Dossier: d, Due: store.TransferDueOn(d)!.Value))
            .OrderBy(x => x.Due).ThenBy(x => x.Dossier.Notation)
            .Select(x =>
            {
                var days = x.Due.DayNumber - today.DayNumber;
                var (state, name) = days < 0 ? (Overdue, "Quá hạn nộp lưu") : days <= ArchiveRules.AlertDaysBefore ? (DueSoon, "Sắp đến hạn") : (Later, "Chưa đến hạn");
                return new Row(x.Dossier.Id, x.Dossier.FileCode, x.Dossier.Notation, x.Dossier.Title, x.Dossier.Year, x.Dossier.UnitId, units.GetValueOrDefault(x.Dossier.UnitId),
                    x.Dossier.Retention.Text, x.Dossier.EndDate, x.Due, days, state, name, x.Dossier.ConstructionRecords, x.Dossier.KeepBackUntil,
                    inDraft.TryGetValue(x.Dossier.Id, out var t) ? t : null);
            })
            .ToList();
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/due-for-transfer", async Task<Ok<IReadOnlyList<Row>>> (ListDueForTransfer handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(DossiersPermissions.UseDossiers))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListDossiersDueForTransfer")
            .WithSummary("Hồ sơ đến hạn nộp lưu vào lưu trữ cơ quan, hạn sớm nhất trước.");
}
