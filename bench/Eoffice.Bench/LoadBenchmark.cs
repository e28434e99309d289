using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Eoffice.Bench;

/// <summary>
/// Simulated people of the demo agency against one running eOffice node, over HTTP only, as their browsers would ask
/// (docs/benchmarks.md, "Load: simulated users"). Each signs in once through the sign-in API with a demo account — the
/// sign-ins spread evenly over the ramp — then, until the end, loops: an inbox tab (the page), the tab counts (the API
/// the page refreshes them from), a document of the list (the page); clerks now and then register a document and
/// present it, leaders forward one from their "Chờ xử lý". Between two requests a person thinks for
/// 0.5–1.5 × <c>--think</c> (uniform). Only requests started in the measured window (after the ramp) count.
/// </summary>
internal static partial class LoadBenchmark
{
    public sealed record Settings(Uri Url, int Users, int Seconds, int RampSeconds, int ThinkMilliseconds, int Documents, string Password);

    private enum Part
    {
        Clerk,
        OfficeChief,
        AgencyLeader,
        UnitHead,
        Specialist,
    }

    /// <summary>The demo agency's accounts (README, "Demo sign-in") but the administrator, and what each does in the loop.</summary>
    private static readonly (string UserName, Part Part)[] Accounts =
    [
        ("nvan", Part.AgencyLeader), ("ttbhanh", Part.AgencyLeader), ("pqkhanh", Part.AgencyLeader),
        ("lttha", Part.OfficeChief), ("hmtuan", Part.OfficeChief), ("dtmai", Part.Clerk),
        ("vdthang", Part.UnitHead), ("ntlan", Part.Specialist), ("dddat", Part.UnitHead), ("bthnhung", Part.UnitHead),
        ("nvana", Part.Specialist), ("ttthuong", Part.Specialist), ("pvhung", Part.UnitHead), ("ltnanh", Part.UnitHead),
        ("cxtruong", Part.Specialist), ("dtyen", Part.Specialist), ("tqhuy", Part.Specialist), ("mvlong", Part.UnitHead),
        ("ntkoanh", Part.UnitHead), ("hvson", Part.Specialist), ("ltphuong", Part.Specialist), ("tcdinh", Part.UnitHead),
        ("ktloan", Part.Clerk), ("dvnam", Part.Specialist), ("ltthao", Part.Specialist),
    ];

    /// <summary>Chance, per loop, that a clerk registers (and presents) a document, and that a leader forwards one.</summary>
    private const double RegisterChance = 0.15;
    private const double ForwardChance = 0.3;

    private const string SignInKind = "sign-in";
    private const string TokenKind = "antiforgery-token";
    private const string RegistersKind = "registers";

    /// <summary>What every person does once, in the ramp; reported apart from the measured window.</summary>
    private static readonly string[] RampKinds = [SignInKind, TokenKind, RegistersKind];

    private static readonly string[] OtherTabs = ["dang-xu-ly", "da-xu-ly", "nhan-de-biet"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int codeNumber = Random.Shared.Next(100_000, 900_000);

    public static async Task<int> RunAsync(Settings settings)
    {
        var run = new Run(settings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eOffice load: {settings.Users} users against {settings.Url} for {settings.Seconds} s after a {settings.RampSeconds} s ramp, think 0.5–1.5 × {settings.ThinkMilliseconds} ms"));
        var seeded = Stopwatch.StartNew();
        await run.SeedAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {settings.Documents} documents (registered by dtmai, passed on by lttha, nvan and the department heads) in {seeded.Elapsed.TotalSeconds:0.0} s"));
        await run.SimulateAsync();
        run.Report(Console.Out);
        return run.ServerErrors == 0 && run.TransportErrors == 0 ? 0 : 1;
    }

    [GeneratedRegex("href=\"/van-ban-den/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"")]
    private static partial Regex DocumentLink();

    private sealed class Person(string userName, Part part, HttpClient client)
    {
        public string UserName => userName;

        public Part Part => part;

        public HttpClient Client => client;

        public string? Token { get; set; }

        public Guid? RegisterId { get; set; }
    }

    private sealed class Kind
    {
        private readonly List<double> milliseconds = [];

        public int Ok { get; private set; }

        public int Redirects { get; private set; }

        public int ClientErrors { get; private set; }

        public int ServerErrors { get; private set; }

        public int TransportErrors { get; private set; }

        public int Count => Ok + Redirects + ClientErrors + ServerErrors + TransportErrors;

        public void Answered(int status, double elapsed)
        {
            lock (milliseconds)
            {
                milliseconds.Add(elapsed);
                switch (status)
                {
                    case >= 500: ServerErrors++; break;
                    case >= 400: ClientErrors++; break;
                    case >= 300: Redirects++; break;
                    default: Ok++; break;
                }
            }
        }

        public void Failed()
        {
            lock (milliseconds)
            {
                TransportErrors++;
            }
        }

        public (double P50, double P95, double P99, double Max) Percentiles()
        {
            lock (milliseconds)
            {
                if (milliseconds.Count == 0)
                {
                    return (0, 0, 0, 0);
                }

                var sorted = milliseconds.Order().ToArray();
                double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
                return (At(0.50), At(0.95), At(0.99), sorted[^1]);
            }
        }
    }

    private sealed class Run(Settings settings)
    {
        private readonly ConcurrentDictionary<string, Kind> kinds = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> samples = new();
        private readonly ConcurrentDictionary<string, int> transportMessages = new(StringComparer.Ordinal);
        private DateTime windowStart = DateTime.MaxValue;
        private DateTime windowEnd = DateTime.MaxValue;
        private string loadAtStart = string.Empty;
        private string loadAtEnd = string.Empty;

        public int ServerErrors => kinds.Values.Sum(k => k.ServerErrors);

        public int TransportErrors => kinds.Values.Sum(k => k.TransportErrors);

        /// <summary>
        /// Before the clock starts, the documents every list shows: the clerk registers <see cref="Settings.Documents"/> and
        /// presents them to the chief of office, who passes two in three up to the director, who assigns two in three of
        /// those to a department, whose head assigns two in three of his to one of his people.
        /// </summary>
        public async Task SeedAsync()
        {
            var documents = new List<Guid>();
            await AsAsync("dtmai", Part.Clerk, async clerk =>
            {
                for (var i = 0; i < settings.Documents; i++)
                {
                    if (await RegisterAndPresentAsync(clerk, record: false) is { } id)
                    {
                        documents.Add(id);
                    }
                }
            });
            var passedUp = await ForwardSomeAsync("lttha", Part.OfficeChief, documents);
            await ForwardSomeAsync("nvan", Part.AgencyLeader, passedUp);
            foreach (var (head, _) in Accounts.Where(a => a.Part == Part.UnitHead))
            {
                await AsAsync(head, Part.UnitHead, async person =>
                {
                    var (_, list) = await SendAsync(person, "seed", HttpMethod.Get, "/api/v1/documents/incoming?box=cho-xu-ly&pageSize=50", record: false);
                    var pending = list is null ? [] : JsonDocument.Parse(list).RootElement.GetProperty("items").EnumerateArray()
                        .Select(i => i.GetProperty("documentId").GetGuid()).ToList();
                    await ForwardSomeAsync(person, pending);
                });
            }
        }

        private async Task<List<Guid>> ForwardSomeAsync(string userName, Part part, List<Guid> documents)
        {
            var forwarded = new List<Guid>();
            await AsAsync(userName, part, async person => forwarded = await ForwardSomeAsync(person, documents));
            return forwarded;
        }

        /// <summary>Forwards two in three of <paramref name="documents"/> (unmeasured).</summary>
        private async Task<List<Guid>> ForwardSomeAsync(Person person, List<Guid> documents)
        {
            var forwarded = new List<Guid>();
            foreach (var document in documents.Where((_, i) => i % 3 != 2))
            {
                if (await ForwardAsync(person, document, record: false))
                {
                    forwarded.Add(document);
                }
            }

            return forwarded;
        }

        private async Task AsAsync(string userName, Part part, Func<Person, Task> work)
        {
            using var client = NewClient();
            var person = new Person(userName, part, client);
            if (!await SignInAsync(person, record: false))
            {
                throw new InvalidOperationException($"Cannot sign in as {userName} at {settings.Url}: is the node running in demo mode?");
            }

            await work(person);
        }

        public async Task SimulateAsync()
        {
            var start = DateTime.UtcNow;
            windowStart = start.AddSeconds(settings.RampSeconds);
            windowEnd = windowStart.AddSeconds(settings.Seconds);
            var people = Enumerable.Range(0, settings.Users).Select(i => PersonAsync(i, start)).ToList();
            var measuring = Task.Run(async () =>
            {
                await DelayUntilAsync(windowStart);
                loadAtStart = LoadAverage();
                while (DateTime.UtcNow < windowEnd)
                {
                    await Task.Delay(TimeSpan.FromSeconds(10));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {(DateTime.UtcNow - windowStart).TotalSeconds:0} s: {kinds.Where(k => !RampKinds.Contains(k.Key)).Sum(k => k.Value.Count)} requests, load {LoadAverage()}"));
                }

                loadAtEnd = LoadAverage();
            });
            await Task.WhenAll(people);
            await measuring;
        }

        private async Task PersonAsync(int index, DateTime start)
        {
            var (userName, part) = Accounts[index % Accounts.Length];
            await DelayUntilAsync(start.AddSeconds((double)settings.RampSeconds * index / settings.Users));
            using var client = NewClient();
            var person = new Person(userName, part, client);
            if (!await SignInAsync(person, record: true))
            {
                return;
            }

            while (DateTime.UtcNow < windowEnd)
            {
                await LoopAsync(person);
            }
        }

        /// <summary>One round of a person's work: a tab, the counts, a document; a clerk's registration or a leader's forward now and then.</summary>
        private async Task LoopAsync(Person person)
        {
            var box = Random.Shared.NextDouble() < 0.6 ? "cho-xu-ly"
                : person.Part == Part.Clerk && Random.Shared.NextDouble() < 0.5 ? "so-van-ban"
                : OtherTabs[Random.Shared.Next(OtherTabs.Length)];
            var (_, list) = await SendAsync(person, "inbox page", HttpMethod.Get, $"/van-ban-den?box={box}");
            await ThinkAsync();
            await SendAsync(person, "tab counts", HttpMethod.Get, "/api/v1/documents/incoming/counts");
            await ThinkAsync();
            var documents = list is null ? [] : DocumentLink().Matches(list).Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();
            if (documents.Count > 0)
            {
                var document = documents[Random.Shared.Next(documents.Count)];
                await SendAsync(person, "document page", HttpMethod.Get, $"/van-ban-den/{document}");
                await ThinkAsync();
                if (box == "cho-xu-ly" && (person.Part is Part.OfficeChief or Part.AgencyLeader or Part.UnitHead) && Random.Shared.NextDouble() < ForwardChance)
                {
                    await ForwardAsync(person, document, record: true);
                }
            }

            if (person.Part == Part.Clerk && Random.Shared.NextDouble() < RegisterChance)
            {
                await RegisterAndPresentAsync(person, record: true);
            }
        }

        /// <summary>
        /// Chuyển: the chief of office passes the document up to the director, the director assigns a department as lead,
        /// a department head a person of the department, each with the choices the recipient picker offers.
        /// </summary>
        private async Task<bool> ForwardAsync(Person person, Guid document, bool record)
        {
            var (status, body) = await SendAsync(person, "recipients", HttpMethod.Get, $"/api/v1/documents/incoming/{document}/recipients", record: record);
            await ThinkAsync(record);
            if (status != 200 || body is null)
            {
                return false;
            }

            var (group, role, days) = person.Part switch
            {
                Part.OfficeChief => ("Lãnh đạo cơ quan", "direct", (int?)null),
                Part.AgencyLeader => ("Đơn vị", "lead", 10),
                _ => ("Cán bộ trong đơn vị", "lead", 10),
            };
            var options = JsonDocument.Parse(body).RootElement.GetProperty("groups").EnumerateArray()
                .Where(g => g.GetProperty("name").GetString() == group)
                .SelectMany(g => g.GetProperty("options").EnumerateArray())
                .Select(o => (Kind: o.GetProperty("kind").GetString(), Id: o.GetProperty("id").GetGuid()))
                .ToList();
            if (options.Count == 0)
            {
                return false;
            }

            var target = person.Part == Part.OfficeChief ? options[0] : options[Random.Shared.Next(options.Count)];
            var (forwarded, _) = await SendAsync(person, "forward", HttpMethod.Post, $"/api/v1/documents/incoming/{document}/forward", new
            {
                instruction = "Đề nghị xem xét, xử lý theo quy định.",
                targets = new[]
                {
                    new
                    {
                        userId = target.Kind == "person" ? target.Id : (Guid?)null,
                        unitId = target.Kind == "unit" ? target.Id : (Guid?)null,
                        role,
                        deadlineWorkingDays = days,
                    },
                },
            }, record);
            await ThinkAsync(record);
            return forwarded == 200;
        }

        /// <summary>Vào sổ (a paper document, warnings confirmed as the clerk would), then Trình to the first leader the route offers.</summary>
        private async Task<Guid?> RegisterAndPresentAsync(Person clerk, bool record)
        {
            if (clerk.RegisterId is null)
            {
                var (_, registers) = await SendAsync(clerk, RegistersKind, HttpMethod.Get, "/api/v1/documents/registers?mine=true", record: record);
                clerk.RegisterId = registers is null ? null : JsonDocument.Parse(registers).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).FirstOrDefault();
                if (clerk.RegisterId is null || clerk.RegisterId == Guid.Empty)
                {
                    return null;
                }
            }

            var number = Interlocked.Increment(ref codeNumber).ToString(CultureInfo.InvariantCulture);
            var (status, registered) = await SendAsync(clerk, "register", HttpMethod.Post, "/api/v1/documents/incoming", new
            {
                registerId = clerk.RegisterId,
                source = "paper",
                confidentiality = "none",
                confirmWarnings = true,
                document = new
                {
                    typeCode = "CV",
                    codeNumber = number,
                    codeNotation = "UBND-KT",
                    issuedDate = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    issuingOrganName = "Ủy ban nhân dân tỉnh Ninh Bình",
                    subject = $"V/v triển khai kế hoạch bảo trì đường bộ năm 2027 (số {number})",
                    pageAmount = 2,
                    signerPosition = "Chủ tịch",
                    signerFullName = "Phạm Quang Ngọc",
                    urgency = Random.Shared.NextDouble() < 0.1 ? "urgent" : "normal",
                },
            }, record);
            await ThinkAsync(record);
            if (status != 201 || registered is null)
            {
                return null;
            }

            var id = JsonDocument.Parse(registered).RootElement.GetProperty("id").GetGuid();
            var (_, choices) = await SendAsync(clerk, "recipients", HttpMethod.Get, $"/api/v1/documents/incoming/{id}/recipients?mode=present", record: record);
            var leader = choices is null ? null : JsonDocument.Parse(choices).RootElement.GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("options").EnumerateArray()).Select(o => (Guid?)o.GetProperty("id").GetGuid()).FirstOrDefault();
            if (leader is null)
            {
                return null;
            }

            var (presented, _) = await SendAsync(clerk, "present", HttpMethod.Post, $"/api/v1/documents/incoming/{id}/present", new { userId = leader }, record);
            await ThinkAsync(record);
            return presented == 200 ? id : null;
        }

        private async Task<bool> SignInAsync(Person person, bool record)
        {
            var (status, _) = await SendAsync(person, SignInKind, HttpMethod.Post, "/api/v1/auth/sign-in",
                new { userName = person.UserName, password = settings.Password }, record);
            if (status != 200)
            {
                return false;
            }

            // The token a page's script sends with its POSTs (X-CSRF-TOKEN), as the upload script gets it.
            var (_, token) = await SendAsync(person, TokenKind, HttpMethod.Get, "/api/v1/files/antiforgery-token", record: record);
            person.Token = token is null ? null : JsonDocument.Parse(token).RootElement.GetProperty("token").GetString();
            return true;
        }

        private static Task DelayUntilAsync(DateTime at) => at > DateTime.UtcNow ? Task.Delay(at - DateTime.UtcNow) : Task.CompletedTask;

        /// <summary>A person's pause between two requests; none while seeding.</summary>
        private Task ThinkAsync(bool thinking = true) =>
            thinking ? Task.Delay(TimeSpan.FromMilliseconds(settings.ThinkMilliseconds * (0.5 + Random.Shared.NextDouble()))) : Task.CompletedTask;

        /// <summary>
        /// One request as the person's browser (or the page's script) sends it. Counted when <paramref name="record"/> and
        /// started in the window — or of a ramp kind; the answer's body is returned for a success only.
        /// </summary>
        private async Task<(int Status, string? Body)> SendAsync(Person person, string kind, HttpMethod method, string path, object? body = null,
            bool record = true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Accept.ParseAdd(path.StartsWith("/api/", StringComparison.Ordinal) ? "application/json" : "text/html");
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: Json);
            }

            if (method != HttpMethod.Get && person.Token is { } token)
            {
                request.Headers.Add("X-CSRF-TOKEN", token);
            }

            var started = DateTime.UtcNow;
            var counted = record && (RampKinds.Contains(kind) || (started >= windowStart && started < windowEnd));
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await person.Client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (counted)
                {
                    kinds.GetOrAdd(kind, _ => new Kind()).Answered(status, watch.Elapsed.TotalMilliseconds);
                    if (status >= 400 && samples.Count < 20)
                    {
                        samples.Enqueue($"{kind} {method} {path} → {status}: {(text.Length > 300 ? text[..300] : text).ReplaceLineEndings(" ")}");
                    }
                }

                // Only a success's body is of use to the caller (a list, an id, a token).
                return (status, status is >= 200 and < 300 ? text : null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (counted)
                {
                    kinds.GetOrAdd(kind, _ => new Kind()).Failed();
                    transportMessages.AddOrUpdate($"{kind}: {e.GetType().Name}: {e.Message}", 1, (_, n) => n + 1);
                }

                return (0, null);
            }
        }

        private HttpClient NewClient() =>
            new(new SocketsHttpHandler
            {
                UseCookies = true,
                CookieContainer = new CookieContainer(),
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            {
                BaseAddress = settings.Url,
                Timeout = TimeSpan.FromSeconds(60),
            };

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        public void Report(TextWriter output)
        {
            var window = kinds.Where(k => !RampKinds.Contains(k.Key)).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
            var total = window.Sum(k => k.Value.Count);
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"load average (1/5/15 min) at the window's start: {loadAtStart}; at its end: {loadAtEnd}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"measured window: {settings.Seconds} s, {total} requests, {(double)total / settings.Seconds:0.0} requests/s; " +
                $"errors: {window.Sum(k => k.Value.ServerErrors)} HTTP 5xx, {window.Sum(k => k.Value.ClientErrors)} HTTP 4xx, " +
                $"{window.Sum(k => k.Value.TransportErrors)} transport");
            text.AppendLine();
            text.AppendLine("| Request | n | req/s | p50 ms | p95 ms | p99 ms | max ms | 2xx | 3xx | 4xx | 5xx | transport |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, kind) in window)
            {
                Row(name, kind, (double)kind.Count / settings.Seconds);
            }

            foreach (var name in RampKinds.Where(kinds.ContainsKey))
            {
                Row($"{name} (ramp)", kinds[name], null);
            }

            output.Write(text.ToString());
            if (!samples.IsEmpty)
            {
                output.WriteLine();
                output.WriteLine("first error answers:");
                foreach (var sample in samples)
                {
                    output.WriteLine("  " + sample);
                }
            }

            foreach (var (message, count) in transportMessages.OrderByDescending(m => m.Value).Take(10))
            {
                output.WriteLine($"  transport ×{count}: {message}");
            }

            void Row(string name, Kind kind, double? rate)
            {
                var (p50, p95, p99, max) = kind.Percentiles();
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {kind.Count} | {(rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {p50:0} | {p95:0} | {p99:0} | {max:0} | " +
                    $"{kind.Ok} | {kind.Redirects} | {kind.ClientErrors} | {kind.ServerErrors} | {kind.TransportErrors} |");
            }
        }
    }
}
