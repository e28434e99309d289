using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;

namespace Eoffice.Web.Platform.Notifications;

/// <summary>Sends a notification to one person. Modules call it from inside the change the notification is about.</summary>
public interface INotifier
{
    /// <summary>
    /// Adds the notification to the current unit of work (the scoped <see cref="EofficeDbContext"/>) together with an
    /// outbox message that pushes it to the person's open pages once the change commits. Nothing is stored or pushed
    /// until the unit of work saves; a rolled-back change never notifies. <paramref name="link"/> must be a local URL.
    /// Returns the new notification's id.
    /// </summary>
    Task<Guid> NotifyAsync(Guid userId, string title, string? body, string? link, string? category, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="NotifyAsync(Guid, string, string?, string?, string?, CancellationToken)"/>, for a notification about
    /// one object (<paramref name="aboutId"/>: a document, a task…): it is marked read when the person opens that object
    /// (<see cref="INotificationReads"/>).
    /// </summary>
    Task<Guid> NotifyAsync(Guid userId, string title, string? body, string? link, string? category, Guid? aboutId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="NotifyAsync(Guid, string, string?, string?, string?, Guid?, CancellationToken)"/>, for a notification
    /// that answers an event delivered at least once: at most one notification per person and <paramref name="sourceKey"/>
    /// (the event's id) is ever stored, however often the event is handled. The caller checks what a repeat already
    /// stored; the unique index is the last guard.
    /// </summary>
    Task<Guid> NotifyOnceAsync(string sourceKey, Guid userId, string title, string? body, string? link, string? category, Guid? aboutId,
        CancellationToken cancellationToken = default);
}

/// <summary>The outbox message that pushes a stored notification to its recipient's connections.</summary>
public sealed record NotificationCreated(Guid NotificationId, Guid UserId)
{
    public const string TypeName = "platform.notifications.created";
}

public sealed class Notifier(EofficeDbContext db, IOutbox outbox, TimeProvider time) : INotifier
{
    public Task<Guid> NotifyAsync(Guid userId, string title, string? body, string? link, string? category, CancellationToken cancellationToken = default) =>
        Add(null, userId, title, body, link, category, null);

    public Task<Guid> NotifyAsync(Guid userId, string title, string? body, string? link, string? category, Guid? aboutId,
        CancellationToken cancellationToken = default) =>
        Add(null, userId, title, body, link, category, aboutId);

    public Task<Guid> NotifyOnceAsync(string sourceKey, Guid userId, string title, string? body, string? link, string? category, Guid? aboutId,
        CancellationToken cancellationToken = default) =>
        Add(Require(sourceKey, Notification.SourceKeyMaxLength, nameof(sourceKey)), userId, title, body, link, category, aboutId);

    private Task<Guid> Add(string? sourceKey, Guid userId, string title, string? body, string? link, string? category, Guid? aboutId)
    {
        if (userId == Guid.Empty)
        {
            throw new ArgumentException("A notification needs a recipient.", nameof(userId));
        }

        title = Require(title, Notification.TitleMaxLength, nameof(title));
        body = Optional(body, Notification.BodyMaxLength, nameof(body));
        link = Optional(link, Notification.LinkMaxLength, nameof(link));
        category = Optional(category, Notification.CategoryMaxLength, nameof(category));
        if (link is not null && !Notification.IsLocalLink(link))
        {
            throw new ArgumentException("A notification link must be a local URL such as \"/thong-bao\".", nameof(link));
        }

        var notification = new Notification(userId, title, body, link, category, time.GetUtcNow().UtcDateTime, sourceKey, aboutId);
        db.Add(notification);
        outbox.Enqueue(new NotificationCreated(notification.Id, userId));
        return Task.FromResult(notification.Id);
    }

    private static string Require(string? value, int maxLength, string name) =>
        Optional(value, maxLength, name) ?? throw new ArgumentException($"A notification needs a {name}.", name);

    private static string? Optional(string? value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters.", name);
        }

        return value;
    }
}
