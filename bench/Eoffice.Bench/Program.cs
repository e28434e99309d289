using System.Globalization;
using Eoffice.Bench;

// eOffice benchmarks. Not run by CI; results are recorded in docs/benchmarks.md.
// Usage: dotnet run -c Release --project bench/Eoffice.Bench -- <audit|incoming|outgoing|load|signing|reading> [options]; --help lists them.
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
          outgoing [--documents 300000] [--staff 500] [--runs 30] [--postgres "<server connection string>"] [--keep <folder>] [--reuse] [--verify]
              generates the same agency's outgoing documents through the real aggregate (drafted by specialists, submitted
              to the unit head, legal review, the agency leader's signature, numbered and issued by two clerks; returns,
              consultations, cancellations and withdrawals; the last 45 days' partly open) into a migrated database and
              times the five outgoing lists and their counts per person; --keep / --reuse as for incoming; --verify compares
              every list, page by page, and the counts with the lists computed in memory instead of timing them.
          load [--url http://127.0.0.1:5080] [--users 200] [--seconds 60] [--ramp users/2] [--think 1000] [--documents 60] [--password Eoffice@2026]
              seeds documents through the API (registered, then passed on down the agency), then simulates N people of
              the demo agency against a running node (docs/benchmarks.md, "Load"): each signs in once (spread evenly over
              the ramp: 2 sign-ins a second by default, at least 10 s), then loops inbox page, tab counts, document page,
              clerks registering and leaders forwarding now and then, thinking 0.5–1.5 × think ms between requests;
              prints requests/s, p50/p95/p99 per request kind and errors (HTTP 5xx, 4xx, transport) of the T seconds
              after the ramp.
              Exits 1 when there was any server or transport error.
          signing [--documents 1000] [--runs 50] [--large-mb 100] [--ec] [--only throughput|verify|memory]
              signs and verifies PDFs through the real signing code with a generated root CA and PKCS#12 signers (RSA 2048,
              or EC P-256 with --ec; no time-stamp, no CRL): throughput of N one-page PDFs signed to temp files with 1 and
              2 workers (invisible, visible seal, PKCS#12 loaded per signature); R verifications of a ~2 MB PDF signed
              twice; the peak working set, GC heap and allocations while signing a 1 MB and a large (default 100 MB)
              file written to disk in chunks. Every produced file checked is verified; a failure stops the benchmark.
          reading [--documents 36] [--workers 2] [--keep <folder>]
              renders the reading corpus (Decree 30 layouts of seven types from twelve authorities) as A4 scans, clean at
              300 dpi and degraded at 200 dpi (rotated, blurred, speckled), reads them with tesseract (vie, one thread per
              worker) and the incoming reader, and prints the accuracy of each proposed field and OCR pages/s; --keep keeps
              the PNGs and OCR texts.
          search [--documents 100000] [--staff 500] [--runs 50] [--indexing 5000] [--postgres "<server connection string>"] [--keep <folder>] [--reuse]
              writes N documents (realistic subjects, 1–3 pages of text) straight into the search index, then times the
              indexing of --indexing more through the real indexer, and the real query engine (two-word queries, number
              look-ups) as a specialist, a unit head and an agency leader.
          dossiers|cabinet [--documents 5000] [--files 10000] [--runs 100] [--postgres "<server connection string>"]
              hosts the app's services over a new database with the demo agency, files N incoming documents into one dossier
              and F files into one unit's cabinet folder, then times GetDossier (as the dossier page opens it) and the first
              page of GetCabinetFolder (by name, by date) as a specialist, the unit head and an agency leader.
        """);
    return 0;
}

string Option(string name, string fallback) => BenchSettings.Option(arguments, name, fallback);

switch (arguments[0])
{
    case "audit":
        await AuditBenchmark.RunAsync(
            int.Parse(Option("--entries", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture),
            Option("--postgres", string.Empty));
        return 0;
    case "incoming":
        await IncomingBenchmark.RunAsync(BenchSettings.Parse(arguments, documents: 1_000_000, runs: 20));
        return 0;
    case "outgoing":
        await OutgoingBenchmark.RunAsync(BenchSettings.Parse(arguments, documents: 300_000, runs: 30), arguments.Contains("--verify"));
        return 0;
    case "load":
        var users = int.Parse(Option("--users", "200"), CultureInfo.InvariantCulture);
        return await LoadBenchmark.RunAsync(new LoadBenchmark.Settings(
            new Uri(Option("--url", "http://127.0.0.1:5080")),
            users,
            int.Parse(Option("--seconds", "60"), CultureInfo.InvariantCulture),
            int.Parse(Option("--ramp", Math.Max(10, users / 2).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            int.Parse(Option("--think", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--documents", "60"), CultureInfo.InvariantCulture),
            Option("--password", "Eoffice@2026")));
    case "signing":
        await SigningBenchmark.RunAsync(new SigningBenchmark.Settings(
            int.Parse(Option("--documents", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Option("--runs", "50"), CultureInfo.InvariantCulture),
            int.Parse(Option("--large-mb", "100"), CultureInfo.InvariantCulture),
            arguments.Contains("--ec"),
            Option("--only", string.Empty)));
        return 0;
    case "reading":
        return await ReadingBenchmark.RunAsync(new ReadingBenchmark.Settings(
            int.Parse(Option("--documents", "36"), CultureInfo.InvariantCulture),
            int.Parse(Option("--workers", "2"), CultureInfo.InvariantCulture),
            arguments.Contains("--keep") ? Option("--keep", string.Empty) : null));
    case "search":
        await SearchBenchmark.RunAsync(BenchSettings.Parse(arguments, documents: 100_000, runs: 50),
            int.Parse(Option("--indexing", "5000"), CultureInfo.InvariantCulture));
        return 0;
    case "dossiers":
    case "cabinet":
        await DossierCabinetBenchmark.RunAsync(BenchSettings.Parse(arguments, documents: 5_000, runs: 100),
            int.Parse(Option("--files", "10000"), CultureInfo.InvariantCulture));
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{arguments[0]}'.");
        return 2;
}

