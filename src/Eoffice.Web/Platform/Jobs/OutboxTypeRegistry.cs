using System.Text.Json;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// A message type known to the outbox under a stable name. The name, not the CLR type, is stored, so classes can be
/// renamed or moved without breaking messages already waiting in the table.
/// </summary>
public sealed class OutboxMessageType
{
    private readonly Func<IServiceProvider, string, string, bool, CancellationToken, Task> dispatch;

    private OutboxMessageType(string name, Type clrType, bool isEvent, Func<IServiceProvider, string, string, bool, CancellationToken, Task> dispatch)
    {
        Name = name;
        ClrType = clrType;
        IsEvent = isEvent;
        this.dispatch = dispatch;
    }

    public string Name { get; }

    public Type ClrType { get; }

    /// <summary>
    /// An event (something that happened, published for whoever listens): it may have no subscriber yet, and one CLR
    /// type may carry many event names. A command-like message (push this notification) needs a handler.
    /// </summary>
    public bool IsEvent { get; }

    public static OutboxMessageType Create<TMessage>(string name) => Create<TMessage>(name, isEvent: false);

    public static OutboxMessageType CreateEvent<TMessage>(string name) => Create<TMessage>(name, isEvent: true);

    private static OutboxMessageType Create<TMessage>(string name, bool isEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 200)
        {
            throw new ArgumentException("An outbox message type name has at most 200 characters.", nameof(name));
        }

        return new OutboxMessageType(name, typeof(TMessage), isEvent, DispatchAsync<TMessage>);
    }

    /// <summary>
    /// Reads the payload and runs, in order and in the given scope, every handler of the type (commands) or every
    /// subscriber of the name (events).
    /// </summary>
    public Task DispatchAsync(IServiceProvider scope, string payload, CancellationToken cancellationToken) =>
        dispatch(scope, Name, payload, IsEvent, cancellationToken);

    private static async Task DispatchAsync<TMessage>(IServiceProvider scope, string name, string payload, bool isEvent, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<TMessage>(payload, OutboxTypeRegistry.JsonOptions)
            ?? throw new InvalidOperationException("The outbox payload is null.");
        var handlers = isEvent
            ? scope.GetKeyedServices<IOutboxHandler<TMessage>>(name).ToList()
            : scope.GetServices<IOutboxHandler<TMessage>>().ToList();
        if (handlers.Count == 0 && !isEvent)
        {
            throw new InvalidOperationException($"No handler is registered for outbox messages of type '{typeof(TMessage).Name}'.");
        }

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(message, cancellationToken);
        }
    }
}

/// <summary>All registered outbox message types, by name and by CLR type. Names and types must be unique.</summary>
public sealed class OutboxTypeRegistry
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, OutboxMessageType> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, OutboxMessageType> byType = [];

    public OutboxTypeRegistry(IEnumerable<OutboxMessageType> types)
    {
        foreach (var type in types)
        {
            if (type.IsEvent)
            {
                // Events are enqueued by name; many names may share one CLR type (a timeline's events).
                if (byName.TryGetValue(type.Name, out var named) && (named.ClrType != type.ClrType || !named.IsEvent))
                {
                    throw new InvalidOperationException($"Outbox message name '{type.Name}' is used by both {named.ClrType.Name} and {type.ClrType.Name}.");
                }

                byName[type.Name] = type;
                continue;
            }

            if (byType.TryGetValue(type.ClrType, out var existing))
            {
                if (existing.Name != type.Name)
                {
                    throw new InvalidOperationException(
                        $"Outbox message type {type.ClrType.Name} is registered under two names: '{existing.Name}' and '{type.Name}'.");
                }

                continue;
            }

            if (!byName.TryAdd(type.Name, type))
            {
                throw new InvalidOperationException(
                    $"Outbox message name '{type.Name}' is used by both {byName[type.Name].ClrType.Name} and {type.ClrType.Name}.");
            }

            byType[type.ClrType] = type;
        }
    }

    public IReadOnlyCollection<string> Names => byName.Keys;

    public OutboxMessageType For(Type clrType) =>
        byType.TryGetValue(clrType, out var type)
            ? type
            : throw new InvalidOperationException(
                $"{clrType.Name} is not a registered outbox message type; register it with AddOutboxHandler or AddOutboxMessage.");

    public bool TryGet(string name, out OutboxMessageType type) => byName.TryGetValue(name, out type!);

    /// <summary>The declared event <paramref name="name"/>, which must carry <paramref name="clrType"/>.</summary>
    public OutboxMessageType Event(string name, Type clrType) =>
        byName.TryGetValue(name, out var type) && type.IsEvent && type.ClrType == clrType
            ? type
            : throw new InvalidOperationException($"'{name}' is not a declared outbox event of type {clrType.Name}; declare it with AddOutboxEvent.");
}

/// <summary>How modules declare outbox message types and their handlers.</summary>
public static class OutboxRegistration
{
    /// <summary>
    /// Declares <typeparamref name="TMessage"/> under <paramref name="name"/> (stable, e.g. "documents.registered") and
    /// adds <typeparamref name="THandler"/> as a scoped handler. Several handlers may handle one type; a failure of
    /// any of them retries the message, so each must be safe to repeat.
    /// </summary>
    public static IServiceCollection AddOutboxHandler<TMessage, THandler>(this IServiceCollection services, string name)
        where THandler : class, IOutboxHandler<TMessage>
    {
        services.AddOutboxMessage<TMessage>(name);
        services.AddScoped<IOutboxHandler<TMessage>, THandler>();
        return services;
    }

    /// <summary>Declares a message type without adding a handler (another module adds it).</summary>
    public static IServiceCollection AddOutboxMessage<TMessage>(this IServiceCollection services, string name)
    {
        services.AddSingleton(OutboxMessageType.Create<TMessage>(name));
        return services;
    }

    /// <summary>
    /// Declares events a module publishes (names in its Contracts, e.g. "documents.incoming.forwarded"), all carried by
    /// <typeparamref name="TMessage"/>. An event may have no subscriber: it is then simply marked done.
    /// </summary>
    public static IServiceCollection AddOutboxEvents<TMessage>(this IServiceCollection services, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            services.AddSingleton(OutboxMessageType.CreateEvent<TMessage>(name));
        }

        return services;
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to the events <paramref name="names"/> (declared by the publishing
    /// module). It runs after the change that published the event committed, at least once: it must tolerate a repeat.
    /// </summary>
    public static IServiceCollection AddOutboxSubscriber<TMessage, THandler>(this IServiceCollection services, IEnumerable<string> names)
        where THandler : class, IOutboxHandler<TMessage>
    {
        foreach (var name in names)
        {
            services.AddKeyedScoped<IOutboxHandler<TMessage>, THandler>(name);
        }

        return services;
    }
}
