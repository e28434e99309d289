using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Notifications;

/// <summary>
/// A message to one person in the system (thông báo): a document assigned to them, a deadline near, a draft approved.
/// It stays in their list until they read it; the link opens the object it is about.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 2000;
    public const int LinkMaxLength = 500;
    public const int CategoryMaxLength = 50;
    public const int SourceKeyMaxLength = 100;

    private Notification()
    {
        Title = string.Empty;
    }

    internal Notification(Guid userId, string title, string? body, string? link, string? category, DateTime createdAt, string? sourceKey = null,
        Guid? aboutId = null)
    {
        SourceKey = sourceKey;
        AboutId = aboutId;
        Id = Guid.CreateVersion7();
        UserId = userId;
        Title = title;
        Body = body;
        Link = link;
        Category = category;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The recipient; nobody else may see or change the notification.</summary>
    public Guid UserId { get; private set; }

    public string Title { get; private set; }

    public string? Body { get; private set; }

    /// <summary>A local URL inside eOffice (e.g. "/van-ban-den/…"), never an external address.</summary>
    public string? Link { get; private set; }

    /// <summary>Free grouping key set by the sending module, e.g. "documents", "tasks".</summary>
    public string? Category { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The event this notification answers (its id), when it was sent by an event subscriber: one per person.</summary>
    public string? SourceKey { get; private set; }

    /// <summary>
    /// The object the notification is about (a document, a task…), when it is about one: opening that object marks the
    /// person's notifications about it read (<see cref="INotificationReads"/>).
    /// </summary>
    public Guid? AboutId { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>Marks the notification read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime now) => ReadAt ??= now;

    /// <summary>True for a path on this site ("/x"), false for anything a browser could take elsewhere ("//host", "/\host", "http:").</summary>
    public static bool IsLocalLink(string link) =>
        link.Length > 0 && link[0] == '/' && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'))
        && !link.Any(char.IsControl);
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("platform_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.Category).HasMaxLength(Notification.CategoryMaxLength);
        builder.Ignore(n => n.IsRead);
        // A person's list (newest first) and their unread count.
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        builder.Property(n => n.SourceKey).HasMaxLength(Notification.SourceKeyMaxLength);
        builder.HasIndex(n => new { n.UserId, n.SourceKey }).IsUnique().HasFilter("source_key IS NOT NULL");
        // What a person's notifications say about one object, marked read when they open it.
        builder.HasIndex(n => new { n.UserId, n.AboutId });
    }
}
