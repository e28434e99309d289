using System.Diagnostics;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

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
    private const int UnitSize = 25;
    private static readonly Guid AgencyId = Guid.Parse("0a000000-0000-0000-0000-000000000001");
    private static readonly Guid RegisterId = Guid.Parse("0b000000-0000-0000-0000-000000000001");

    private sealed record Org(int Staff, int Units)
    {
        public Guid User(int index) => new($"{0xA0000000 + index:x8}-0000-7000-8000-000000000000");

        public Guid Unit(int index) => new($"{0xB0000000 + index:x8}-0000-7000-8000-000000000000");

        public int Head(int unit) => unit * UnitSize;

        public int Specialist(int unit, int n) => unit * UnitSize + 2 + (n % (UnitSize - 2));

        public int Director => 0;

        public int Deputy => 1;

        public int OfficeChief => UnitSize;

        public int Clerk => UnitSize + 2;
    }

    public static async Task RunAsync(int documents, int staff, int runs, string postgres, string? keep, bool reuse)
    {
        var org = new Org(staff, Math.Max(4, staff / UnitSize));
        var options = new DbContextOptionsBuilder<EofficeDbContext>();
        var provider = string.IsNullOrEmpty(postgres) ? "SQLite" : "PostgreSQL";
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "eoffice-bench", Guid.NewGuid().ToString("N"));
        var database = keep is null ? "eoffice_bench_" + Guid.NewGuid().ToString("N")[..12] : "eoffice_bench_" + VietnameseText.Fold(Path.GetFileName(keep)).Replace(' ', '_');
        string connection;
        if (string.IsNullOrEmpty(postgres))
        {
            Directory.CreateDirectory(folder);
            connection = DatabaseMigrator.SqliteConnectionString(folder);
            options.UseSqlite(connection);
        }
        else
        {
            connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, CommandTimeout = 0 }.ToString();
            if (!reuse)
            {
                await ExecutePgAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                await ExecutePgAsync(postgres, $"CREATE DATABASE \"{database}\"");
            }

            options.UseNpgsql(connection);
        }

        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        if (Environment.GetEnvironmentVariable("EOFFICE_BENCH_SQL") == "1")
        {
            // Prints each command as executed, to read its plan (EXPLAIN) by hand.
            options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).EnableSensitiveDataLogging();
        }
        try
        {
            if (!reuse)
            {
                await using (var db = new EofficeDbContext(options.Options))
                {
                    await new DatabaseMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
                }

                var watch = Stopwatch.StartNew();
                var counts = string.IsNullOrEmpty(postgres)
                    ? await GenerateSqliteAsync(connection, org, documents)
                    : await GeneratePostgresAsync(connection, org, documents);
                Console.WriteLine($"generated ({provider}): {counts.Documents:N0} documents, {counts.Assignments:N0} assignments, {counts.Access:N0} access rows, {staff} staff in {org.Units} units in {watch.Elapsed.TotalSeconds:F0} s");
                watch.Restart();
                await using (var db = new EofficeDbContext(options.Options))
                {
                    await db.Database.ExecuteSqlRawAsync(string.IsNullOrEmpty(postgres) ? "ANALYZE" : "VACUUM ANALYZE");
                }

                Console.WriteLine($"analyze: {watch.Elapsed.TotalSeconds:F0} s");
            }

            await MeasureAsync(options.Options, org, runs, provider);
        }
        finally
        {
            if (keep is null)
            {
                if (string.IsNullOrEmpty(postgres))
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
                else
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecutePgAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                }
            }
        }
    }

    // ---- generation ------------------------------------------------------------------------------------------------

    private sealed record Generated(long Documents, long Assignments, long Access);

    private static readonly string[] DocumentColumns =
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

    private static readonly string[] AccessColumns = ["document_id", "principal_id", "reason", "agency_id"];

    private static readonly string[] Organs =
        ["Ủy ban nhân dân tỉnh Ninh Bình", "Bộ Giao thông vận tải", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Cục Đường bộ Việt Nam", "Sở Xây dựng", "Công an tỉnh"];

    private static readonly string[] Topics =
        ["sửa chữa cầu", "bảo trì quốc lộ", "kế hoạch vốn đầu tư công", "an toàn giao thông dịp lễ", "cấp giấy phép vận tải", "phòng chống thiên tai", "quyết toán dự án", "kiểm tra tải trọng xe"];

    /// <summary>Produces the rows of one document and its tree; the writer stores them.</summary>
    private static void Produce(Org org, int i, int total, DateTime now, Random random, Action<object?[]> document, Action<object?[]> assignment, Action<object?[]> access)
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

    private static async Task<Generated> GenerateSqliteAsync(string connectionString, Org org, int total)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecSqliteAsync(connection, "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL; PRAGMA cache_size=-400000;");
        await SeedCommonAsync(cmd => ExecSqliteAsync(connection, cmd));
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({BulkTablesList})";
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecSqliteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var (doc, docParams) = Prepare(connection, transaction, "documents_incoming", DocumentColumns);
        var asg = Prepare(connection, transaction, "documents_incoming_assignments", AssignmentColumns);
        var acc = Prepare(connection, transaction, "documents_incoming_access", AccessColumns);
        long documents = 0, assignments = 0, access = 0;
        var random = new Random(42);
        var now = DateTime.UtcNow;
        for (var i = 0; i < total; i++)
        {
            Produce(org, i, total, now, random,
                row => { Bind(docParams, row); doc.ExecuteNonQuery(); documents++; },
                row => { Bind(asg.Parameters, row); asg.Command.ExecuteNonQuery(); assignments++; },
                row => { Bind(acc.Parameters, row); acc.Command.ExecuteNonQuery(); access++; });
            if (i % 100_000 == 99_999)
            {
                Console.WriteLine($"  {i + 1:N0} documents…");
            }
        }

        await transaction.CommitAsync();
        await RebuildIndexesAsync(indexes, sql => ExecSqliteAsync(connection, sql));

        // Fold the write-ahead log (gigabytes after the load) into the database, as the app's checkpoints would.
        await ExecSqliteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA wal_checkpoint(TRUNCATE);");
        return new Generated(documents, assignments, access);
    }

    private static (SqliteCommand Command, SqliteParameter[] Parameters) Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        return (command, parameters);
    }

    private static void Bind(SqliteParameter[] parameters, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            parameters[i].Value = row[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                bool b => b ? 1 : 0,
                var v => v,
            };
        }
    }

    private static async Task<Generated> GeneratePostgresAsync(string connectionString, Org org, int total)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await SeedCommonAsync(async cmd =>
        {
            await using var c = new NpgsqlCommand(cmd, connection);
            await c.ExecuteNonQueryAsync();
        });

        var indexes = new List<(string Name, string Sql)>();
        await using (var query = new NpgsqlCommand(
            $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({BulkTablesList}) AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            connection))
        {
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        async Task ExecAsync(string sql)
        {
            await using var c = new NpgsqlCommand(sql, connection);
            await c.ExecuteNonQueryAsync();
        }

        foreach (var (name, _) in indexes)
        {
            await ExecAsync($"DROP INDEX \"{name}\"");
        }

        // Three COPY streams cannot share one connection: documents first, then the trees, then the access rows.
        long documents = 0, assignments = 0, access = 0;
        foreach (var pass in new[] { 0, 1, 2 })
        {
            var (table, columns) = pass switch
            {
                0 => ("documents_incoming", DocumentColumns),
                1 => ("documents_incoming_assignments", AssignmentColumns),
                _ => ("documents_incoming_access", AccessColumns),
            };
            await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
            var random = new Random(42);
            var now = new DateTime(DateTime.UtcNow.Date.Ticks, DateTimeKind.Utc);
            var rows = 0L;
            void Write(object?[] row)
            {
                writer.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: writer.WriteNull(); break;
                        case Guid g: writer.Write(g, NpgsqlDbType.Uuid); break;
                        case DateTime d: writer.Write(d, NpgsqlDbType.TimestampTz); break;
                        case DateOnly d: writer.Write(d, NpgsqlDbType.Date); break;
                        case bool b: writer.Write(b, NpgsqlDbType.Boolean); break;
                        case int n: writer.Write(n, NpgsqlDbType.Integer); break;
                        case string s: writer.Write(s, NpgsqlDbType.Varchar); break;
                        default: throw new InvalidOperationException(value.GetType().Name);
                    }
                }

                rows++;
            }

            for (var i = 0; i < total; i++)
            {
                Produce(org, i, total, now, random,
                    row => { if (pass == 0) { Write(row); } },
                    row => { if (pass == 1) { Write(row); } },
                    row => { if (pass == 2) { Write(row); } });
            }

            await writer.CompleteAsync();
            Console.WriteLine($"  {table}: {rows:N0} rows");
            _ = pass == 0 ? documents = rows : pass == 1 ? assignments = rows : access = rows;
        }

        await ExecAsync("SET maintenance_work_mem = '1GB'");
        await RebuildIndexesAsync(indexes, ExecAsync);

        return new Generated(documents, assignments, access);
    }

    private const string BulkTablesList = "'documents_incoming', 'documents_incoming_assignments', 'documents_incoming_access'";

    /// <summary>
    /// The bulk tables are loaded without their secondary indexes (the app's migrations made them; their definitions
    /// were read first) and the indexes are built afterwards from the same definitions: one sorted build per index
    /// instead of millions of random inserts into each.
    /// </summary>
    private static async Task RebuildIndexesAsync(List<(string Name, string Sql)> indexes, Func<string, Task> execute)
    {
        var watch = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes)
        {
            await execute(sql);
        }

        Console.WriteLine($"  {indexes.Count} indexes built in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task SeedCommonAsync(Func<string, Task> execute)
    {
        await execute($"INSERT INTO documents_registers (id, agency_id, unit_id, kind, name, code, is_active, sort_order, created_at) VALUES ('{Text(RegisterId)}', '{Text(AgencyId)}', NULL, 0, 'Sổ văn bản đến', 'VBĐ', TRUE, 0, '2020-01-01 00:00:00')");
        await execute($"INSERT INTO documents_incoming_settings (agency_id, route, reminder_days_before, default_deadline_days) VALUES ('{Text(AgencyId)}', 1, 2, 10)");
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task ExecSqliteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecutePgAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // ---- measurement -----------------------------------------------------------------------------------------------

    private sealed class NoOverrides : ICalendarOverrideSource
    {
        public IReadOnlyList<CalendarOverride> LoadAll() => [];
    }

    private static IncomingViewer Viewer(Guid user, bool agencyWide = false, Guid[]? tracked = null, Guid[]? led = null, Guid[]? kept = null) =>
        new(user, "Đo hiệu năng", AgencyId, agencyWide, (tracked ?? []).ToHashSet(), false, (led ?? []).ToHashSet(), (kept ?? []).ToHashSet(), []);

    private static async Task MeasureAsync(DbContextOptions<EofficeDbContext> options, Org org, int runs, string provider)
    {
        var calendar = new WorkingDayCalendar(new NoOverrides(), Options.Create(new CalendarOptions()), TimeProvider.System);
        var specialistUnit = 5;
        var specialist = Viewer(org.User(org.Specialist(specialistUnit, 0)));
        var head = Viewer(org.User(org.Head(specialistUnit)), tracked: [org.Unit(specialistUnit)], led: [org.Unit(specialistUnit)]);
        var director = Viewer(org.User(org.Director), agencyWide: true);
        var clerk = Viewer(org.User(org.Clerk), kept: [RegisterId]);

        async Task<T> With<T>(Func<EofficeDbContext, Task<T>> action)
        {
            await using var db = new EofficeDbContext(options);
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

        async Task Time(string name, Func<Task<int>> action, int? repeat = null)
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
