using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// A side effect to carry out after a change commits (push a notification, start routing a registered document,
/// send an e-mail). It is written in the same transaction as the change, so a rolled-back change never has a side
/// effect and a committed one always does, at least once: handlers must tolerate a repeat.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = Payload = string.Empty;
    }

    internal OutboxMessage(string type, string payload, DateTime createdAt)
    {
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
        AvailableAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>The registered name of the message type, e.g. "notifications.created" (never a CLR type name).</summary>
    public string Type { get; private set; }

    /// <summary>The message as JSON.</summary>
    public string Payload { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Earliest time of the next attempt (later after each failure).</summary>
    public DateTime AvailableAt { get; private set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Set when every handler succeeded; the message is then done.</summary>
    public DateTime? ProcessedAt { get; private set; }

    /// <summary>Set when the message failed <c>Jobs:MaxAttempts</c> times: it waits for an administrator's retry.</summary>
    public DateTime? FailedAt { get; private set; }

    /// <summary>The error of the latest failed attempt, for administrators.</summary>
    public string? LastError { get; private set; }

    /// <summary>The node holding the message while it is being handled.</summary>
    public string? LockedBy { get; private set; }

    /// <summary>End of the holding node's lease; after it, another node may take the message over.</summary>
    public DateTime? LockedUntil { get; private set; }

    public bool IsDead => FailedAt is not null;

    internal void Lease(string node, DateTime until)
    {
        LockedBy = node;
        LockedUntil = until;
    }

    /// <summary>An administrator gives a dead message a fresh set of attempts, starting now.</summary>
    public void Retry(DateTime now)
    {
        if (FailedAt is null)
        {
            throw new InvalidOperationException("Only a message that failed for good can be retried.");
        }

        FailedAt = null;
        Attempts = 0;
        AvailableAt = now;
        LockedBy = null;
        LockedUntil = null;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("platform_outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(4000);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Ignore(m => m.IsDead);
        // The claim query: not processed, not dead, due; ordered by due time.
        builder.HasIndex(m => new { m.ProcessedAt, m.FailedAt, m.AvailableAt });
    }
}
