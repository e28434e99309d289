using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>A published event: its declared name and its message.</summary>
public sealed record OutboxEvent(string Name, object Message);

/// <summary>
/// An entity whose insertion is an event other modules hear about (a handling tree's timeline entry: "registered",
/// "forwarded", "finished"…). Whatever saves it — every handler's unit of work — publishes the event in the same
/// transaction, so no handler calls a consumer and none can forget to publish.
/// </summary>
public interface IOutboxEventSource
{
    OutboxEvent ToOutboxEvent();
}

/// <summary>
/// The event seam in the commit path: on every save, each added <see cref="IOutboxEventSource"/> becomes an outbox
/// message in the same transaction (committed or rolled back with the change), and the dispatcher is woken.
/// </summary>
public sealed class OutboxEventInterceptor(OutboxTypeRegistry registry, OutboxSignal signal, TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Publish(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Publish(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<IOutboxEventSource>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var source in added)
        {
            var published = source.ToOutboxEvent();
            var type = registry.Event(published.Name, published.Message.GetType());
            context.Add(new OutboxMessage(type.Name, System.Text.Json.JsonSerializer.Serialize(published.Message, published.Message.GetType(),
                OutboxTypeRegistry.JsonOptions), now));
        }

        signal.Signal.Set();
    }
}
