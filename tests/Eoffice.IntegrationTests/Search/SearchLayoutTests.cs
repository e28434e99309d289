using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Modules.Search.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Search;

/// <summary>
/// The layout of ADR 0029 on both providers: full-text rows keyed newest first (order, date ranges, re-keying), the
/// readers inside the full-text row following access changes (hits and counts), complete numbers looked up whole
/// before any prefix, and entries marked for re-indexing written again by the recurring job.
/// </summary>
public abstract class SearchLayoutTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<SearchResults> SearchAsync(HttpClient client, string q, string extra = "")
    {
        var response = await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}");
        Assert.True(response.IsSuccessStatusCode, $"{q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SearchResults>())!;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string q, string extra = "") =>
        (await SearchAsync(client, q, extra)).Hits.Select(h => h.ItemId).ToList();

    private Task<Guid> AgencyIdAsync() => app.WithDbAsync(db => db.Set<Eoffice.Web.Modules.Organization.Domain.Agency>()
        .Where(a => a.Code == DemoAgency.Code).Select(a => a.Id).SingleAsync());

    private static SearchItem Item(Guid id, Guid agencyId, string title, DateOnly? date, string? code = null, params Guid[] readers) =>
        new(id, agencyId, title, code, "/ghi-chu/" + id, date, new SearchFacetValues(), [new SearchField("Nội dung", title)], [], readers);

    private async Task IndexAsync(string kind, params SearchItem[] items)
    {
        foreach (var item in items)
        {
            if (kind == TestNotes.Kind)
            {
                app.Services.GetRequiredService<TestNotes>().Items[item.ItemId] = item;
            }
            else
            {
                app.Services.GetRequiredService<TestMemos>().Items[item.ItemId] = item;
            }
        }

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ReindexAsync(kind, items.Select(i => i.ItemId).ToList(), default);
    }

    private Task<int> FullTextRowsAsync(long entryId) => app.WithDbAsync(db => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM search_fts WHERE (rowid & {0}) = {1}", SearchKey.EntryMask, entryId).SingleAsync()
        : db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM search_fts WHERE entry_id = {0}", entryId).SingleAsync());

    private Task<long> FullTextKeyAsync(long entryId) => app.WithDbAsync(db => db.Database.IsSqlite()
        ? db.Database.SqlQueryRaw<long>("SELECT rowid AS \"Value\" FROM search_fts WHERE (rowid & {0}) = {1}", SearchKey.EntryMask, entryId).SingleAsync()
        : db.Database.SqlQueryRaw<long>("SELECT key AS \"Value\" FROM search_fts WHERE entry_id = {0}", entryId).SingleAsync());

    [DbFact]
    public async Task Newest_first_follows_the_key_date_filters_are_key_ranges_and_a_changed_date_re_keys_the_row()
    {
        var mark = Marker();
        var agency = await AgencyIdAsync();
        var (a, b, c, d) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await IndexAsync(TestNotes.Kind, Item(a, agency, $"Kế hoạch tháng Giêng {mark}", new DateOnly(2026, 1, 5)),
            Item(b, agency, $"Kế hoạch năm trước {mark}", new DateOnly(2025, 3, 1)), Item(c, agency, $"Kế hoạch cuối năm {mark}", new DateOnly(2026, 11, 30)),
            Item(d, agency, $"Kế hoạch không ngày {mark}", null));
        var clerk = await app.SignedInDemoAsync("dtmai");

        Assert.Equal([c, a, b, d], await IdsAsync(clerk, $"ke hoach {mark}"));
        Assert.Equal([d, b, a, c], await IdsAsync(clerk, $"ke hoach {mark}", "&sort=Oldest"));
        Assert.Equal([c, a], await IdsAsync(clerk, mark, "&from=2026-01-01"));
        Assert.Equal([b], await IdsAsync(clerk, mark, "&to=2025-12-31"));
        Assert.Equal([a], await IdsAsync(clerk, mark, "&from=2026-01-05&to=2026-01-05"));
        Assert.Equal([c], await IdsAsync(clerk, mark, "&page=1&pageSize=1"));
        Assert.Equal([a], await IdsAsync(clerk, mark, "&page=2&pageSize=1"));

        var entryId = await app.WithDbAsync(db => db.Set<SearchEntry>().Where(e => e.ItemId == b).Select(e => e.Id).SingleAsync());
        Assert.Equal(SearchKey.Of(new DateOnly(2025, 3, 1), entryId), await FullTextKeyAsync(entryId));
        await IndexAsync(TestNotes.Kind, Item(b, agency, $"Kế hoạch năm trước {mark}", new DateOnly(2026, 12, 1)));

        Assert.Equal([b, c, a, d], await IdsAsync(clerk, $"ke hoach {mark}"));
        Assert.Empty(await IdsAsync(clerk, mark, "&to=2025-12-31"));
        Assert.Equal(1, await FullTextRowsAsync(entryId));
        Assert.Equal(SearchKey.Of(new DateOnly(2026, 12, 1), entryId), await FullTextKeyAsync(entryId));
    }

    [DbFact]
    public async Task The_readers_held_by_the_full_text_row_follow_an_access_change_in_hits_and_counts()
    {
        var mark = Marker();
        var agency = await AgencyIdAsync();
        var (alice, bob) = (await app.DemoUserIdAsync("cxtruong"), await app.DemoUserIdAsync("nvana"));
        var memo = Guid.CreateVersion7();
        await IndexAsync(TestMemos.Kind, Item(memo, agency, $"Bản ghi nhớ họp giao ban {mark}", new DateOnly(2026, 12, 2), null, alice));
        var aliceClient = await app.SignedInDemoAsync("cxtruong");
        var bobClient = await app.SignedInDemoAsync("nvana");

        // With the kind alone the readers are part of the full-text match; over every kind each restricted kind checks its reader rows.
        foreach (var extra in new[] { "&kind=test-memo", "" })
        {
            var seen = await SearchAsync(aliceClient, $"giao ban {mark}", extra);
            Assert.Equal((memo, 1), (Assert.Single(seen.Hits).ItemId, seen.Total));
            var hidden = await SearchAsync(bobClient, $"giao ban {mark}", extra);
            Assert.Equal((0, 0, 0), (hidden.Hits.Count, hidden.Total, hidden.Facets.Kinds.Count));
        }

        Assert.Equal([memo], await IdsAsync(aliceClient, "", "&kind=test-memo&from=2026-12-02&to=2026-12-02"));

        await IndexAsync(TestMemos.Kind, Item(memo, agency, $"Bản ghi nhớ họp giao ban {mark}", new DateOnly(2026, 12, 2), null, bob));
        foreach (var extra in new[] { "&kind=test-memo", "" })
        {
            var lost = await SearchAsync(aliceClient, $"giao ban {mark}", extra);
            Assert.Equal((0, 0), (lost.Hits.Count, lost.Total));
            var gained = await SearchAsync(bobClient, $"giao ban {mark}", extra);
            Assert.Equal((memo, 1), (Assert.Single(gained.Hits).ItemId, gained.Total));
        }
    }

    [DbFact]
    public async Task A_complete_number_is_looked_up_whole_and_a_partial_one_as_a_prefix()
    {
        var mark = Marker();
        var agency = await AgencyIdAsync();
        var number = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (whole, longer, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await IndexAsync(TestNotes.Kind, Item(whole, agency, $"Báo cáo {mark}", new DateOnly(2026, 11, 2), $"{number}/SGTVT-KHTC"),
            Item(longer, agency, $"Báo cáo bổ sung {mark}", new DateOnly(2026, 11, 3), $"{number}/SGTVT-KHTCA"),
            Item(other, agency, $"Thông báo {mark}", new DateOnly(2026, 11, 4), $"{number}7/TB-VP"));
        var clerk = await app.SignedInDemoAsync("dtmai");

        Assert.Equal([whole], await IdsAsync(clerk, $"{number}/SGTVT-KHTC"));
        Assert.Equal([whole], await IdsAsync(clerk, $"{number}/sgtvt-khtc"));
        Assert.Equal([longer, whole], await IdsAsync(clerk, $"{number}/SGTVT-KH"));
        Assert.Equal([longer, whole], await IdsAsync(clerk, $"{number}/SGTVT"));
        Assert.Equal([longer, whole], await IdsAsync(clerk, number));
        Assert.Equal([other], await IdsAsync(clerk, number + "7"));
        Assert.Equal([other], await IdsAsync(clerk, $"{number}7/TB"));
    }

    private Task<List<string>> CodeRowsAsync(Guid itemId) => app.WithDbAsync(db => db.Set<SearchEntry>().Where(e => e.ItemId == itemId)
        .SelectMany(e => e.Codes).Select(c => c.Code).OrderBy(c => c).ToListAsync());

    [DbFact]
    public async Task A_number_look_up_in_the_codes_b_tree_checks_each_readers_access_follows_a_changed_code_and_keeps_date_filters()
    {
        var agency = await AgencyIdAsync();
        var number = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (alice, bob) = (await app.DemoUserIdAsync("cxtruong"), await app.DemoUserIdAsync("nvana"));
        var (memo, older) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await IndexAsync(TestMemos.Kind, Item(memo, agency, "Bản ghi nhớ", new DateOnly(2026, 12, 2), $"{number}/QĐ-UBND", alice),
            Item(older, agency, "Bản ghi nhớ cũ", new DateOnly(2025, 6, 1), $"{number}/TB-VP", alice));
        var aliceClient = await app.SignedInDemoAsync("cxtruong");
        var bobClient = await app.SignedInDemoAsync("nvana");

        Assert.Equal([$"{number} qd ubnd "], await CodeRowsAsync(memo));
        foreach (var extra in new[] { "&kind=test-memo", "" })
        {
            Assert.Equal([memo], await IdsAsync(aliceClient, $"{number}/QĐ-UBND", extra));
            Assert.Equal([memo], await IdsAsync(aliceClient, $"{number}/qđ-ub", extra));
            Assert.Equal([memo, older], await IdsAsync(aliceClient, number, extra));
            Assert.Equal([older], await IdsAsync(aliceClient, number, extra + "&to=2025-12-31"));
            Assert.Equal([memo], await IdsAsync(aliceClient, number, extra + "&from=2026-01-01"));
            foreach (var q in new[] { $"{number}/QĐ-UBND", $"{number}/qđ-ub", number, $"{number}/TB" })
            {
                var hidden = await SearchAsync(bobClient, q, extra);
                Assert.Equal((0, 0, 0), (hidden.Hits.Count, hidden.Total, hidden.Facets.Kinds.Count));
            }
        }

        // The number is corrected: the old code's row goes, the new one answers, for the new reader only.
        await IndexAsync(TestMemos.Kind, Item(memo, agency, "Bản ghi nhớ", new DateOnly(2026, 12, 2), $"{number}/KH-UBND", bob));
        Assert.Equal([$"{number} kh ubnd "], await CodeRowsAsync(memo));
        Assert.Empty(await IdsAsync(bobClient, $"{number}/QĐ-UBND"));
        Assert.Equal([memo], await IdsAsync(bobClient, $"{number}/KH-UBND"));
        Assert.Equal([older], await IdsAsync(aliceClient, number));
    }

    [DbFact]
    public async Task A_complete_code_no_item_holds_finds_the_texts_citing_it_whole_not_those_citing_a_longer_symbol()
    {
        var mark = Marker();
        var agency = await AgencyIdAsync();
        var number = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (reply, longer) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await IndexAsync(TestNotes.Kind, Item(reply, agency, $"Trả lời công văn số {number}/STC-QLNS {mark}", new DateOnly(2026, 11, 5)),
            Item(longer, agency, $"Góp ý công văn số {number}/STC-QLNSKH {mark}", new DateOnly(2026, 11, 6)));
        var clerk = await app.SignedInDemoAsync("dtmai");

        Assert.Equal([reply], await IdsAsync(clerk, $"{number}/STC-QLNS"));
        Assert.Equal([longer, reply], await IdsAsync(clerk, $"{number}/STC"));
    }

    [DbFact]
    public async Task Entries_marked_for_re_indexing_are_reported_and_written_again_by_the_recurring_job()
    {
        var mark = Marker();
        var agency = await AgencyIdAsync();
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await IndexAsync(TestNotes.Kind, Item(a, agency, $"Tờ trình sửa chữa {mark}", new DateOnly(2026, 10, 1)),
            Item(b, agency, $"Tờ trình nâng cấp {mark}", new DateOnly(2026, 10, 2)));
        var clerk = await app.SignedInDemoAsync("dtmai");
        var admin = await app.SignedInClientAsync();
        Assert.Equal([b, a], await IdsAsync(clerk, mark));

        // As after the upgrade to a new layout (M0041): the entries are marked and their full-text rows are gone.
        var entries = await app.WithDbAsync(db => db.Set<SearchEntry>().Where(e => e.ItemId == a || e.ItemId == b).Select(e => new { e.Id, e.Date }).ToListAsync());
        await app.WithDbAsync(async db =>
        {
            foreach (var e in entries)
            {
                await db.Database.ExecuteSqlRawAsync(SearchFullText.DeleteSql(db.Database.IsSqlite()), db.Database.IsSqlite() ? SearchKey.Of(e.Date, e.Id) : e.Id);
            }

            await db.Set<SearchEntry>().Where(e => e.ItemId == a || e.ItemId == b).ExecuteUpdateAsync(u => u.SetProperty(e => e.ContentHash, ""));
        });
        Assert.Empty(await IdsAsync(clerk, mark));
        var before = (await admin.GetFromJsonAsync<SearchIndexAdmin.CheckReport>("/api/v1/search/check"))!.Kinds.Single(k => k.Kind == TestNotes.Kind);
        Assert.Equal((2, 2, false), (before.Marked, before.WithoutFullText, before.Consistent));
        Assert.Contains("Chờ ghi lại", await admin.GetStringAsync("/quan-tri/tim-kiem"));

        using (var scope = app.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetServices<Eoffice.Web.Platform.Jobs.IRecurringJob>().OfType<SearchReindexMarkedJob>().Single();
            Assert.Equal("search.reindex-marked", job.Name);
            Assert.True(await job.RunAsync(TimeSpan.FromMinutes(1), default) >= 2);
        }

        Assert.Equal([b, a], await IdsAsync(clerk, mark));
        var after = (await admin.GetFromJsonAsync<SearchIndexAdmin.CheckReport>("/api/v1/search/check"))!.Kinds.Single(k => k.Kind == TestNotes.Kind);
        Assert.Equal((0, 0), (after.Marked, after.WithoutFullText));
    }
}

public sealed class SearchLayoutTestsOnSqlite(SearchSqliteApp app) : SearchLayoutTests<SearchSqliteApp>(app);

public sealed class SearchLayoutTestsOnPostgres(SearchPostgresApp app) : SearchLayoutTests<SearchPostgresApp>(app), IPostgresSuite;
