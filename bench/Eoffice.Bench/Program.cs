using System.Diagnostics;
using System.Globalization;
using Eoffice.Bench;

// eOffice benchmarks. Not run by CI; results are recorded in docs/benchmarks.md.
// Usage: dotnet run -c Release --project bench/Eoffice.Bench -- audit [--entries N] [--runs R] [--postgres "<connection string>"]
var arguments = args.ToList();
if (arguments.Count == 0 || arguments[0] is "-h" or "--help")
{
    Console.WriteLine("""
        eOffice benchmarks
          audit [--entries 100000] [--runs 5] [--postgres "<server connection string>"]
              appends N audit entries through the real AuditLog (hash chain, locking) and times
              appends (per entry) and full-chain verification (per run); SQLite unless --postgres is given.
          incoming [--documents 1000000] [--staff 500] [--runs 20] [--postgres "<server connection string>"] [--keep <folder>] [--reuse]
              generates an agency's incoming documents (about 10 transfers and 11 access rows each) into a migrated
              database and times the lists, counts and register export; --keep keeps the database (SQLite folder, or
              PostgreSQL database named after the folder) and --reuse measures a kept one without generating;
              each list is timed --runs times (p95 of 100 runs is robust to a few slow ones), each export at most 10.
        """);
    return 0;
}

string Option(string name, string fallback)
{
    var index = arguments.IndexOf(name);
    return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : fallback;
}

switch (arguments[0])
{
    case "audit":
        await AuditBenchmark.RunAsync(
            int.Parse(Option("--entries", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture),
            Option("--postgres", string.Empty));
        return 0;
    case "incoming":
        await IncomingBenchmark.RunAsync(
            int.Parse(Option("--documents", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--staff", "500"), CultureInfo.InvariantCulture),
            int.Parse(Option("--runs", "20"), CultureInfo.InvariantCulture),
            Option("--postgres", string.Empty),
            Option("--keep", string.Empty) is { Length: > 0 } keep ? keep : null,
            arguments.Contains("--reuse"));
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{arguments[0]}'.");
        return 2;
}

namespace Eoffice.Bench
{
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
}
