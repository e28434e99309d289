using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Notifications;

/// <summary>
/// The door through which a module tells the platform that the signed-in person opened one of its objects: the
/// notifications about that object (<see cref="Notification.AboutId"/>) have done their job. Modules call it from the
/// handler that opens the object, never touching the notifications themselves; it sends nothing, so it is not part of
/// the event seam's notifier.
/// </summary>
public interface INotificationReads
{
    /// <summary>
    /// Marks the signed-in person's unread notifications about <paramref name="aboutId"/> read, in the caller's transaction
    /// when there is one (call it from the unit of work's <c>firstWrites</c> so it commits with the change); nobody
    /// else's are touched. When any was marked, the person's open pages get the new badge value once the change commits.
    /// Returns how many were marked.
    /// </summary>
    Task<int> MarkReadAboutAsync(Guid aboutId, CancellationToken cancellationToken);
}

/// <summary>The outbox message that tells a person's open pages their new unread count after notifications were marked read.</summary>
public sealed record NotificationsRead(Guid UserId)
{
    public const string TypeName = "platform.notifications.read";
}

public sealed class NotificationReads(EofficeDbContext db, ICurrentUser currentUser, IOutbox outbox, TimeProvider time) : INotificationReads
{
    public async Task<int> MarkReadAboutAsync(Guid aboutId, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.Set<Notification>().Where(n => n.UserId == userId && n.AboutId == aboutId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (marked > 0)
        {
            outbox.Enqueue(new NotificationsRead(userId));
        }

        return marked;
    }
}

/// <summary>Pushes a person's unread count to their connections on this node, after notifications were marked read.</summary>
public sealed class PushUnreadCountHandler(EofficeDbContext db, IHubContext<NotificationHub, INotificationClient> hub) : IOutboxHandler<NotificationsRead>
{
    public async Task HandleAsync(NotificationsRead message, CancellationToken cancellationToken)
    {
        var unread = await db.Set<Notification>().CountAsync(n => n.UserId == message.UserId && n.ReadAt == null, cancellationToken);
        await hub.Clients.User(message.UserId.ToString()).UnreadCount(unread);
    }
}
