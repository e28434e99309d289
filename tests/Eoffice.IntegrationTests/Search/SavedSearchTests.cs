using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Search.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Search;

/// <summary>
/// Saved searches (/api/v1/search/saved and the search page's "Lưu tìm kiếm" / "Tìm kiếm đã lưu"): each person sees
/// only their own — another person's id is 404 for every action —, a person keeps at most 50, names and searches are
/// validated in Vietnamese, and every change is audited. None of this needs the search engine.
/// </summary>
public abstract class SavedSearchTests(EofficeApp app)
{
    private static async Task<JsonElement> SaveAsync(HttpClient client, string name, string query = "q=s%E1%BB%ADa%20ch%E1%BB%AFa&kind=incoming",
        string[]? columns = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/search/saved", new { name, query, columns = columns ?? ["code", "title", "snippet"] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [DbFact]
    public async Task A_saved_search_is_listed_for_its_owner_with_its_re_run_link_and_the_save_is_audited()
    {
        var (_, userName) = await app.CreateUserAsync("Lê Văn Lưu");
        var client = await app.SignedInClientAsync(userName, TestAccounts.Password);

        var saved = await SaveAsync(client, "  Sửa chữa cầu  ", "kind=incoming&q=s%E1%BB%ADa%20ch%E1%BB%AFa&page=3", ["snippet", "code"]);

        var id = saved.GetProperty("id").GetGuid();
        Assert.Equal("Sửa chữa cầu", saved.GetProperty("name").GetString());
        // Stored in the one spelling of the query string, without the page; the subject column is always kept.
        Assert.Equal("q=s%E1%BB%ADa%20ch%E1%BB%AFa&kind=incoming", saved.GetProperty("query").GetString());
        Assert.Equal(["code", "title", "snippet"], saved.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("/tim-kiem?q=s%E1%BB%ADa%20ch%E1%BB%AFa&kind=incoming&cols=code%2Ctitle%2Csnippet", saved.GetProperty("url").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/search/saved");
        Assert.Equal([id], list.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == "search.saved.create" && e.ObjectId == id.ToString()));
        Assert.Equal(userName, entry.ActorName);
        Assert.Equal("Sửa chữa cầu", entry.Details);
    }

    [DbFact]
    public async Task Another_persons_saved_search_is_not_found_for_listing_renaming_deleting_or_re_running()
    {
        var (_, ownerName) = await app.CreateUserAsync("Phạm Thị Chủ");
        var (_, otherName) = await app.CreateUserAsync("Trần Văn Khác");
        var owner = await app.SignedInClientAsync(ownerName, TestAccounts.Password);
        var other = await app.SignedInClientAsync(otherName, TestAccounts.Password);
        var id = (await SaveAsync(owner, "Của riêng tôi")).GetProperty("id").GetGuid();

        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/search/saved")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/search/saved/{id}", new { name = "Lấy mất" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/search/saved/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/search/saved/{id}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/tim-kiem/da-luu/{id}")).StatusCode);

        var stored = await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal("Của riêng tôi", stored.Name);
        Assert.Null(stored.LastRunAt);
    }

    [DbFact]
    public async Task The_owner_renames_re_runs_and_deletes_a_saved_search()
    {
        var (_, userName) = await app.CreateUserAsync("Đỗ Thị Đổi");
        var client = await app.SignedInClientAsync(userName, TestAccounts.Password);
        var id = (await SaveAsync(client, "Tên cũ")).GetProperty("id").GetGuid();

        var renamed = await client.PutAsJsonAsync($"/api/v1/search/saved/{id}", new { name = "Tên mới" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Tên mới", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var rerun = await client.GetAsync($"/tim-kiem/da-luu/{id}");
        Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        Assert.Equal("/tim-kiem?q=s%E1%BB%ADa%20ch%E1%BB%AFa&kind=incoming&cols=code%2Ctitle%2Csnippet", rerun.Headers.Location?.OriginalString);
        Assert.NotNull((await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.Id == id))).LastRunAt);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/search/saved/{id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/search/saved")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/search/saved/{id}")).StatusCode);
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.ObjectId == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["search.saved.create", "search.saved.rename", "search.saved.delete"], actions);
    }

    [DbFact]
    public async Task A_person_keeps_at_most_fifty_saved_searches()
    {
        var (userId, userName) = await app.CreateUserAsync("Vũ Văn Nhiều");
        var agencyId = await app.WithDbAsync(db => db.Set<Eoffice.Web.Modules.Identity.Domain.User>().Where(u => u.Id == userId).Select(u => u.AgencyId!.Value).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i < SavedSearch.MaxPerUser; i++)
            {
                db.Add(new SavedSearch(agencyId, userId, $"Tìm kiếm {i}", "q=a", "title", DateTime.UtcNow));
            }

            await db.SaveChangesAsync();
        });
        var client = await app.SignedInClientAsync(userName, TestAccounts.Password);
        await SaveAsync(client, "Thứ năm mươi");

        var refused = await client.PostAsJsonAsync("/api/v1/search/saved", new { name = "Thứ năm mươi mốt", query = "q=b" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("tối đa 50 tìm kiếm", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(SavedSearch.MaxPerUser, await app.WithDbAsync(db => db.Set<SavedSearch>().CountAsync(s => s.UserId == userId)));
    }

    [DbFact]
    public async Task A_nameless_an_empty_or_an_over_long_search_is_refused_beside_its_field()
    {
        var (_, userName) = await app.CreateUserAsync("Ngô Thị Sai");
        var client = await app.SignedInClientAsync(userName, TestAccounts.Password);

        var response = await client.PostAsJsonAsync("/api/v1/search/saved", new { name = "", query = "q=" + new string('x', 600), columns = new[] { "ghost" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await OrganizationTestKit.ProblemAsync(response)).GetProperty("errors");
        Assert.Equal("Vui lòng đặt tên cho tìm kiếm.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Từ khóa tìm kiếm dài tối đa 500 ký tự.", errors.GetProperty("query")[0].GetString());
        Assert.Contains("ghost", errors.GetProperty("columns")[0].GetString(), StringComparison.Ordinal);
        var empty = await client.PostAsJsonAsync("/api/v1/search/saved", new { name = "Không có gì", query = "sort=oldest" });
        Assert.Equal("Tìm kiếm chưa có từ khóa hoặc bộ lọc nào để lưu.",
            (await OrganizationTestKit.ProblemAsync(empty)).GetProperty("errors").GetProperty("query")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SavedSearch>().CountAsync(s => s.Name == "Không có gì")));
    }

    [DbFact]
    public async Task The_search_page_lists_ones_saved_searches_encoded_and_deletes_one_from_its_button()
    {
        var client = await app.SignedInDemoAsync("cxtruong");
        var id = (await SaveAsync(client, "<b>Của tôi</b>")).GetProperty("id").GetGuid();

        var page = await client.GetStringAsync("/tim-kiem");

        Assert.Contains("Tìm kiếm đã lưu", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tim-kiem/da-luu/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Của tôi&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Của tôi</b>", page, StringComparison.Ordinal);
        var deleted = await client.PostAsync($"/tim-kiem?handler=Delete&id={id}", OrganizationTestKit.Form(page, ("back", "")));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SavedSearch>().CountAsync(s => s.Id == id)));
    }

    [DbFact]
    public async Task The_search_page_saves_the_current_search_and_its_columns_under_the_name_typed()
    {
        var client = await app.SignedInDemoAsync("nvana");
        var page = await client.GetStringAsync("/tim-kiem");

        var response = await client.PostAsync("/tim-kiem?handler=Save", OrganizationTestKit.Form(page,
            ("Input.Name", "Kế hoạch bảo trì"), ("Input.Query", "q=ke%20hoach%20bao%20tri&sort=oldest"), ("Input.Columns", "code"), ("Input.Columns", "title")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tim-kiem?q=ke%20hoach%20bao%20tri&sort=oldest&cols=code%2Ctitle", response.Headers.Location?.OriginalString);
        var userId = await app.DemoUserIdAsync("nvana");
        var saved = await app.WithDbAsync(db => db.Set<SavedSearch>().AsNoTracking().SingleAsync(s => s.UserId == userId && s.Name == "Kế hoạch bảo trì"));
        Assert.Equal("code,title", saved.Columns);
    }

    [DbFact]
    public async Task An_installation_administrator_of_no_agency_opens_the_search_page_but_keeps_no_saved_searches()
    {
        var (_, userName) = await app.CreateInstallationAdministratorAsync("Quản Trị Cài Đặt");
        var client = await app.SignedInClientAsync(userName, TestAccounts.Password);

        var page = await client.GetAsync("/tim-kiem");
        var refused = await client.PostAsJsonAsync("/api/v1/search/saved", new { name = "Thử", query = "q=a" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("id=\"saved-searches\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/search/saved")).EnumerateArray());
    }
}

public sealed class SavedSearchTestsOnSqlite(SqliteApp app) : SavedSearchTests(app), IClassFixture<SqliteApp>;

public sealed class SavedSearchTestsOnPostgres(PostgresApp app) : SavedSearchTests(app), IClassFixture<PostgresApp>;
