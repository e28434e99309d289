using System.Net;
using System.Net.Http.Json;
using System.Text;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Search;

/// <summary>
/// The one search index on both providers, through its API: folding, document numbers, hostile input, access
/// filtering (hits, totals and facets), the index following the documents through the outbox, and the kinds a module
/// adds (a test-only kind stands for a module whose items carry the text of a file). Each test marks its documents with
/// its own word, so tests sharing the database do not see each other's documents.
/// </summary>
public abstract class SearchTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<SearchResults> SearchAsync(HttpClient client, string q, string extra = "")
    {
        var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SearchResults>())!;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string q, string extra = "") =>
        (await SearchAsync(client, q, extra)).Hits.Select(h => h.ItemId).ToList();

    [DbFact]
    public async Task Tones_case_đ_and_a_decomposed_spelling_find_the_same_documents()
    {
        var mark = Marker();
        var a = await app.RegisterDirectAsync($"Quyết định phê duyệt dự án nâng cấp đường tỉnh 477 {mark}");
        var b = await app.RegisterDirectAsync($"Kế hoạch duy tu ĐƯỜNG GIAO THÔNG nông thôn {mark}");
        await app.RegisterDirectAsync($"Báo cáo tình hình vận tải {mark}");
        await app.OutboxDrainedAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");

        var decision = new[] { "quyet dinh", "Quyết định", "QUYẾT ĐỊNH", "Quyết định".Normalize(NormalizationForm.FormD), "quyết ĐỊNH" };
        foreach (var q in decision)
        {
            Assert.Equal([a], await IdsAsync(clerk, $"{q} {mark}"));
        }

        foreach (var q in new[] { "đường", "duong", "ĐƯỜNG", "Đường".Normalize(NormalizationForm.FormD) })
        {
            Assert.Equal([a, b], (await IdsAsync(clerk, $"{mark} {q}")).Order());
        }

        // The last word is a prefix (typing), the others whole words; every word is required.
        Assert.Equal([a], await IdsAsync(clerk, $"{mark} phe duy"));
        Assert.Empty(await IdsAsync(clerk, $"{mark} phe duyet khongcotu"));
        var result = await SearchAsync(clerk, $"duy tu {mark}");
        var hit = Assert.Single(result.Hits);
        Assert.Contains("<mark>duy</mark> <mark>tu</mark>", hit.SnippetHtml);
        Assert.Equal("/van-ban-den/" + b, hit.Url);
    }

    [DbFact]
    public async Task Numbers_and_symbols_are_found_whole_in_part_and_while_typing()
    {
        var mark = Marker();
        var decision = await app.RegisterDirectAsync($"Về việc giao chỉ tiêu {mark}", codeNumber: "12345", codeNotation: "QĐ-UBND");
        var finance = await app.RegisterDirectAsync($"Về việc thẩm định quyết toán {mark}", codeNumber: "1234", codeNotation: "STC-QLNS");
        var arrival = (await app.LoadIncomingAsync(finance)) is var d ? $"{d.ArrivalNumber}/{d.Year}" : "";
        await app.OutboxDrainedAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");

        Assert.Contains(decision, await IdsAsync(clerk, "12345"));
        Assert.DoesNotContain(finance, await IdsAsync(clerk, "12345"));
        Assert.Equal([decision], await IdsAsync(clerk, "12345/QĐ"));
        Assert.Equal([decision], await IdsAsync(clerk, "12345/qd"));
        Assert.Contains(decision, await IdsAsync(clerk, "QĐ-UBND"));
        Assert.Contains(decision, await IdsAsync(clerk, "qd-ubnd"));
        Assert.Equal([finance], await IdsAsync(clerk, "1234/STC-QLNS"));
        Assert.Equal([finance], await IdsAsync(clerk, "1234/ST"));
        Assert.Contains(finance, await IdsAsync(clerk, "1234"));
        Assert.Contains(finance, await IdsAsync(clerk, arrival));
        Assert.Equal([finance], await IdsAsync(clerk, $"1234 {mark}"));

        var suggestions = await clerk.GetFromJsonAsync<List<SearchSuggestion>>("/api/v1/search/suggestions?q=" + Uri.EscapeDataString("1234/ST"));
        var suggestion = Assert.Single(suggestions!);
        Assert.Equal(("incoming", "1234/STC-QLNS"), (suggestion.Kind, suggestion.Code));
    }

    [DbFact]
    public async Task Hostile_input_never_breaks_the_query_and_an_overlong_one_is_refused()
    {
        var mark = Marker();
        var id = await app.RegisterDirectAsync($"Công văn \"đặc biệt\" (khẩn) về dau-tu {mark}");
        await app.OutboxDrainedAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");
        string[] hostile =
        [
            "\"", "\"\"", "\"abc", "'", "' OR 1=1 --", "'; DROP TABLE search_entries; --", "NEAR", "NEAR(a b)", "a NEAR/2 b", "AND", "OR", "NOT",
            "a AND b OR NOT c", "*", "**", "a*", "*a", "^", "^a", "(", ")", "((a)", ":", "body:", "codes : x", "-", "--", "-a", "/", "//", "a/b/c",
            "\\", "%", "_", "%_%", "{codes}: 1", "a & b | !c", "a:*", "!!!", "<script>alert(1)</script>", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀",
            string.Join(' ', Enumerable.Repeat("tu", 60)), new string('a', 500),
        ];
        foreach (var q in hostile)
        {
            await SearchAsync(clerk, q);
            await SearchAsync(clerk, q, "&sort=Relevance");
            var suggest = await clerk.GetAsync("/api/v1/search/suggestions?q=" + Uri.EscapeDataString(q));
            Assert.True(suggest.StatusCode == HttpStatusCode.OK, $"{q}: {(int)suggest.StatusCode}");
        }

        Assert.Equal([id], await IdsAsync(clerk, $"\"đặc biệt\" (khẩn) {mark}"));
        Assert.Equal([id], await IdsAsync(clerk, $"dau-tu {mark}"));

        var huge = new string('x', 10 * 1024);
        foreach (var path in new[] { "/api/v1/search?q=", "/api/v1/search/suggestions?q=" })
        {
            var response = await clerk.GetAsync(path + huge);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync());
        }

        var anonymous = await app.AnonymousClient().GetAsync("/api/v1/search?q=abc");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [DbFact]
    public async Task A_reader_finds_counts_and_facets_only_the_documents_they_may_see()
    {
        var mark = Marker();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        var infrastructure = await app.RegisterDirectAsync($"V/v sửa chữa cầu Non Nước {mark}", organ: "Sở Xây dựng tỉnh Ninh Bình");
        var finance = await app.RegisterDirectAsync($"V/v quyết toán vốn {mark}", organ: "Sở Tài chính tỉnh Ninh Bình");
        var toOffice = await app.PresentAsync(infrastructure, "lttha");
        var toDirector = (await app.ForwardAsync(infrastructure, "lttha", toOffice, await app.PersonAsync("nvan", AssignmentRole.Direct)))[0];
        var toUnit = await app.ForwardAsync(infrastructure, "nvan", toDirector, await app.UnitAsync(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, due));
        await app.ForwardAsync(infrastructure, "pvhung", toUnit[0], await app.PersonAsync("cxtruong", AssignmentRole.Lead, due, DemoAgency.Units.Infrastructure));
        var financeOffice = await app.PresentAsync(finance, "lttha");
        var financeDirector = (await app.ForwardAsync(finance, "lttha", financeOffice, await app.PersonAsync("nvan", AssignmentRole.Direct)))[0];
        var financeUnit = await app.ForwardAsync(finance, "nvan", financeDirector, await app.UnitAsync(DemoAgency.Units.PlanningFinance, AssignmentRole.Lead, due));
        await app.ForwardAsync(finance, "dddat", financeUnit[0], await app.PersonAsync("nvana", AssignmentRole.Lead, due, DemoAgency.Units.PlanningFinance));

        // Another agency's item with the same word, listing the specialist among its readers, is never found.
        var specialistId = await app.DemoUserIdAsync("cxtruong");
        await IndexNoteAsync(new SearchItem(Guid.CreateVersion7(), Guid.NewGuid(), $"Cầu Non Nước {mark}", null, "/ghi-chu/1", new DateOnly(2026, 12, 1),
            new SearchFacetValues(Organ: "Cơ quan khác"), [new SearchField("Nội dung", $"sửa chữa {mark}")], [], [specialistId]));
        await app.OutboxDrainedAsync();

        var specialist = await app.SignedInDemoAsync("cxtruong");
        var own = await SearchAsync(specialist, mark);
        Assert.Equal([infrastructure], own.Hits.Select(h => h.ItemId));
        Assert.Equal((1, false), (own.Total, own.TotalCapped));
        Assert.Equal([("incoming", 1)], own.Facets.Kinds.Select(k => (k.Value, k.Count)));
        Assert.Equal(["Sở Xây dựng tỉnh Ninh Bình"], own.Facets.Organs.Select(o => o.Value));

        var other = await SearchAsync(specialist, $"quyet toan {mark}");
        Assert.Empty(other.Hits);
        Assert.Equal(0, other.Total);
        Assert.Equal(SearchFacetsCount(SearchFacets.Empty), SearchFacetsCount(other.Facets));

        var otherSpecialist = await SearchAsync(await app.SignedInDemoAsync("nvana"), mark);
        Assert.Equal([finance], otherSpecialist.Hits.Select(h => h.ItemId));
        Assert.DoesNotContain(otherSpecialist.Facets.Organs, o => o.Value == "Sở Xây dựng tỉnh Ninh Bình");

        var head = await SearchAsync(await app.SignedInDemoAsync("pvhung"), mark);
        Assert.Equal([infrastructure], head.Hits.Select(h => h.ItemId));

        var leader = await SearchAsync(await app.SignedInDemoAsync("nvan"), mark);
        Assert.Equal(new[] { finance, infrastructure }.Order(), leader.Hits.Select(h => h.ItemId).Order());
        Assert.Equal(2, leader.Total);
        Assert.Equal(2, leader.Facets.Organs.Count);
        Assert.Equal([infrastructure], await IdsAsync(await app.SignedInDemoAsync("nvan"), mark, "&organ=" + Uri.EscapeDataString("Sở Xây dựng tỉnh Ninh Bình")));
        Assert.Equal([infrastructure], await IdsAsync(await app.SignedInDemoAsync("nvan"), mark, "&kind=incoming&sort=Oldest&page=1&pageSize=1"));
        Assert.Equal([finance], await IdsAsync(await app.SignedInDemoAsync("nvan"), mark, "&kind=incoming&sort=Oldest&page=2&pageSize=1"));
    }

    private static int SearchFacetsCount(SearchFacets f) =>
        f.Kinds.Count + f.Types.Count + f.Organs.Count + f.Registers.Count + f.Units.Count + f.States.Count;

    [DbFact]
    public async Task For_each_person_an_empty_query_returns_exactly_the_documents_they_may_open()
    {
        var mark = Marker();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        var a = await app.RegisterDirectAsync($"V/v kiểm tra đường tỉnh {mark}");
        await app.RegisterDirectAsync($"V/v chưa trình {mark}");
        var toOffice = await app.PresentAsync(a, "lttha");
        var toDirector = (await app.ForwardAsync(a, "lttha", toOffice, await app.PersonAsync("nvan", AssignmentRole.Direct)))[0];
        await app.ForwardAsync(a, "nvan", toDirector, await app.UnitAsync(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, due),
            await app.PersonAsync("dddat", AssignmentRole.ForInformation, null, DemoAgency.Units.PlanningFinance));
        await app.DraftOutgoingAsync($"Dự thảo báo cáo {mark}");
        await app.OutboxDrainedAsync();

        var incoming = await app.WithDbAsync(db => db.Set<IncomingDocument>().Where(d => d.Status != IncomingStatus.Cancelled).Select(d => d.Id).ToListAsync());
        var outgoing = await app.WithDbAsync(db => db.Set<OutgoingDocument>().Where(d => d.Status != OutgoingStatus.Cancelled).Select(d => d.Id).ToListAsync());
        foreach (var user in new[] { "dtmai", "lttha", "nvan", "ttbhanh", "pvhung", "cxtruong", "dddat", "nvana", "ktloan" })
        {
            var client = await app.SignedInDemoAsync(user);
            foreach (var (kind, ids, path) in new[] { ("incoming", incoming, "incoming"), ("outgoing", outgoing, "outgoing") })
            {
                var expected = new List<Guid>();
                foreach (var id in ids)
                {
                    if ((await client.GetAsync($"/api/v1/documents/{path}/{id}")).StatusCode == HttpStatusCode.OK)
                    {
                        expected.Add(id);
                    }
                }

                var found = new List<Guid>();
                for (var page = 1; ; page++)
                {
                    var results = await SearchAsync(client, "", $"&kind={kind}&page={page}&pageSize=100");
                    found.AddRange(results.Hits.Select(h => h.ItemId));
                    if (page == 1)
                    {
                        Assert.True(expected.Count == results.Total, $"{user}, {kind}: {expected.Count} may be opened, total {results.Total}");
                    }

                    if (results.Hits.Count < 100)
                    {
                        break;
                    }
                }

                Assert.True(expected.Order().SequenceEqual(found.Order()), $"{user}, {kind}: expected {expected.Count}, found {found.Count}");
            }
        }
    }

    [DbFact]
    public async Task The_index_follows_registration_edits_and_cancellation_through_the_outbox()
    {
        var before = Marker();
        var after = Marker();
        var id = await app.RegisterDirectAsync($"V/v lập quy hoạch bến xe {before}");
        await app.OutboxDrainedAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");
        Assert.Equal([id], await IdsAsync(clerk, before));

        var party = await app.ActorAsync("dtmai");
        await app.ActOnIncomingAsync(id, (d, now) => d.UpdateMetadata(party, d.Metadata with { Subject = $"V/v lập quy hoạch cảng {after}" }, now));
        await app.OutboxDrainedAsync();
        Assert.Empty(await IdsAsync(clerk, before));
        Assert.Equal([id], await IdsAsync(clerk, $"cang {after}"));

        await app.ActOnIncomingAsync(id, (d, now) => d.Cancel(party, "Vào sổ nhầm", now));
        await app.OutboxDrainedAsync();
        Assert.Empty(await IdsAsync(clerk, after));
        Assert.False(await app.WithDbAsync(db => db.Set<SearchEntry>().AnyAsync(e => e.ItemId == id)));
    }

    [DbFact]
    public async Task A_kind_added_by_another_module_is_found_by_the_text_of_its_file_and_re_indexed_when_that_text_is_extracted()
    {
        var mark = Marker();
        var agencyId = await app.WithDbAsync(db => db.Set<Eoffice.Web.Modules.Organization.Domain.Agency>()
            .Where(a => a.Code == DemoAgency.Code).Select(a => a.Id).SingleAsync());
        var fileId = Guid.CreateVersion7();
        var itemId = Guid.CreateVersion7();
        SearchItem Note(string fileText) => new(itemId, agencyId, $"Hồ sơ công trình {mark}", "HS-01", "/ho-so/1", new DateOnly(2026, 11, 30),
            new SearchFacetValues(State: "open", StateName: "Đang mở"), [new SearchField("Nội dung tệp", fileText)], [fileId], []);
        await IndexNoteAsync(Note("Biên bản nghiệm thu công trình <b>cầu</b> Đồng Hướng"));
        var clerk = await app.SignedInDemoAsync("dtmai");

        var hit = Assert.Single((await SearchAsync(clerk, $"dong huong {mark}")).Hits);
        Assert.Equal(("test-note", "Ghi chú thử", itemId), (hit.Kind, hit.KindName, hit.ItemId));
        Assert.Equal("Nội dung tệp: Biên bản nghiệm thu công trình &lt;b&gt;cầu&lt;/b&gt; <mark>Đồng</mark> <mark>Hướng</mark>", hit.SnippetHtml);

        // The file's text changes (OCR finished): the extraction event re-indexes every item holding the file.
        app.Services.GetRequiredService<TestNotes>().Items[itemId] = Note("Quyết định thành lập hội đồng nghiệm thu");
        using (var scope = app.Services.CreateScope())
        {
            foreach (var handler in scope.ServiceProvider.GetKeyedServices<IOutboxHandler<FileTextExtracted>>(FileTextEvents.Extracted))
            {
                await handler.HandleAsync(new FileTextExtracted(fileId, FileTextState.Ready), default);
            }
        }

        Assert.Empty((await SearchAsync(clerk, $"dong huong {mark}")).Hits);
        Assert.Single((await SearchAsync(clerk, $"hoi dong {mark}")).Hits);
    }

    [DbFact]
    public async Task The_check_reports_a_corrupted_index_and_a_rebuild_restores_it()
    {
        var mark = Marker();
        var kept = await app.RegisterDirectAsync($"V/v cải tạo bến phà {mark}");
        var lost = await app.RegisterDirectAsync($"V/v sửa chữa cầu treo {mark}");
        var changed = await app.RegisterDirectAsync($"V/v nạo vét luồng lạch {mark}");
        await app.OutboxDrainedAsync();
        var admin = await app.SignedInClientAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");
        Assert.True((await CheckAsync(admin)).Consistent);

        // Corrupt the index by hand: an entry deleted, a title changed, a full-text row dropped, an entry for nothing.
        await app.WithDbAsync(async db =>
        {
            await db.Set<SearchEntry>().Where(e => e.ItemId == lost).ExecuteDeleteAsync();
            await db.Set<SearchEntry>().Where(e => e.ItemId == changed).ExecuteUpdateAsync(u => u.SetProperty(e => e.Title, "Sai"));
            var keptEntry = await db.Set<SearchEntry>().Where(e => e.ItemId == kept).Select(e => new { e.Id, e.Date }).SingleAsync();
            await db.Database.ExecuteSqlRawAsync(SearchFullText.DeleteSql(db.Database.IsSqlite()),
                db.Database.IsSqlite() ? SearchKey.Of(keptEntry.Date, keptEntry.Id) : keptEntry.Id);
            var template = await db.Set<SearchEntry>().AsNoTracking().FirstAsync(e => e.ItemId == changed);
            db.Add(new SearchEntry { Kind = "incoming", ItemId = Guid.CreateVersion7(), AgencyId = template.AgencyId, Title = "Không có", Url = "/x", ContentHash = "x" });
            await db.SaveChangesAsync();
        });
        Assert.Empty(await IdsAsync(clerk, $"ben pha {mark}"));

        var report = await CheckAsync(admin);
        Assert.False(report.Consistent);
        var incoming = report.Kinds.Single(k => k.Kind == "incoming");
        Assert.Equal((1, 1, 2), (incoming.Missing, incoming.Extra, incoming.WithoutFullText)); // the extra entry has no full-text row either
        Assert.Equal([lost], incoming.MissingItems);
        Assert.Contains(changed, incoming.DriftedItems);
        Assert.DoesNotContain(kept, incoming.DriftedItems);
        Assert.Equal(incoming.InSource - 1, incoming.InIndex - 1);

        var rebuild = await admin.PostAsync("/api/v1/search/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        var rebuilt = (await rebuild.Content.ReadFromJsonAsync<SearchIndexAdmin.RebuildReport>())!.Kinds.Single(k => k.Kind == "incoming");
        Assert.Equal((incoming.InSource, 1), (rebuilt.Items, rebuilt.Removed));

        Assert.True((await CheckAsync(admin)).Consistent);
        Assert.Equal([kept], await IdsAsync(clerk, $"ben pha {mark}"));
        Assert.Equal([lost], await IdsAsync(clerk, $"cau treo {mark}"));
        Assert.Equal("V/v nạo vét luồng lạch " + mark, Assert.Single((await SearchAsync(clerk, $"luong {mark}")).Hits).Title);
        Assert.True(await app.WithDbAsync(db => db.Set<Eoffice.Web.Platform.Audit.AuditEntry>().AnyAsync(a => a.Action == "search.rebuild")));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/search/check")).StatusCode);
        var page = await admin.GetStringAsync("/quan-tri/tim-kiem");
        Assert.Contains("Chỉ mục khớp với dữ liệu.", page);
        Assert.Contains("Xây dựng lại chỉ mục", page);
    }

    private static async Task<SearchIndexAdmin.CheckReport> CheckAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<SearchIndexAdmin.CheckReport>("/api/v1/search/check?sample=5000"))!;

    private async Task IndexNoteAsync(SearchItem item)
    {
        app.Services.GetRequiredService<TestNotes>().Items[item.ItemId] = item;
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ReindexAsync(TestNotes.Kind, [item.ItemId], default);
    }
}

public sealed class SearchTestsOnSqlite(SearchSqliteApp app) : SearchTests<SearchSqliteApp>(app);

public sealed class SearchTestsOnPostgres(SearchPostgresApp app) : SearchTests<SearchPostgresApp>(app), IPostgresSuite;
