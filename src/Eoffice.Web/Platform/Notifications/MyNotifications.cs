using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Notifications;

/// <summary>
/// The signed-in person's own notifications: list, unread count, mark read. Every query is limited to the current
/// user; another person's notification answers 404. The page, the header badge and the JSON API share it.
/// </summary>
public sealed class MyNotifications(EofficeDbContext db, ICurrentUser currentUser, TimeProvider time, IHubContext<NotificationHub, INotificationClient> hub)
{
    public const int PageSize = 20;

    /// <summary>The notifications page.</summary>
    public const string ListPath = "/thong-bao";

    /// <summary>Where a notification's link goes through: it is marked read on the way to its object (<see cref="OpenAsync"/>).</summary>
    public static string OpenPath(Guid id) => $"{ListPath}/{id}";

    public sealed record NotificationDto(Guid Id, string Title, string? Body, string? Link, string? Category, DateTime CreatedAt, DateTime? ReadAt);

    public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Page, int PageSize, int Total, int UnreadCount)
    {
        public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    }

    private Guid UserId => currentUser.Id ?? throw new InvalidOperationException("Notifications need a signed-in user.");

    private IQueryable<Notification> Mine => db.Set<Notification>().Where(n => n.UserId == UserId);

    public async Task<NotificationPage> ListAsync(bool unreadOnly, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var query = Mine.AsNoTracking();
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.Category, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        var unread = unreadOnly ? total : await UnreadCountAsync(cancellationToken);
        return new NotificationPage(items, page, PageSize, total, unread);
    }

    public Task<int> UnreadCountAsync(CancellationToken cancellationToken) =>
        currentUser.Id is null ? Task.FromResult(0) : Mine.CountAsync(n => n.ReadAt == null, cancellationToken);

    /// <summary>Marks one of my notifications read; returns the new unread count. Someone else's id → 404.</summary>
    public async Task<int> MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await MarkOneReadAsync(id, cancellationToken);
        return await PublishCountAsync(cancellationToken);
    }

    /// <summary>
    /// Opens one of my notifications (its link was clicked): marks it read and returns where it leads — the object it is
    /// about, or the notifications page when it has no local link. Someone else's id → 404.
    /// </summary>
    public async Task<string> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await MarkOneReadAsync(id, cancellationToken);
        await PublishCountAsync(cancellationToken);
        return notification.Link is { } link && Notification.IsLocalLink(link) ? link : ListPath;
    }

    private async Task<Notification> MarkOneReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await Mine.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy thông báo.");
        notification.MarkRead(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }

    /// <summary>Marks all my unread notifications read; returns how many were marked and the unread count after that.</summary>
    public async Task<(int Marked, int UnreadCount)> MarkAllReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await Mine.Where(n => n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return (marked, await PublishCountAsync(cancellationToken));
    }

    /// <summary>Tells my other open pages (on this node) the new badge value.</summary>
    private async Task<int> PublishCountAsync(CancellationToken cancellationToken)
    {
        var count = await UnreadCountAsync(cancellationToken);
        await hub.Clients.User(UserId.ToString()).UnreadCount(count);
        return count;
    }
}
