using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Rules;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.Work;

/// <summary><see cref="IDossierFiling"/>: choices with suggestions, filing staged in the caller's unit of work, the dossiers of an item.</summary>
public sealed class DossierFiling(DossierStore store) : IDossierFiling
{
    public const string ThreadReason = "Đã lưu văn bản liên quan";
    public const string PlanReason = "Theo danh mục hồ sơ của đơn vị";

    public async Task<IReadOnlyList<DossierChoice>> ChoicesAsync(IReadOnlyCollection<FiledItemRef> thread, CancellationToken cancellationToken = default)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        var open = await store.Visible(viewer).AsNoTracking().Where(d => d.Status == DossierStatus.Open)
            .OrderByDescending(d => d.UpdatedAt).Take(ListDossiers.MaxRows)
            .Select(d => new { d.Id, d.Notation, d.Title, d.Year, d.UnitId, d.FilePlanEntryId }).ToListAsync(cancellationToken);
        var ids = open.Select(d => d.Id).ToList();
        var threadIds = thread.Select(t => t.Id).ToList();
        var holding = threadIds.Count == 0
            ? []
            : (await store.UnitOfWork.Db.Set<DossierItem>().AsNoTracking().Where(i => ids.Contains(i.DossierId) && threadIds.Contains(i.ItemId))
                .Select(i => new { i.DossierId, i.Kind, i.ItemId }).ToListAsync(cancellationToken))
                .Where(i => thread.Contains(new FiledItemRef(i.Kind, i.ItemId))).Select(i => i.DossierId).ToHashSet();
        return open.Select(d =>
            {
                var reason = holding.Contains(d.Id) ? ThreadReason
                    : d.FilePlanEntryId is not null && d.UnitId == viewer.UnitId ? PlanReason
                    : null;
                return new DossierChoice(d.Id, d.Notation, d.Title, d.Year, reason is not null, reason);
            })
            .OrderBy(c => c.SuggestedBecause == ThreadReason ? 0 : c.Suggested ? 1 : 2)
            .ToList();
    }

    public async Task<IReadOnlyList<DossierChoice>> FileAsync(FiledItem item, IReadOnlyCollection<Guid> dossierIds, CancellationToken cancellationToken = default)
    {
        if (!FiledItemKinds.IsKnown(item.Kind))
        {
            throw new ArgumentException($"Unknown item kind {item.Kind}.", nameof(item));
        }

        var viewer = await store.ViewerAsync(cancellationToken);
        var filed = new List<DossierChoice>();
        foreach (var id in dossierIds.Distinct())
        {
            var dossier = await store.LoadAsync(viewer, id, cancellationToken);
            if (dossier.CanEdit() is not null)
            {
                throw RuleException.Conflict($"Hồ sơ {dossier.Notation} \"{dossier.Title}\" đã kết thúc, không lưu thêm văn bản được.");
            }

            dossier.File(new DossierItemRef(item.Kind, item.Id, item.Title, item.Code, item.Date), viewer.UserId, viewer.Name, store.Now);
            filed.Add(new DossierChoice(dossier.Id, dossier.Notation, dossier.Title, dossier.Year, false, null));
        }

        return filed;
    }

    public async Task<IReadOnlyList<DossierOfItem>> DossiersOfAsync(FiledItemRef item, CancellationToken cancellationToken = default)
    {
        var viewer = await store.ViewerAsync(cancellationToken);
        return await store.Visible(viewer).AsNoTracking()
            .SelectMany(d => d.Items.Where(i => i.Kind == item.Kind && i.ItemId == item.Id).Select(i => new DossierOfItem(d.Id, d.Notation, d.Title, i.Ordinal)))
            .ToListAsync(cancellationToken);
    }
}
