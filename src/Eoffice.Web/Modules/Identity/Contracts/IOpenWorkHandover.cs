namespace Eoffice.Web.Modules.Identity.Contracts;

/// <summary>
/// One piece of open work handed from a departing person to their successor, as the owning module describes it:
/// <see cref="ItemType"/> ("incoming-document", "task"…), the item's id in that module and a title people recognise.
/// </summary>
public sealed record HandedOverItem(string ItemType, string ItemId, string Title);

/// <summary>
/// Bàn giao (regulation 001 Điều 9.1): every module that keeps work assigned to a person implements this. When a
/// person leaves, each implementation moves that person's open work to the successor and returns what it moved; the
/// list is kept with the handover. All implementations run in one database transaction with the departure (use the
/// scoped <c>EofficeDbContext</c> and do not commit yourself): if one fails, nothing is handed over and the person stays active.
/// </summary>
public interface IOpenWorkHandover
{
    /// <summary>The owning module's name as shown in the handover record, e.g. "Văn bản đến".</summary>
    string Module { get; }

    Task<IReadOnlyList<HandedOverItem>> HandOverAsync(Guid fromUserId, Guid toUserId, CancellationToken cancellationToken);
}
