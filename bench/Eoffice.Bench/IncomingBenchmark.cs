using System.Diagnostics;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Time;
using Microsoft.Extensions.Options;

namespace Eoffice.Bench;

/// <summary>
/// A realistic agency's incoming documents — staff in units, years of documents, each handled through a tree of about
/// ten transfers (clerk → chief of office → director → lead and support units → their specialists, with people informed),
/// most finished, the last month's partly open and some overdue — written straight into a database made by the app's
/// own migrations (SQLite: one transaction of prepared inserts with synchronous=OFF; PostgreSQL: binary COPY); then the
/// inbox, overdue, tracking and register queries timed through the real <see cref="ListIncoming"/>,
/// <see cref="CountIncoming"/> and <see cref="IncomingRegisterQuery"/>.
/// </summary>
internal static class IncomingBenchmark
{
    private static readonly Guid AgencyId = BenchAgency.AgencyId;
    private static readonly Guid RegisterId = Guid.Parse("0b000000-0000-0000-0000-000000000001");

    public static async Task RunAsync(BenchSettings settings)
    {
        var org = BenchAgency.Of(settings.Staff);
        await using var bench = await BenchDatabase.OpenAsync(settings);
        if (bench.IsNew)
        {
            var watch = Stopwatch.StartNew();
            var counts = await GenerateAsync(bench, org, settings.Documents);
            Console.WriteLine($"generated ({bench.Provider}): {counts.Documents:N0} documents, {counts.Assignments:N0} assignments, {counts.Access:N0} access rows, {settings.Staff} staff in {org.Units} units in {watch.Elapsed.TotalSeconds:F0} s");
            await bench.AnalyzeAsync();
        }

        await MeasureAsync(bench, org, settings.Runs);
    }

    // ---- generation ------------------------------------------------------------------------------------------------

    private sealed record Generated(long Documents, long Assignments, long Access);

    internal static readonly string[] DocumentColumns =
    [
        "id", "agency_id", "register_id", "year", "arrival_number", "arrival_at", "source", "status", "registered_at", "registered_by_id",
        "registered_by_name", "type_code", "type_name", "code_number", "code_notation", "issuing_organ_name", "issuing_organ_folded", "subject",
        "subject_folded", "language", "urgency", "to_places", "due_date", "requests_comments", "is_back_entered", "returned_to_clerk", "version",
        "finished_at",
    ];

    private static readonly string[] AssignmentColumns =
    [
        "id", "document_id", "agency_id", "parent_id", "depth", "role", "status", "sender_id", "sender_name", "recipient_user_id",
        "recipient_unit_id", "recipient_name", "due_date", "urgency", "sent_at", "read_at", "finished_at", "came_back",
    ];

    internal static readonly string[] AccessColumns = ["document_id", "principal_id", "reason", "agency_id"];

    private static readonly string[] Organs =
        ["Ủy ban nhân dân tỉnh Ninh Bình", "Bộ Giao thông vận tải", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Cục Đường bộ Việt Nam", "Sở Xây dựng", "Công an tỉnh"];

    private static readonly string[] Topics =
        ["sửa chữa cầu", "bảo trì quốc lộ", "kế hoạch vốn đầu tư công", "an toàn giao thông dịp lễ", "cấp giấy phép vận tải", "phòng chống thiên tai", "quyết toán dự án", "kiểm tra tải trọng xe"];

    /// <summary>Produces the rows of one document and its tree; the writer stores them.</summary>
    private static void Produce(BenchAgency org, int i, int total, DateTime now, Random random, Action<object?[]> document, Action<object?[]> assignment, Action<object?[]> access)
    {
        var start = now.AddYears(-5);
        var arrival = start.AddTicks((now - start).Ticks / total * i).AddSeconds(random.Next(0, 60));
        var year = arrival.AddHours(7).Year;
        var id = Det(0, i, 0);
        var urgencyRoll = random.Next(100);
        var urgency = urgencyRoll < 85 ? 0 : urgencyRoll < 95 ? 1 : urgencyRoll < 99 ? 2 : 3;
        var ageDays = (now - arrival).TotalDays;
        var awaiting = ageDays < 2 && random.Next(10) == 0;
        var active = !awaiting && ageDays < 45 && random.Next(100) < 35;
        var lead = 2 + random.Next(org.Units - 2);
        var support = 2 + (lead - 2 + 1 + random.Next(org.Units - 3)) % (org.Units - 2);
        var informed = 2 + (support - 2 + 1) % (org.Units - 2);
        var due = DateOnly.FromDateTime(arrival.AddHours(7).AddDays(14));
        var topic = Topics[random.Next(Topics.Length)];
        var subject = $"V/v {topic} năm {year} (đợt {i % 97 + 1})";
        var organ = Organs[random.Next(Organs.Length)];
        var docStatus = awaiting ? 0 : active ? 1 : 2;
        document([
            id, AgencyId, RegisterId, year, i + 1, arrival, 0, docStatus, arrival, org.User(org.Clerk), "Văn thư", "CV", "Công văn",
            (i % 9000 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "UBND-KT", organ, VietnameseText.Fold(organ), subject,
            VietnameseText.Fold(subject), "Tiếng Việt", urgency, awaiting ? null : "Phòng " + lead, awaiting ? null : due, false, false, false, 1,
            docStatus == 2 ? arrival.AddDays(10) : null,
        ]);
        access([id, org.User(org.Clerk), 0, AgencyId]);
        if (awaiting)
        {
            return;
        }

        var done = active ? 1 : 2; // forwarded while active, done when finished
        var leaf = active ? 0 : 2; // open while active
        var specialistLead = org.Specialist(lead, i);
        var specialistSupport = org.Specialist(support, i + 7);
        var a0 = Det(1, i, 0);
        var a1 = Det(1, i, 1);
        var a2 = Det(1, i, 2);
        var a3 = Det(1, i, 3);
        DateTime? Finished(int status, double days) => status == 2 ? arrival.AddDays(days) : null;
        void Add(Guid aid, Guid? parent, int depth, int role, int status, int sender, Guid? user, Guid? unit, string name, DateOnly? dueDate, DateTime sent, bool read) =>
            assignment([aid, id, AgencyId, parent, depth, role, status, org.User(sender), "Người gửi " + sender, user, unit, name, dueDate, urgency, sent,
                read ? sent.AddHours(1) : null, Finished(status, 9), false]);

        Add(a0, null, 0, 0, done, org.Clerk, org.User(org.OfficeChief), null, "Chánh Văn phòng", null, arrival.AddHours(1), true);
        Add(a1, a0, 1, 0, done, org.OfficeChief, org.User(org.Director), null, "Giám đốc", null, arrival.AddHours(3), true);
        Add(a2, a1, 2, 1, done, org.Director, null, org.Unit(lead), "Phòng " + lead, due, arrival.AddDays(1), true);
        Add(a3, a1, 2, 2, done, org.Director, null, org.Unit(support), "Phòng " + support, due, arrival.AddDays(1), true);
        Add(Det(1, i, 4), a1, 2, 3, leaf, org.Director, org.User(org.Head(informed)), null, "Trưởng phòng " + informed, null, arrival.AddDays(1), !active);
        Add(Det(1, i, 5), a1, 2, 3, leaf, org.Director, org.User(org.Deputy), null, "Phó Giám đốc", null, arrival.AddDays(1), !active);
        Add(Det(1, i, 6), a2, 3, 1, leaf, org.Head(lead), org.User(specialistLead), null, "Chuyên viên " + specialistLead, due, arrival.AddDays(2), !active || random.Next(2) == 0);
        Add(Det(1, i, 7), a3, 3, 2, leaf, org.Head(support), org.User(specialistSupport), null, "Chuyên viên " + specialistSupport, due, arrival.AddDays(2), !active);
        Add(Det(1, i, 8), a2, 3, 3, leaf, org.Head(lead), org.User(org.Specialist(lead, i + 3)), null, "Chuyên viên", null, arrival.AddDays(2), !active);
        Add(Det(1, i, 9), a2, 3, 3, leaf, org.Head(lead), org.User(org.Specialist(lead, i + 5)), null, "Chuyên viên", null, arrival.AddDays(2), !active);

        foreach (var person in new[] { org.OfficeChief, org.Director, org.Deputy, org.Head(informed), org.Head(lead), org.Head(support), specialistLead, specialistSupport,
                     org.Specialist(lead, i + 3), org.Specialist(lead, i + 5) }.Distinct())
        {
            access([id, org.User(person), 0, AgencyId]);
        }

        foreach (var unit in new[] { lead, support, informed, 1 }.Distinct())
        {
            access([id, org.Unit(unit), 1, AgencyId]);
        }
    }

    /// <summary>Ids that each pass of the generator makes alike (the PostgreSQL path writes one table per pass).</summary>
    private static Guid Det(int kind, int i, int k) => new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i:x8}-{k:x4}-7{kind:x3}-8000-000000000000"));

    private static async Task<Generated> GenerateAsync(BenchDatabase bench, BenchAgency org, int total)
    {
        await using var load = await bench.BeginLoadAsync("documents_incoming", "documents_incoming_assignments", "documents_incoming_access");
        await load.ExecuteAsync($"INSERT INTO documents_registers (id, agency_id, unit_id, kind, name, code, is_active, sort_order, created_at) VALUES ('{Text(RegisterId)}', '{Text(AgencyId)}', NULL, 0, 'Sổ văn bản đến', 'VBĐ', TRUE, 0, '2020-01-01 00:00:00')");
        await load.ExecuteAsync($"INSERT INTO documents_incoming_settings (agency_id, route, reminder_days_before, default_deadline_days) VALUES ('{Text(AgencyId)}', 1, 2, 10)");
        var documents = load.Table("documents_incoming", DocumentColumns);
        var assignments = load.Table("documents_incoming_assignments", AssignmentColumns);
        var access = load.Table("documents_incoming_access", AccessColumns);
        var random = new Random(42);
        var now = new DateTime(DateTime.UtcNow.Date.Ticks, DateTimeKind.Utc);
        for (var i = 0; i < total; i++)
        {
            Produce(org, i, total, now, random, row => load.Add(documents, row), row => load.Add(assignments, row), row => load.Add(access, row));
            if (i % 10_000 == 9_999)
            {
                await load.FlushAsync();
            }

            if (i % 100_000 == 99_999)
            {
                Console.WriteLine($"  {i + 1:N0} documents…");
            }
        }

        await load.CompleteAsync();
        return new Generated(documents.Rows, assignments.Rows, access.Rows);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    // ---- measurement -----------------------------------------------------------------------------------------------

    private sealed class NoOverrides : ICalendarOverrideSource
    {
        public IReadOnlyList<CalendarOverride> LoadAll() => [];
    }

    private static IncomingViewer Viewer(Guid user, bool agencyWide = false, Guid[]? tracked = null, Guid[]? led = null, Guid[]? kept = null) =>
        new(user, "Đo hiệu năng", AgencyId, agencyWide, (tracked ?? []).ToHashSet(), false, (led ?? []).ToHashSet(), (kept ?? []).ToHashSet(), []);

    private static async Task MeasureAsync(BenchDatabase bench, BenchAgency org, int runs)
    {
        var calendar = new WorkingDayCalendar(new NoOverrides(), Options.Create(new CalendarOptions()), TimeProvider.System);
        var specialistUnit = org.MeasuredUnit;
        var specialist = Viewer(org.User(org.Specialist(specialistUnit, 0)));
        var head = Viewer(org.User(org.Head(specialistUnit)), tracked: [org.Unit(specialistUnit)], led: [org.Unit(specialistUnit)]);
        var director = Viewer(org.User(org.Director), agencyWide: true);
        var clerk = Viewer(org.User(org.Clerk), kept: [RegisterId]);

        async Task<T> With<T>(Func<EofficeDbContext, Task<T>> action)
        {
            await using var db = bench.NewContext();
            return await action(db);
        }

        Task<IncomingListPage> List(IncomingViewer v, string box, int? page = null, string? after = null) => With(db =>
            new ListIncoming(db, null!, new IncomingDefaults(db), calendar).ListAsync(v, new ListIncoming.Request { Box = box, Page = page, After = after }, default));

        async Task<string?> Deep(IncomingViewer v, string box, int pages)
        {
            string? after = null;
            for (var i = 0; i < pages; i++)
            {
                var page = await List(v, box, after: after);
                if (!page.HasMore)
                {
                    break;
                }

                after = page.NextCursor;
            }

            return after;
        }

        var timer = new BenchTimer(bench.Provider, runs);
        Task Time(string name, Func<Task<int>> action, int? repeat = null) => timer.TimeAsync(name, action, repeat);

        var people = new[] { ("specialist", specialist), ("department head", head), ("director", director) };
        foreach (var (who, v) in people)
        {
            foreach (var box in new[] { "cho-xu-ly", "dang-xu-ly", "da-xu-ly", "nhan-de-biet", "qua-han" })
            {
                await Time($"{who}: {box} page 1", async () => (await List(v, box)).Items.Count);
            }

            var deep = await Deep(v, "da-xu-ly", 200);
            await Time($"{who}: da-xu-ly after 200 pages (keyset)", async () => (await List(v, "da-xu-ly", after: deep)).Items.Count);
            await Time($"{who}: da-xu-ly page 25 (offset)", async () => (await List(v, "da-xu-ly", page: 25)).Items.Count);
            await Time($"{who}: counts", async () => (await With(db => new CountIncoming(db, null!, new IncomingDefaults(db), calendar).CountAsync(v, default))).Pending);

            // What the /van-ban-den page reads from the database: the list and the tab counts.
            await Time($"{who}: cho-xu-ly page 1 + counts (the whole page)", async () =>
            {
                var page = await List(v, "cho-xu-ly");
                await With(db => new CountIncoming(db, null!, new IncomingDefaults(db), calendar).CountAsync(v, default));
                return page.Items.Count;
            });
        }

        await Time("department head: theo-doi page 1", async () => (await List(head, "theo-doi")).Items.Count);
        await Time("director: theo-doi page 1", async () => (await List(director, "theo-doi")).Items.Count);
        var deepTracking = await Deep(director, "theo-doi", 50);
        await Time("director: theo-doi after 50 pages", async () => (await List(director, "theo-doi", after: deepTracking)).Items.Count);
        await Time("clerk: so-van-ban page 1", async () => (await List(clerk, "so-van-ban")).Items.Count);
        var deepRegister = await Deep(clerk, "so-van-ban", 200);
        await Time("clerk: so-van-ban after 200 pages", async () => (await List(clerk, "so-van-ban", after: deepRegister)).Items.Count);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        foreach (var (label, from) in new[] { ("one month", today.AddMonths(-2)), ("one year", today.AddYears(-2)) })
        {
            var to = label == "one month" ? from.AddMonths(1).AddDays(-1) : from.AddYears(1).AddDays(-1);
            await Time($"register export RowsAsync, {label}", () => With(async db =>
            {
                var n = 0;
                await foreach (var _ in new IncomingRegisterQuery(db, null!).RowsAsync(RegisterId, from, to))
                {
                    n++;
                }

                return n;
            }), Math.Min(runs, 10)); // seconds each at this size: ten runs are enough
        }
    }
}
