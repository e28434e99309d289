using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Notifications;

/// <summary>What the browser receives on the notification hub.</summary>
public interface INotificationClient
{
    /// <summary>A new notification arrived; <see cref="PushedNotification.UnreadCount"/> is the new badge value.</summary>
    Task Notification(PushedNotification notification);

    /// <summary>The number of unread notifications changed (on connect, after marking read on any page).</summary>
    Task UnreadCount(int count);
}

/// <summary>A notification as pushed to the browser; <see cref="OpenUrl"/> marks it read on the way to its <see cref="Link"/>.</summary>
public sealed record PushedNotification(Guid Id, string Title, string? Body, string? Link, string? Category, DateTime CreatedAt, int UnreadCount, string OpenUrl);

/// <summary>
/// Real-time channel for notifications at <c>/hubs/notifications</c>. Each signed-in page connects; messages are sent
/// to every connection of one user (identified by the "sub" claim). On connect the client gets its unread count.
/// </summary>
[Authorize]
public sealed class NotificationHub(EofficeDbContext db) : Hub<INotificationClient>
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.UserId() is { } userId)
        {
            var count = await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, Context.ConnectionAborted);
            await Clients.Caller.UnreadCount(count);
        }

        await base.OnConnectedAsync();
    }
}

/// <summary>SignalR addresses users by the eOffice user id (claim "sub"), the id notifications are stored under.</summary>
public sealed class SubClaimUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(EofficeClaims.UserId)?.Value;
}

/// <summary>
/// Pushes a committed notification to its recipient's connections on this node. Runs from the outbox, so only after
/// the change that created the notification committed. A notification deleted in the meantime is skipped.
/// </summary>
public sealed class PushNotificationHandler(EofficeDbContext db, IHubContext<NotificationHub, INotificationClient> hub, ILogger<PushNotificationHandler> logger)
    : Jobs.IOutboxHandler<NotificationCreated>
{
    public async Task HandleAsync(NotificationCreated message, CancellationToken cancellationToken)
    {
        var notification = await db.Set<Notification>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == message.NotificationId, cancellationToken);
        if (notification is null)
        {
            logger.LogInformation("Notification {Id} no longer exists; nothing to push.", message.NotificationId);
            return;
        }

        var unread = await db.Set<Notification>().CountAsync(n => n.UserId == notification.UserId && n.ReadAt == null, cancellationToken);
        await hub.Clients.User(notification.UserId.ToString()).Notification(new PushedNotification(
            notification.Id, notification.Title, notification.Body, notification.Link, notification.Category, notification.CreatedAt, unread,
            MyNotifications.OpenPath(notification.Id)));
    }
}
