using Eoffice.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Eoffice.UnitTests.Platform.Data;

public sealed class DatabaseConnectionGateTests
{
    [Fact]
    public void A_postgres_connection_string_without_a_pool_size_gets_the_default_pool_and_keeps_the_rest()
    {
        var completed = new NpgsqlConnectionStringBuilder(
            DatabaseOptions.PostgresConnectionString("Host=127.0.0.1;Database=eoffice;Username=eoffice;Password=secret"));

        Assert.Equal(DatabaseOptions.DefaultPostgresMaxPoolSize, completed.MaxPoolSize);
        Assert.Equal(20, completed.MaxPoolSize);
        Assert.Equal(("127.0.0.1", "eoffice", "eoffice", "secret"), (completed.Host, completed.Database, completed.Username, completed.Password));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50", 50)]
    [InlineData("Host=db;MaxPoolSize=100", 100)]
    [InlineData("Host=db;maximum pool size=5", 5)]
    public void A_pool_size_the_connection_string_sets_is_kept_as_it_is(string configured, int size)
    {
        var kept = DatabaseOptions.PostgresConnectionString(configured);

        Assert.Equal(configured, kept);
        Assert.Equal(size, new NpgsqlConnectionStringBuilder(kept).MaxPoolSize);
    }

    [Fact]
    public async Task An_opener_waits_in_line_when_every_place_is_taken_and_goes_in_when_one_is_given_back()
    {
        var gate = new DatabaseConnectionGate(2, TimeSpan.FromSeconds(30), TimeProvider.System);
        await gate.EnterAsync(CancellationToken.None);
        await gate.EnterAsync(CancellationToken.None);

        var third = gate.EnterAsync(CancellationToken.None).AsTask();
        await WaitUntilAsync(() => gate.Now().Waiting == 1);
        Assert.False(third.IsCompleted);
        Assert.Equal(new DatabaseConnectionGate.Snapshot(2, 2, 1, 0, null), gate.Now());

        gate.Leave();
        await third;
        Assert.Equal(new DatabaseConnectionGate.Snapshot(2, 2, 0, 0, null), gate.Now());
    }

    [Fact]
    public async Task An_opener_that_waits_the_whole_wait_is_refused_as_busy_and_the_refusal_is_counted()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var gate = new DatabaseConnectionGate(1, TimeSpan.FromMilliseconds(50), clock);
        await gate.EnterAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DatabaseBusyException>(() => gate.EnterAsync(CancellationToken.None).AsTask());
        Assert.Throws<DatabaseBusyException>(gate.Enter);

        Assert.Contains("All 1 database connections", refused.Message);
        Assert.Equal(new DatabaseConnectionGate.Snapshot(1, 1, 0, 2, clock.GetUtcNow()), gate.Now());
    }

    [Fact]
    public async Task The_gate_of_sqlite_is_open()
    {
        var gate = new DatabaseConnectionGate(null, TimeSpan.FromMilliseconds(1), TimeProvider.System);
        for (var i = 0; i < 1000; i++)
        {
            await gate.EnterAsync(CancellationToken.None);
        }

        Assert.Equal(new DatabaseConnectionGate.Snapshot(null, 0, 0, 0, null), gate.Now());
    }

    [Fact]
    public void A_full_pool_a_server_out_of_connections_and_a_locked_sqlite_file_are_busy_other_failures_are_not()
    {
        Assert.True(DatabaseBusyException.IsBusy(new DatabaseBusyException("full")));
        Assert.True(DatabaseBusyException.IsBusy(new InvalidOperationException("wrapped", new PostgresException("too many", "FATAL", "FATAL", "53300"))));
        Assert.True(DatabaseBusyException.IsBusy(new PostgresException("starting up", "FATAL", "FATAL", "57P03")));
        Assert.True(DatabaseBusyException.IsBusy(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseBusyException.IsBusy(new SqliteException("database table is locked", 6)));

        Assert.False(DatabaseBusyException.IsBusy(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
        Assert.False(DatabaseBusyException.IsBusy(new SqliteException("constraint failed", 19)));
        Assert.False(DatabaseBusyException.IsBusy(new TimeoutException()));
    }

    [Fact]
    public async Task A_connection_gives_its_place_back_however_it_ends_closed_disposed_or_failing_to_open()
    {
        var gate = new DatabaseConnectionGate(1, TimeSpan.FromMilliseconds(50), TimeProvider.System);
        var interceptor = new DatabaseConnectionGateInterceptor(gate);

        var connection = new SqliteConnection("Data Source=:memory:");
        await interceptor.ConnectionOpeningAsync(connection, null!, default);
        await connection.OpenAsync();
        Assert.Equal(1, gate.Now().InUse);
        await connection.CloseAsync();
        Assert.Equal(0, gate.Now().InUse);

        interceptor.ConnectionOpening(connection, null!, default);
        await connection.OpenAsync();
        await connection.DisposeAsync();
        Assert.Equal(0, gate.Now().InUse);

        var unreachable = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.db")};Mode=ReadOnly");
        await interceptor.ConnectionOpeningAsync(unreachable, null!, default);
        await Assert.ThrowsAsync<SqliteException>(unreachable.OpenAsync);
        await interceptor.ConnectionFailedAsync(unreachable, null!);
        Assert.Equal(0, gate.Now().InUse);
    }

    [Fact]
    public async Task An_opener_refused_at_the_gate_does_not_give_back_a_place_it_never_had()
    {
        var gate = new DatabaseConnectionGate(1, TimeSpan.FromMilliseconds(50), TimeProvider.System);
        var interceptor = new DatabaseConnectionGateInterceptor(gate);
        await using var holder = new SqliteConnection("Data Source=:memory:");
        await interceptor.ConnectionOpeningAsync(holder, null!, default);
        await holder.OpenAsync();

        await using var refused = new SqliteConnection("Data Source=:memory:");
        await Assert.ThrowsAsync<DatabaseBusyException>(() => interceptor.ConnectionOpeningAsync(refused, null!, default).AsTask());
        await interceptor.ConnectionFailedAsync(refused, null!); // EF reports the refusal as a failed open

        Assert.Equal(1, gate.Now().InUse);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
