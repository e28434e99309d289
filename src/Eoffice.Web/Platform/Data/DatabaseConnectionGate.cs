using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Eoffice.Web.Platform.Data;

/// <summary>
/// The node's limit on PostgreSQL connections in use at once (ADR 0019): as many as its pool holds. Every connection EF
/// opens takes a place first, and gives it back when it closes; when every place is taken, the opener waits in line
/// for at most <see cref="DatabaseOptions.ConnectionWaitTimeout"/>, then gets a <see cref="DatabaseBusyException"/>
/// (answered 503 with Retry-After). The line is counted, so that readiness can say the node is saturated without asking
/// for a connection itself. On SQLite there is no server to run out of connections: the gate is open.
/// </summary>
public sealed class DatabaseConnectionGate
{
    /// <summary>How long readiness reports the pool exhausted after a wait timed out.</summary>
    public static readonly TimeSpan ExhaustionWindow = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim? places;
    private readonly TimeProvider time;
    private int waiting;
    private long timeouts;
    private long lastTimeoutTicks;

    public DatabaseConnectionGate(int? capacity, TimeSpan waitTimeout, TimeProvider time)
    {
        Capacity = capacity;
        WaitTimeout = waitTimeout;
        this.time = time;
        places = capacity is { } size ? new SemaphoreSlim(size, size) : null;
    }

    /// <summary>The gate of this node's configuration: the pool size of the PostgreSQL connection string, open on SQLite.</summary>
    public static DatabaseConnectionGate For(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var capacity = options.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(PostgresConnectionString(services.GetRequiredService<IConfiguration>())).MaxPoolSize
            : (int?)null;
        return new DatabaseConnectionGate(capacity, options.ConnectionWaitTimeout, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>The configured PostgreSQL connection string with the default pool size applied.</summary>
    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres") is { } configured && !string.IsNullOrWhiteSpace(configured)
            ? DatabaseOptions.PostgresConnectionString(configured)
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");

    /// <summary>Places in all, or null when the gate is open (SQLite).</summary>
    public int? Capacity { get; }

    public TimeSpan WaitTimeout { get; }

    public Snapshot Now()
    {
        var last = Interlocked.Read(ref lastTimeoutTicks);
        return new Snapshot(Capacity, places is null ? 0 : Capacity!.Value - places.CurrentCount, Volatile.Read(ref waiting),
            Interlocked.Read(ref timeouts), last == 0 ? null : new DateTimeOffset(last, TimeSpan.Zero));
    }

    internal async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        if (places is null || places.Wait(0, CancellationToken.None))
        {
            return;
        }

        Interlocked.Increment(ref waiting);
        bool entered;
        try
        {
            entered = await places.WaitAsync(WaitTimeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        if (!entered)
        {
            throw TimedOut();
        }
    }

    internal void Enter()
    {
        if (places is null || places.Wait(0, CancellationToken.None))
        {
            return;
        }

        Interlocked.Increment(ref waiting);
        bool entered;
        try
        {
            entered = places.Wait(WaitTimeout);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        if (!entered)
        {
            throw TimedOut();
        }
    }

    internal void Leave() => places?.Release();

    private DatabaseBusyException TimedOut()
    {
        Interlocked.Increment(ref timeouts);
        Interlocked.Exchange(ref lastTimeoutTicks, time.GetUtcNow().UtcTicks);
        return new DatabaseBusyException(
            $"All {Capacity} database connections of this node stayed in use for {WaitTimeout.TotalSeconds:0.#} s; the query was not run.");
    }

    /// <param name="Capacity">Places in all (null: open).</param>
    /// <param name="InUse">Connections open now.</param>
    /// <param name="Waiting">Openers waiting in line now.</param>
    /// <param name="TimedOut">Waits that timed out since the node started.</param>
    /// <param name="LastTimedOutAt">When the last one did.</param>
    public sealed record Snapshot(int? Capacity, int InUse, int Waiting, long TimedOut, DateTimeOffset? LastTimedOutAt);
}

/// <summary>
/// Takes a place in the <see cref="DatabaseConnectionGate"/> before EF opens a connection and gives it back when the
/// connection closes, however it closes (EF's close, a disposed context, a failed open).
/// </summary>
public sealed class DatabaseConnectionGateInterceptor(DatabaseConnectionGate gate) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<DbConnection, Place> held = [];

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(cancellationToken);
        Hold(connection);
        return result;
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Enter();
        Hold(connection);
        return result;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => GiveBack(connection);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(connection);
        return Task.CompletedTask;
    }

    private void Hold(DbConnection connection)
    {
        var place = new Place(gate, connection, held);
        held.AddOrUpdate(connection, place);
        connection.StateChange += place.OnStateChange;
    }

    private void GiveBack(DbConnection connection)
    {
        // A failed open leaves the connection closed; a failed close of an open one is given back when it does close.
        if (connection.State != ConnectionState.Open && held.TryGetValue(connection, out var place))
        {
            place.Release();
        }
    }

    private sealed class Place(DatabaseConnectionGate gate, DbConnection connection, ConditionalWeakTable<DbConnection, Place> held)
    {
        private int released;

        public void OnStateChange(object? sender, StateChangeEventArgs e)
        {
            if (e.CurrentState == ConnectionState.Closed)
            {
                Release();
            }
        }

        public void Release()
        {
            if (Interlocked.Exchange(ref released, 1) != 0)
            {
                return;
            }

            connection.StateChange -= OnStateChange;
            held.TryGetValue(connection, out var current);
            if (ReferenceEquals(current, this))
            {
                held.Remove(connection);
            }

            gate.Leave();
        }
    }
}

/// <summary>
/// The database could not take the request now: every connection of the node stayed in use for the whole wait, the
/// server refused a new connection (too many clients), or SQLite's write lock stayed taken for its whole busy timeout.
/// What needed the database was not done (a write's transaction never began, or was rolled back); it is answered 503
/// with Retry-After, never 500.
/// </summary>
public sealed class DatabaseBusyException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Seconds a client should wait before trying again (the Retry-After header).</summary>
    public const int RetryAfterSeconds = 5;

    public const string Title = "Hệ thống đang bận vì có quá nhiều yêu cầu cùng lúc. Vui lòng thử lại sau ít giây.";

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Whether <paramref name="exception"/>, or one it wraps (EF wraps a failed save), says the database is busy.</summary>
    public static bool IsBusy(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DatabaseBusyException
                || current is PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow }
                || current is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }
}
