using System.Diagnostics;
using System.Globalization;

namespace Eoffice.Bench;

/// <summary>
/// The agency the data benchmarks generate: <see cref="Staff"/> people in units of <see cref="UnitSize"/> — unit 0 the
/// leadership (director, deputies), unit 1 the office (its chief, the clerks), the others departments, each led by its
/// first person (and deputy head, the second), the rest specialists. Ids are deterministic, so that a kept database can
/// be measured again with the same viewers.
/// </summary>
internal sealed record BenchAgency(int Staff, int Units)
{
    public const int UnitSize = 25;

    public static readonly Guid AgencyId = Guid.Parse("0a000000-0000-0000-0000-000000000001");

    public static BenchAgency Of(int staff) => new(staff, Math.Max(4, staff / UnitSize));

    public Guid User(int index) => new($"{0xA0000000 + index:x8}-0000-7000-8000-000000000000");

    public Guid Unit(int index) => new($"{0xB0000000 + index:x8}-0000-7000-8000-000000000000");

    public int Head(int unit) => unit * UnitSize;

    public int DeputyHead(int unit) => unit * UnitSize + 1;

    public int Specialist(int unit, int n) => unit * UnitSize + 2 + (n % (UnitSize - 2));

    public int Director => 0;

    public int Deputy => 1;

    public int OfficeChief => UnitSize;

    public int Clerk => UnitSize + 2;

    /// <summary>The office's second clerk.</summary>
    public int SecondClerk => UnitSize + 3;

    /// <summary>The unit of person <paramref name="index"/>.</summary>
    public int UnitOf(int index) => index / UnitSize;

    /// <summary>The unit the benchmarks measure (its head, one of its specialists).</summary>
    public int MeasuredUnit => Math.Min(5, Units - 1);
}

/// <summary>Times a query the way docs/benchmarks.md reports it: 3 warm-up calls, then the timed runs; one table row printed.</summary>
internal sealed class BenchTimer(string provider, int runs)
{
    public async Task TimeAsync(string name, Func<Task<int>> action, int? repeat = null)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }

        var count = repeat ?? runs;
        var times = new List<double>(count);
        var rows = 0;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = await action();
            times.Add(Stats.Elapsed(watch));
        }

        Console.WriteLine($"| {provider} | {name} | {rows} | {Stats.Describe(times)} |");
    }
}

/// <summary>Median and 95th percentile of a list of timings, as reported in docs/benchmarks.md.</summary>
internal static class Stats
{
    public static string Describe(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Length} median={Percentile(0.5):F3} ms p95={Percentile(0.95):F3} ms max={sorted[^1]:F3} ms");
    }

    public static double Elapsed(Stopwatch watch) => watch.Elapsed.TotalMilliseconds;
}
