using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A clock a test moves by hand (idle sessions, lockout expiry, inactivity, delegation end). Only "now" is
/// replaced: timers and delays still run on real time, so background workers keep polling normally.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public ManualClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now = now.Add(by);

    public void Set(DateTimeOffset to) => now = to;
}

/// <summary>The SQLite app with a <see cref="ManualClock"/> in place of the system clock.</summary>
public class ClockedSqliteApp : SqliteApp
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

/// <summary>The PostgreSQL app with a <see cref="ManualClock"/> in place of the system clock.</summary>
public class ClockedPostgresApp : PostgresApp
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}
