using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;

namespace Eoffice.IntegrationTests.Home;

/// <summary>
/// Issue 9, point 9: each person's home page shows what needs them, per role of the demo agency — the counts of the
/// inbox tabs with links (as the counts API gives them), the newest urgent documents waiting for them, and for clerks the
/// electronic documents waiting in "Chờ tiếp nhận"; sections a person has no right to are absent, empty ones say so.
/// </summary>
public abstract partial class HomePageTests(EofficeApp app)
{
    /// <summary>Clerk → chief of office → director; returns the document's id.</summary>
    private async Task<Guid> ToTheDirectorAsync(string subject, Urgency urgency)
    {
        var id = await app.RegisterDirectAsync(subject, urgency);
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward",
            new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct") } });
        return id;
    }

    /// <summary>… then the director → the infrastructure department as lead (its head, pvhung, holds it).</summary>
    private async Task<Guid> ToTheDepartmentAsync(string subject, Urgency urgency)
    {
        var id = await ToTheDirectorAsync(subject, urgency);
        await (await app.SignedInDemoAsync("nvan")).ActAsync(id, "forward",
            new { targets = new[] { HandlingKit.Unit(await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure), "lead", 10) } });
        return id;
    }

    [DbFact]
    public async Task A_specialist_sees_his_waiting_and_due_soon_counts_with_links_and_the_urgent_document_given_to_him()
    {
        var specialist = await app.SignedInDemoAsync("cxtruong");
        var before = await CountsAsync(specialist);
        var subject = "V/v khắc phục sạt lở ta luy quốc lộ 12B " + Guid.NewGuid().ToString("N")[..6];
        var id = await ToTheDepartmentAsync(subject, Urgency.VeryUrgent);
        await (await app.SignedInDemoAsync("pvhung")).ActAsync(id, "forward",
            new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("cxtruong"), "lead", 1) } });

        var home = await specialist.GetStringAsync("/");

        var counts = await CountsAsync(specialist);
        Assert.Equal(before.GetProperty("pending").GetInt32() + 1, counts.GetProperty("pending").GetInt32());
        Assert.Equal(before.GetProperty("dueSoon").GetInt32() + 1, counts.GetProperty("dueSoon").GetInt32());
        AssertCard(home, "home-pending", counts.GetProperty("pending").GetInt32(), "/van-ban-den?box=cho-xu-ly");
        AssertCard(home, "home-duesoon", counts.GetProperty("dueSoon").GetInt32(), "/van-ban-den?box=cho-xu-ly");
        AssertCard(home, "home-overdue", counts.GetProperty("overdue").GetInt32(), "/van-ban-den?box=qua-han");
        var urgent = Section(home, "home-urgent");
        Assert.Contains(subject, urgent, StringComparison.Ordinal);
        Assert.Contains($"href=\"/van-ban-den/{id}\"", urgent, StringComparison.Ordinal);
        Assert.Contains("Thượng khẩn", urgent, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"home-awaiting\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"home-receipt\"", home, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_department_head_sees_the_urgent_document_given_to_his_department_and_not_an_ordinary_one()
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var urgentId = await ToTheDepartmentAsync("V/v bảo đảm giao thông mùa mưa lũ " + mark, Urgency.Urgent);
        var ordinaryId = await ToTheDepartmentAsync("V/v báo cáo tình hình thực hiện kế hoạch năm " + mark, Urgency.Normal);
        var head = await app.SignedInDemoAsync("pvhung");

        var home = await head.GetStringAsync("/");

        var counts = await CountsAsync(head);
        Assert.True(counts.GetProperty("pending").GetInt32() >= 2);
        AssertCard(home, "home-pending", counts.GetProperty("pending").GetInt32(), "/van-ban-den?box=cho-xu-ly");
        var urgent = Section(home, "home-urgent");
        Assert.Contains($"data-document=\"{urgentId}\"", urgent, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-document=\"{ordinaryId}\"", urgent, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"home-receipt\"", home, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_director_sees_the_newest_urgent_documents_first_with_their_marks_and_no_clerk_section()
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var older = await ToTheDirectorAsync("V/v phòng chống bão số 9 " + mark, Urgency.Urgent);
        var newer = await ToTheDirectorAsync("V/v xin ý kiến phương án phân luồng " + mark, Urgency.Urgent);
        var director = await app.SignedInDemoAsync("nvan");

        var home = await director.GetStringAsync("/");

        var urgent = Section(home, "home-urgent");
        var (at, atOlder) = (urgent.IndexOf($"data-document=\"{newer}\"", StringComparison.Ordinal), urgent.IndexOf($"data-document=\"{older}\"", StringComparison.Ordinal));
        Assert.True(at >= 0 && atOlder > at, "The newer urgent document comes first.");
        AssertCard(home, "home-pending", (await CountsAsync(director)).GetProperty("pending").GetInt32(), "/van-ban-den?box=cho-xu-ly");
        Assert.DoesNotContain("id=\"home-awaiting\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"home-receipt\"", home, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_clerk_sees_the_electronic_documents_waiting_for_receipt_and_those_waiting_to_be_presented()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var subject = "Giấy mời họp triển khai chuyển đổi số " + Guid.NewGuid().ToString("N")[..6];
        var file = await clerk.UploadPdfAsync(name: "gm-chuyen-doi-so.pdf");
        var put = await clerk.PostAsJsonAsync("/api/v1/documents/incoming/pending", new
        {
            externalId = "pkg-" + Guid.NewGuid().ToString("N"), fileIds = new[] { file },
            document = new
            {
                issuingOrganId = "000.00.16.H43", issuingOrganName = "Sở Thông tin và Truyền thông tỉnh Ninh Bình", typeCode = "GM", codeNumber = "45",
                codeNotation = "GM-STTTT", subject, urgency = "urgent",
            },
        });
        var pendingId = (await put.JsonAsync()).GetProperty("id").GetGuid();
        await app.RegisterDirectAsync("V/v đăng ký nhu cầu đào tạo " + Guid.NewGuid().ToString("N")[..6]);

        var home = await clerk.GetStringAsync("/");

        var receipt = Section(home, "home-receipt");
        Assert.Contains(subject, receipt, StringComparison.Ordinal);
        Assert.Contains($"href=\"/van-ban-den/cho-tiep-nhan/{pendingId}\"", receipt, StringComparison.Ordinal);
        Assert.Contains("href=\"/van-ban-den/cho-tiep-nhan\"", receipt, StringComparison.Ordinal);
        var awaiting = (await CountsAsync(clerk)).GetProperty("awaitingPresentation").GetInt32();
        Assert.True(awaiting >= 1);
        AssertCard(home, "home-awaiting", awaiting, "/van-ban-den?box=so-van-ban");
    }

    [DbFact]
    public async Task Nothing_waiting_is_said_in_vietnamese()
    {
        var home = await (await app.SignedInDemoAsync("nvana")).GetStringAsync("/");

        Assert.Contains("Không có văn bản khẩn nào đang chờ bạn xử lý.", Section(home, "home-urgent"), StringComparison.Ordinal);
        AssertCard(home, "home-pending", 0, "/van-ban-den?box=cho-xu-ly");
        Assert.DoesNotContain("id=\"home-receipt\"", home, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CountsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/documents/incoming/counts");

    private static void AssertCard(string page, string id, int count, string href)
    {
        var card = CardPattern().Match(page[page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..]);
        Assert.True(card.Success, $"No card {id}.");
        Assert.Equal(href, System.Net.WebUtility.HtmlDecode(card.Groups["href"].Value));
        Assert.Equal(count, int.Parse(card.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The markup of one home section, from its opening tag to the next section's (or the end).</summary>
    private static string Section(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {id}.");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [GeneratedRegex("^id=\"[^\"]+\"\\s+href=\"(?<href>[^\"]+)\"[^>]*>\\s*<span class=\"card-body\"><span class=\"h3 d-block mb-0\">(?<count>\\d+)</span>")]
    private static partial Regex CardPattern();
}

public sealed class HomePageTestsOnSqlite(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class HomePageTestsOnPostgres(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
