using System.Globalization;
using System.Text;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Eoffice.Web.Platform.Web;

public static class HealthTags
{
    /// <summary>Checks that must pass before the node takes traffic: database, file store, workers.</summary>
    public const string Ready = "ready";
}

/// <summary>
/// Readiness of the database. On PostgreSQL the node's connection gate (ADR 0019) is read first, without taking a
/// connection: a wait for a connection that timed out in the last 30 s makes the node unhealthy (503, so that a load
/// balancer sends its traffic elsewhere for a while); every connection in use with requests waiting for one makes it
/// degraded (still 200: the requests are served, later). Otherwise a connection must open.
/// </summary>
public sealed class DatabaseHealthCheck(EofficeDbContext db, DatabaseConnectionGate gate, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pool = gate.Now();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (pool.Capacity is { } capacity)
        {
            data["connections"] = capacity;
            data["inUse"] = pool.InUse;
            data["waiting"] = pool.Waiting;
            data["timedOutWaits"] = pool.TimedOut;
            if (pool.LastTimedOutAt is { } last && time.GetUtcNow() - last is var since && since < DatabaseConnectionGate.ExhaustionWindow)
            {
                return HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture,
                    $"Database connection pool exhausted: {since.TotalSeconds:0} s ago a request waited {gate.WaitTimeout.TotalSeconds:0.#} s " +
                    $"for one of the {capacity} connections and was answered 503 ({pool.TimedOut} since start); {pool.InUse} in use, {pool.Waiting} waiting."),
                    data: data);
            }

            if (pool.Waiting > 0)
            {
                return HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                    $"Database connection pool saturated: all {capacity} connections in use, {pool.Waiting} request(s) waiting for one."), data: data);
            }
        }

        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy(data: data)
                : HealthCheckResult.Unhealthy("Cannot connect to the database.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database check failed.", ex, data);
        }
    }
}

/// <summary>
/// The readiness answer as plain text: the overall status on the first line ("Healthy" alone when all is well), then
/// one line with the reason of each check that is not healthy.
/// </summary>
public static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" — ")
                .Append(entry.Description ?? entry.Exception?.Message ?? "no reason given");
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
