using System.Text.Json;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// A message type known to the outbox under a stable name. The name, not the CLR type, is stored, so classes can be
/// renamed or moved without breaking messages already waiting in the table.
/// </summary>
public sealed class OutboxMessageType
{
    private readonly Func<IServiceProvider, string, CancellationToken, Task> dispatch;

    private OutboxMessageType(string name, Type clrType, Func<IServiceProvider, string, CancellationToken, Task> dispatch)
    {
        Name = name;
        ClrType = clrType;
        this.dispatch = dispatch;
    }

    public string Name { get; }

    public Type ClrType { get; }

    public static OutboxMessageType Create<TMessage>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 200)
        {
            throw new ArgumentException("An outbox message type name has at most 200 characters.", nameof(name));
        }

        return new OutboxMessageType(name, typeof(TMessage), DispatchAsync<TMessage>);
    }

    /// <summary>Reads the payload and runs every registered handler of the type, in order, in the given scope.</summary>
    public Task DispatchAsync(IServiceProvider scope, string payload, CancellationToken cancellationToken) =>
        dispatch(scope, payload, cancellationToken);

    private static async Task DispatchAsync<TMessage>(IServiceProvider scope, string payload, CancellationToken cancellationToken)
    {
        var message = JsonSerializer.Deserialize<TMessage>(payload, OutboxTypeRegistry.JsonOptions)
            ?? throw new InvalidOperationException("The outbox payload is null.");
        var handlers = scope.GetServices<IOutboxHandler<TMessage>>().ToList();
        if (handlers.Count == 0)
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
}
