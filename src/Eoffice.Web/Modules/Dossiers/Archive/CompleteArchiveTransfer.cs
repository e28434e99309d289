using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// Giao nhận xong: the records keeper completes a draft transfer; each of its dossiers is marked transferred and becomes
/// read-only (every change refused with 409). <c>POST /api/v1/dossiers/transfers/{id}/complete</c>.
/// </summary>
public sealed class CompleteArchiveTransfer(ArchiveTransferStore store)
{
    public async Task<ArchiveTransferResponse> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var keeper = await store.Dossiers.ArchiveKeeperAsync(cancellationToken);
        var transfer = await store.LoadAsync(keeper, id, cancellationToken);
        var dossiers = await store.DossiersOfAsync(transfer, tracking: true, cancellationToken);
        transfer.Complete(dossiers, keeper.Name, store.Dossiers.Now);
        await store.CommitAsync(transfer, "complete",
            $"Giao nhận xong {dossiers.Count} hồ sơ ({string.Join(", ", dossiers.Select(d => d.Notation))}): đã nộp lưu, chỉ đọc.", cancellationToken);
        return await store.ResponseAsync(transfer, cancellationToken);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/transfers/{id:guid}/complete", async Task<Ok<ArchiveTransferResponse>> (Guid id, CompleteArchiveTransfer handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .AsArchiveAction("CompleteArchiveTransfer", "Hoàn thành giao nhận: các hồ sơ chuyển sang đã nộp lưu, chỉ đọc.");
}
