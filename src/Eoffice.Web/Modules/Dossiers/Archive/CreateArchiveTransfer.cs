using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// Lập lần nộp lưu: the records keeper gathers closed dossiers of one unit that are to be transferred (not already in
/// another transfer) and names who delivers them. <c>POST /api/v1/dossiers/transfers</c>.
/// </summary>
public sealed class CreateArchiveTransfer(ArchiveTransferStore store)
{
    public sealed record Request(IReadOnlyList<Guid>? DossierIds, string? DeliveredByName, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (DossierIds is not { Count: > 0 })
            {
                errors["dossierIds"] = ["Chọn ít nhất một hồ sơ để nộp lưu."];
            }
            else if (DossierIds.Count > ArchiveTransfer.MaxDossiers)
            {
                errors["dossierIds"] = [$"Mỗi lần nộp lưu tối đa {ArchiveTransfer.MaxDossiers} hồ sơ."];
            }

            errors.MaxLength("deliveredByName", DeliveredByName, ArchiveTransfer.NameMaxLength, "Người giao");
            errors.MaxLength("note", Note, ArchiveTransfer.NoteMaxLength, "Ghi chú");
            return errors;
        }
    }

    public async Task<ArchiveTransferResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var keeper = await store.Dossiers.ArchiveKeeperAsync(cancellationToken);
        var ids = request.DossierIds!.Distinct().ToList();
        var dossiers = await store.Dossiers.OfAgency(keeper).Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        if (dossiers.Count != ids.Count)
        {
            throw RuleException.NotFound(DossierStore.NotFoundMessage);
        }

        var draftIds = await store.Dossiers.UnitOfWork.Db.Set<ArchiveTransfer>().AsNoTracking()
            .Where(t => t.AgencyId == keeper.AgencyId && t.Status == ArchiveTransferStatus.Draft).Select(t => t.Id).ToListAsync(cancellationToken);
        var taken = await store.Dossiers.UnitOfWork.Db.Set<ArchiveTransferDossier>().AsNoTracking()
            .Where(d => draftIds.Contains(d.ArchiveTransferId) && ids.Contains(d.DossierId)).Select(d => d.DossierId).ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            var notation = dossiers.First(d => d.Id == taken[0]).Notation;
            throw RuleException.Conflict($"Hồ sơ {notation} đã có trong một lần nộp lưu đang lập.");
        }

        var ordered = ids.Select(id => dossiers.First(d => d.Id == id)).ToList();
        var unitId = ordered[0].UnitId;
        var unitName = (await store.Dossiers.Organization.FindUnitAsync(unitId, cancellationToken))?.Name ?? "";
        var delivered = Clean(request.DeliveredByName) ?? unitName;
        var transfer = new ArchiveTransfer(keeper.AgencyId, unitId, delivered, Clean(request.Note), keeper.UserId, keeper.Name, store.Dossiers.Now);
        foreach (var dossier in ordered)
        {
            transfer.Add(dossier);
        }

        store.Dossiers.UnitOfWork.Db.Add(transfer);
        await store.CommitAsync(transfer, "create",
            $"Lập lần nộp lưu của {unitName}: {transfer.Dossiers.Count} hồ sơ ({string.Join(", ", ordered.Select(d => d.Notation))}).", cancellationToken);
        return await store.ResponseAsync(transfer, cancellationToken);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Trim());

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/transfers", async Task<Created<ArchiveTransferResponse>> (Request request, CreateArchiveTransfer handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/dossiers/transfers/{created.Id}", created);
            })
            .AsArchiveAction("CreateArchiveTransfer", "Lập lần nộp lưu hồ sơ của một đơn vị vào lưu trữ cơ quan.");
    }
}
