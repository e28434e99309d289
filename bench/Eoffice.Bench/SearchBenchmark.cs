using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Eoffice.Bench;

/// <summary>
/// The one search index at size: N documents of one agency (10 units, S staff) with realistic Vietnamese subjects and
/// 1–3 pages of text each, written straight into the index tables in batches (folding, codes and words by the real
/// <see cref="SearchIndexer.Prepare"/>); then the indexing rate through the real path (<see cref="SearchIndexer.ReindexAsync"/>
/// in batches of 200, as the rebuild does); then p50/p95 of the real <see cref="RunSearch"/> (page 1 of 20, newest
/// first, total and facets, snippets) for two-word queries and number look-ups, as a specialist (one principal), a
/// unit head (their id and their unit) and an agency leader (All).
/// </summary>
internal static class SearchBenchmark
{
    private const int Units = 10;

    private static readonly string[] Openings = ["V/v", "Quyết định", "Kế hoạch", "Báo cáo", "Thông báo", "Công văn", "Tờ trình", "Chỉ thị"];

    private static readonly string[] Topics =
    [
        "phê duyệt dự án đầu tư xây dựng", "nâng cấp đường tỉnh", "sửa chữa cầu", "bảo trì kết cấu hạ tầng giao thông", "quản lý vận tải hành khách",
        "cấp giấy phép lái xe", "đăng kiểm phương tiện", "chuyển đổi số", "cải cách hành chính", "phòng chống thiên tai", "an toàn giao thông",
        "quyết toán vốn đầu tư", "kế hoạch sử dụng đất", "giải phóng mặt bằng", "tuyển dụng công chức", "thi đua khen thưởng", "đào tạo bồi dưỡng cán bộ",
        "kiểm tra công tác phòng cháy", "nạo vét luồng đường thủy nội địa", "bến xe khách", "thu phí sử dụng đường bộ", "điều chỉnh dự toán ngân sách",
    ];

    private static readonly string[] Places =
        ["tỉnh Ninh Bình", "thành phố Hoa Lư", "huyện Kim Sơn", "huyện Yên Khánh", "huyện Nho Quan", "huyện Gia Viễn", "thị xã Tam Điệp", "xã Đồng Hướng"];

    private static readonly string[] Sentences =
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư",
        "Xét đề nghị của Trưởng phòng Quản lý kết cấu hạ tầng giao thông", "Các đơn vị có liên quan chịu trách nhiệm thi hành quyết định này",
        "Giao Phòng Kế hoạch - Tài chính chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện", "Đề nghị Ủy ban nhân dân các huyện báo cáo kết quả trước ngày 15 hằng tháng",
        "Kinh phí thực hiện từ nguồn ngân sách nhà nước đã được giao trong dự toán", "Trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh kịp thời",
        "Tăng cường công tác kiểm tra, giám sát chất lượng công trình", "Đảm bảo an toàn giao thông trong suốt thời gian thi công",
        "Tổng hợp đánh giá tình hình thực hiện nhiệm vụ năm và phương hướng năm tiếp theo", "Thực hiện nghiêm chế độ thông tin báo cáo theo quy định",
        "Nâng cao hiệu quả ứng dụng công nghệ thông tin trong hoạt động của cơ quan", "Rà soát, thống kê hiện trạng mặt đường, hệ thống thoát nước",
        "Tổ chức lựa chọn nhà thầu theo quy định của Luật Đấu thầu", "Bố trí lực lượng ứng trực, sẵn sàng phương tiện cứu hộ cứu nạn",
    ];

    private static readonly string[] Notations = ["QĐ-UBND", "UBND-KT", "SGTVT-KHTC", "STC-QLNS", "SXD-QLXD", "KH-UBND", "BC-SGTVT", "TB-VP"];

    private static readonly string[] Organs =
        ["Ủy ban nhân dân tỉnh Ninh Bình", "Sở Tài chính tỉnh Ninh Bình", "Sở Xây dựng tỉnh Ninh Bình", "Bộ Giao thông vận tải", "Cục Đường bộ Việt Nam"];

    internal static readonly string[] TwoWordQueries =
        ["dau tu", "giao thong", "quyet dinh", "ke hoach", "chuyen doi", "hanh chinh", "sua chua", "duong tinh", "ngan sach", "bao cao", "kim son",
            "an toan", "dong huong", "phong chay", "lai xe", "mat bang"];

    private sealed record Agency(Guid Id, Guid[] UnitIds, Guid[][] Staff, Guid Register);

    private sealed class BenchSource(Agency agency, int seed) : ISearchSource
    {
        public SearchReaderScope Scope { get; set; } = new(agency.Id, true, []);

        public Dictionary<Guid, int> Pending { get; } = [];

        public string Kind => "incoming";

        public string Name => "Văn bản đến";

        public Task<IReadOnlyList<SearchItem>> LoadAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SearchItem>>(itemIds.Select(id => Item(agency, Pending[id], id, seed)).ToList());

        public Task<IReadOnlyList<Guid>> ItemIdsAsync(Guid? after, int take, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SearchReaderScope> ReaderScopeAsync(CancellationToken cancellationToken) => Task.FromResult(Scope);
    }

    public static async Task RunAsync(BenchSettings settings, int indexing)
    {
        await using var bench = await BenchDatabase.OpenAsync(settings);
        var random = new Random(12);
        var staffPerUnit = Math.Max(2, settings.Staff / Units);
        var agency = new Agency(new Guid("0193a000-0000-7000-8000-000000000001"),
            Enumerable.Range(0, Units).Select(u => Deterministic(random)).ToArray(),
            Enumerable.Range(0, Units).Select(_ => Enumerable.Range(0, staffPerUnit).Select(_ => Deterministic(random)).ToArray()).ToArray(),
            Deterministic(random));
        Console.WriteLine($"search benchmark on {bench.Provider}: {settings.Documents:N0} documents, {Units} units × {staffPerUnit} staff");
        if (bench.IsNew)
        {
            await GenerateAsync(bench, agency, settings.Documents);
            await bench.AnalyzeAsync();
        }
        else if (await BackfillCodesAsync(bench, agency, settings.Documents))
        {
            await bench.AnalyzeAsync();
        }

        await PrintSizeAsync(bench);
        await IndexingAsync(bench, agency, indexing);
        await QueriesAsync(bench, agency, settings.Runs, settings.Documents);
    }

    private static Guid Deterministic(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x70);
        return new Guid(bytes);
    }

    /// <summary>Document <paramref name="i"/>: a subject, 1–3 pages of text, a code, an organ, and its readers (register, unit, two people).</summary>
    private static SearchItem Item(Agency agency, int i, Guid id, int seed)
    {
        var random = new Random(HashCode.Combine(i, seed));
        var unit = i % Units;
        var subject = $"{Openings[random.Next(Openings.Length)]} {Topics[random.Next(Topics.Length)]} {Places[random.Next(Places.Length)]} năm {2020 + (i % 7)}";
        var body = new StringBuilder();
        var words = 300 * (1 + random.Next(3));
        while (body.Length < words * 6)
        {
            body.Append(Sentences[random.Next(Sentences.Length)]).Append(' ').Append(Topics[random.Next(Topics.Length)]).Append(' ')
                .Append(Places[random.Next(Places.Length)]).Append(". ");
        }

        var number = 1 + (i % 9999);
        var code = $"{number}/{Notations[random.Next(Notations.Length)]}";
        var staff = agency.Staff[unit];
        var person = staff[random.Next(staff.Length)];
        var date = new DateOnly(2020, 1, 1).AddDays(i % 2500);
        return new SearchItem(id, agency.Id, subject, code, $"/van-ban-den/{id}", date,
            new SearchFacetValues("CV", "Công văn", Organs[random.Next(Organs.Length)], agency.Register, "Sổ văn bản đến", agency.UnitIds[unit],
                $"Phòng {unit + 1}", "finished", "Đã hoàn thành"),
            [new SearchField("Số, ký hiệu", code, true), new SearchField("Số đến", $"{i % 5000 + 1}/{date.Year}", true), new SearchField("Trích yếu", subject),
                new SearchField("Nội dung tệp", body.ToString())],
            [], [agency.Register, agency.UnitIds[unit], person, staff[0]]);
    }

    private static async Task GenerateAsync(BenchDatabase bench, Agency agency, int documents)
    {
        var watch = Stopwatch.StartNew();
        var batch = 1000;
        await using var db = bench.NewContext();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sqlite = !bench.IsPostgres;
        object G(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
        object? D(DateOnly? d) => d is null ? DBNull.Value : sqlite ? d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.Value;
        var now = DateTime.UtcNow;
        for (var start = 0; start < documents; start += batch)
        {
            var items = Enumerable.Range(start, Math.Min(batch, documents - start)).AsParallel().AsOrdered()
                .Select(i => SearchIndexer.Prepare("incoming", Item(agency, i, GuidOf(i), 1), new Dictionary<Guid, string>())).ToList();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (item, offset) in items.Select((x, k) => (x, k)))
            {
                var id = start + offset + 1L;
                var e = item.Item;
                await ExecAsync(connection, transaction,
                    "INSERT INTO search_entries (id, kind, item_id, agency_id, title, code, url, date, type_code, type_name, organ, register_id, register_name, " +
                    "unit_id, unit_name, state, state_name, content_hash, indexed_at) VALUES (@a0, 'incoming', @a1, @a2, @a3, @a4, @a5, @a6, @a7, @a8, @a9, @a10, @a11, @a12, " +
                    "@a13, @a14, @a15, @a16, @a17)",
                    id, G(e.ItemId), G(e.AgencyId), e.Title, e.Code, e.Url, D(e.Date), e.Facets.TypeCode, e.Facets.TypeName, e.Facets.Organ, G(e.Facets.RegisterId!.Value),
                    e.Facets.RegisterName, G(e.Facets.UnitId!.Value), e.Facets.UnitName, e.Facets.State, e.Facets.StateName, item.Hash, now);
                await ExecAsync(connection, transaction, "INSERT INTO search_entry_texts (entry_id, body) VALUES (@a0, @a1)", id, item.Body);
                foreach (var reader in e.Readers.Distinct())
                {
                    await ExecAsync(connection, transaction, "INSERT INTO search_entry_readers (entry_id, principal_id) VALUES (@a0, @a1)", id, G(reader));
                }

                await ExecAsync(connection, transaction, FullTextInsert(sqlite), SearchFullText.InsertValues(sqlite, id, e.Date, item));
                foreach (var code in item.CodeKeys)
                {
                    await ExecAsync(connection, transaction, "INSERT INTO search_entry_codes (entry_id, code) VALUES (@a0, @a1)", id, code);
                }
            }

            await transaction.CommitAsync();
            if ((start / batch) % 10 == 9)
            {
                Console.WriteLine($"  {start + batch:N0} documents, {watch.Elapsed.TotalSeconds:F0} s");
            }
        }

        if (!sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('search_entries', 'id'), (SELECT max(id) FROM search_entries))");
        }

        Console.WriteLine($"generated {documents:N0} documents in {watch.Elapsed.TotalSeconds:F0} s ({documents / watch.Elapsed.TotalSeconds:F0} documents/s, direct writes)");
    }

    /// <summary>
    /// A database kept from before the codes' b-tree (M0061 marked its entries for re-indexing and left the codes empty):
    /// writes each document's codes and hash as the indexer would, the documents being regenerated from their number.
    /// </summary>
    private static async Task<bool> BackfillCodesAsync(BenchDatabase bench, Agency agency, int documents)
    {
        await using var db = bench.NewContext();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var marked = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM search_entries WHERE content_hash = '' AND id <= {0}", documents).SingleAsync();
        if (marked == 0)
        {
            return false;
        }

        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < documents; start += 1000)
        {
            var items = Enumerable.Range(start, Math.Min(1000, documents - start)).AsParallel().AsOrdered()
                .Select(i => SearchIndexer.Prepare("incoming", Item(agency, i, GuidOf(i), 1), new Dictionary<Guid, string>())).ToList();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (item, offset) in items.Select((x, k) => (x, k)))
            {
                var id = start + offset + 1L;
                await ExecAsync(connection, transaction, "DELETE FROM search_entry_codes WHERE entry_id = @a0", id);
                foreach (var code in item.CodeKeys)
                {
                    await ExecAsync(connection, transaction, "INSERT INTO search_entry_codes (entry_id, code) VALUES (@a0, @a1)", id, code);
                }

                await ExecAsync(connection, transaction, "UPDATE search_entries SET content_hash = @a1 WHERE id = @a0", id, item.Hash);
            }

            await transaction.CommitAsync();
        }

        // The documents earlier runs' indexing step added (new ids, random item ids): their number and symbol only.
        var added = await db.Set<SearchEntry>().Where(e => e.Id > documents && e.ContentHash == "").Select(e => new { e.Id, e.Code }).ToListAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var entry in added)
            {
                await ExecAsync(connection, transaction, "DELETE FROM search_entry_codes WHERE entry_id = @a0", entry.Id);
                foreach (var code in SearchText.CodeKeys([entry.Code]))
                {
                    await ExecAsync(connection, transaction, "INSERT INTO search_entry_codes (entry_id, code) VALUES (@a0, @a1)", entry.Id, code);
                }
            }

            await transaction.CommitAsync();
        }

        Console.WriteLine($"wrote the codes of {documents:N0} kept documents and {added.Count:N0} added ones in {watch.Elapsed.TotalSeconds:F0} s");
        return true;
    }

    /// <summary>The indexer's full-text insert (<see cref="SearchFullText.InsertSql"/>) with this loader's parameter names.</summary>
    private static string FullTextInsert(bool sqlite) =>
        System.Text.RegularExpressions.Regex.Replace(SearchFullText.InsertSql(sqlite), @"\{(\d+)\}", "@a$1");

    private static Guid GuidOf(int i) => new($"0193a000-0000-7000-8000-{i:x12}");

    private static async Task ExecAsync(DbConnection connection, DbTransaction transaction, string sql, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@a" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task PrintSizeAsync(BenchDatabase bench)
    {
        await using var db = bench.NewContext();
        var size = bench.IsPostgres
            ? await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync()
            : await db.Database.SqlQueryRaw<long>("SELECT page_count * page_size AS \"Value\" FROM pragma_page_count(), pragma_page_size()").SingleAsync();
        var entries = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM search_entries").SingleAsync();
        Console.WriteLine($"index: {entries:N0} entries, database {size / 1024.0 / 1024.0:F0} MB");
    }

    private static async Task IndexingAsync(BenchDatabase bench, Agency agency, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var source = new BenchSource(agency, Environment.TickCount);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < count; start += SearchIndexAdmin.BatchSize)
        {
            var ids = new List<Guid>();
            for (var i = start; i < Math.Min(count, start + SearchIndexAdmin.BatchSize); i++)
            {
                var id = Guid.CreateVersion7();
                source.Pending[id] = i;
                ids.Add(id);
            }

            await using var db = bench.NewContext();
            var indexer = new SearchIndexer(db, [source], new EmptyServices(), TimeProvider.System);
            await indexer.ReindexAsync(source.Kind, ids, CancellationToken.None);
        }

        Console.WriteLine($"indexing through SearchIndexer.ReindexAsync (batches of {SearchIndexAdmin.BatchSize}): {count:N0} documents in " +
            $"{watch.Elapsed.TotalSeconds:F1} s = {count / watch.Elapsed.TotalSeconds:F0} documents/s");
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private static async Task QueriesAsync(BenchDatabase bench, Agency agency, int runs, int documents)
    {
        var source = new BenchSource(agency, 1);
        var roles = new (string Name, SearchReaderScope Scope)[]
        {
            ("specialist", new SearchReaderScope(agency.Id, false, [agency.Staff[3][5]])),
            ("unit head", new SearchReaderScope(agency.Id, false, [agency.Staff[3][0], agency.UnitIds[3]])),
            ("agency leader", new SearchReaderScope(agency.Id, true, [])),
        };
        var random = new Random(7);
        foreach (var (role, scope) in roles)
        {
            source.Scope = scope;
            foreach (var (kind, next) in new (string, Func<string>)[]
            {
                ("two words", () => TwoWordQueries[random.Next(TwoWordQueries.Length)]),
                ("number", () => Item(agency, random.Next(documents), Guid.Empty, 1).Code!),
            })
            {
                var times = new List<double>();
                var totals = new List<int>();
                for (var run = -3; run < runs; run++)
                {
                    await using var db = bench.NewContext();
                    var search = new RunSearch(db, new SearchIndexer(db, [source], new EmptyServices(), TimeProvider.System));
                    var q = next();
                    var watch = Stopwatch.StartNew();
                    var results = await search.HandleAsync(new SearchRequest { Q = q }, CancellationToken.None);
                    if (run >= 0)
                    {
                        times.Add(Stats.Elapsed(watch));
                        totals.Add(results.Total);
                    }
                }

                Console.WriteLine($"  {role,-14} {kind,-10} {Stats.Describe(times)}  (total per query: median {totals.Order().ElementAt(totals.Count / 2)}, max {totals.Max()})");
            }
        }
    }
}
