using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>The agency's transfers, newest first (<c>GET /api/v1/dossiers/transfers</c>), and one with its totals and dossiers (<c>GET …/transfers/{id}</c>).</summary>
public sealed class GetArchiveTransfer(ArchiveTransferStore store)
{
    public async Task<ArchiveTransferResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var keeper = await store.Dossiers.ArchiveKeeperAsync(cancellationToken);
        return await store.ResponseAsync(await store.LoadAsync(keeper, id, cancellationToken, tracking: false), cancellationToken);
    }

    public sealed record ListRow(Guid Id, string UnitName, string DeliveredByName, string Status, string StatusName, int DossierCount, DateTime CreatedAt,
        DateTime? CompletedAt);

    public async Task<IReadOnlyList<ListRow>> ListAsync(CancellationToken cancellationToken)
    {
        var keeper = await store.Dossiers.ArchiveKeeperAsync(cancellationToken);
        var transfers = await store.Dossiers.UnitOfWork.Db.Set<ArchiveTransfer>().AsNoTracking().Where(t => t.AgencyId == keeper.AgencyId)
            .OrderByDescending(t => t.CreatedAt).Take(200)
            .Select(t => new { t.Id, t.UnitId, t.DeliveredByName, t.Status, Count = t.Dossiers.Count, t.CreatedAt, t.CompletedAt }).ToListAsync(cancellationToken);
        var units = (await store.Dossiers.Organization.UnitsOfAgencyAsync(keeper.AgencyId, cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        return transfers.Select(t => new ListRow(t.Id, units.GetValueOrDefault(t.UnitId) ?? "", t.DeliveredByName, ArchiveTransferCodes.Of(t.Status),
            ArchiveTransferCodes.NameOf(t.Status), t.Count, t.CreatedAt, t.CompletedAt)).ToList();
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/transfers", async Task<Ok<IReadOnlyList<ListRow>>> (GetArchiveTransfer handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .AsArchiveAction("ListArchiveTransfers", "Các lần nộp lưu của cơ quan, mới nhất trước.");
        group.MapGet("/transfers/{id:guid}", async Task<Ok<ArchiveTransferResponse>> (Guid id, GetArchiveTransfer handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .AsArchiveAction("GetArchiveTransfer", "Một lần nộp lưu: đơn vị, người giao, người nhận, tổng số và các hồ sơ.");
    }
}
