using System.Text.Json;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// Records side effects to run after the current change commits. Register the message type and its handler with
/// <see cref="OutboxRegistration.AddOutboxHandler{TMessage, THandler}"/>.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Adds the message to the request's unit of work (the scoped <see cref="EofficeDbContext"/>). Nothing is written
    /// until that unit of work saves: the message commits or rolls back with the change it belongs to.
    /// </summary>
    void Enqueue<TMessage>(TMessage message)
        where TMessage : notnull;

    /// <summary>
    /// Publishes the declared event <paramref name="name"/> (<see cref="OutboxRegistration.AddOutboxEvents{TMessage}"/>)
    /// carrying <paramref name="message"/>, in the request's unit of work like <see cref="Enqueue{TMessage}"/>: for
    /// changes whose event is not the insertion of an <see cref="IOutboxEventSource"/> (a row reaching a final state).
    /// </summary>
    void Publish(string name, object message);

    /// <summary>
    /// Whether the very same message (its type and content) waits or is being retried — saved, neither handled nor
    /// failed for good —, so that a command asked again ("gửi lại") is queued once.
    /// </summary>
    Task<bool> IsPendingAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : notnull;
}

/// <summary>Handles one message type after the change that enqueued it committed. Must be safe to run more than once.</summary>
public interface IOutboxHandler<in TMessage>
{
    /// <summary>Runs in its own DI scope. Throwing makes the message fail: it is retried with back-off.</summary>
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}

public sealed class Outbox : IOutbox
{
    private readonly EofficeDbContext db;
    private readonly OutboxTypeRegistry registry;
    private readonly TimeProvider time;
    private bool enqueued;

    public Outbox(EofficeDbContext db, OutboxTypeRegistry registry, TimeProvider time, OutboxSignal signal)
    {
        this.db = db;
        this.registry = registry;
        this.time = time;
        // Wake the dispatcher once the messages are saved. Inside an explicit transaction this is before the commit;
        // the dispatcher then simply finds nothing yet and the next poll picks the messages up.
        db.SavedChanges += (_, _) =>
        {
            if (enqueued)
            {
                enqueued = false;
                signal.Signal.Set();
            }
        };
    }

    public void Enqueue<TMessage>(TMessage message)
        where TMessage : notnull
    {
        var type = registry.For(typeof(TMessage));
        var payload = JsonSerializer.Serialize(message, OutboxTypeRegistry.JsonOptions);
        db.Add(new OutboxMessage(type.Name, payload, time.GetUtcNow().UtcDateTime));
        enqueued = true;
    }

    public Task<bool> IsPendingAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : notnull
    {
        var type = registry.For(typeof(TMessage)).Name;
        var payload = JsonSerializer.Serialize(message, OutboxTypeRegistry.JsonOptions);
        return db.Set<OutboxMessage>().AnyAsync(m => m.Type == type && m.Payload == payload && m.ProcessedAt == null && m.FailedAt == null, cancellationToken);
    }

    public void Publish(string name, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = registry.Event(name, message.GetType());
        db.Add(new OutboxMessage(type.Name, JsonSerializer.Serialize(message, message.GetType(), OutboxTypeRegistry.JsonOptions),
            time.GetUtcNow().UtcDateTime));
        enqueued = true;
    }
}
