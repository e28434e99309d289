using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Organization.Contracts;

namespace Eoffice.IntegrationTests.Documents.Lists;

/// <summary>
/// Issue 9, point 7: a document that came back (bị trả lại) and one that asks for comments (xin ý kiến, regulation 003
/// Điều 5.6) stand out from the others — in the API list rows, the inbox rows and the document page's header — and the
/// return says who gave it back and why.
/// </summary>
public abstract class ReturnedAndConsultationMarksTests(EofficeApp app)
{
    private const string Reason = "Không thuộc thẩm quyền của phòng; đề nghị giao Phòng Quản lý vận tải";

    /// <summary>Clerk → chief of office → director → the infrastructure department as lead, whose head returns it.</summary>
    private async Task<Guid> ReturnedToTheDirectorAsync(string subject)
    {
        var id = await app.RegisterDirectAsync(subject);
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward",
            new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct") } });
        await (await app.SignedInDemoAsync("nvan")).ActAsync(id, "forward",
            new { targets = new[] { HandlingKit.Unit(await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure), "lead", 10) } });
        await (await app.SignedInDemoAsync("pvhung")).ActAsync(id, "return", new { reason = Reason });
        return id;
    }

    [DbFact]
    public async Task A_document_returned_to_the_director_shows_who_returned_it_and_why_in_his_list_and_on_its_page()
    {
        var mark = "tl" + Guid.NewGuid().ToString("N")[..8];
        var returned = await ReturnedToTheDirectorAsync($"V/v sửa chữa mặt đường tỉnh 477 {mark}");
        var other = await app.RegisterDirectAsync($"V/v báo cáo số liệu thống kê {mark}");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(other, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(other, "forward",
            new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct") } });
        var director = await app.SignedInDemoAsync("nvan");

        var rows = (await director.ListAsync("cho-xu-ly", "&q=" + mark)).Items;

        var back = rows.Single(r => r.DocumentId == returned);
        Assert.Equal("Lê Thị Thu Hà", back.SenderName);
        Assert.NotNull(back.Returned);
        Assert.Equal("Phan Văn Hùng", back.Returned.ByName);
        Assert.Equal(Reason, back.Returned.Reason);
        Assert.Null(rows.Single(r => r.DocumentId == other).Returned);

        var inbox = await director.GetStringAsync("/van-ban-den?box=cho-xu-ly&q=" + mark);
        var returnedRow = RowOf(inbox, returned);
        Assert.Contains("incoming-mark-returned", returnedRow, StringComparison.Ordinal);
        Assert.Contains("Bị trả lại", returnedRow, StringComparison.Ordinal);
        Assert.Contains("Phan Văn Hùng trả lại", returnedRow, StringComparison.Ordinal);
        Assert.Contains(Reason, returnedRow, StringComparison.Ordinal);
        Assert.DoesNotContain("incoming-mark-returned", RowOf(inbox, other), StringComparison.Ordinal);

        var detail = await director.DetailAsync(returned);
        Assert.Equal("Phan Văn Hùng", detail.GetProperty("returned").GetProperty("byName").GetString());
        Assert.Equal(Reason, detail.GetProperty("returned").GetProperty("reason").GetString());
        var page = await director.GetStringAsync($"/van-ban-den/{returned}");
        var header = page[page.IndexOf("id=\"incoming-marks\"", StringComparison.Ordinal)..page.IndexOf("id=\"processing-tree\"", StringComparison.Ordinal)];
        Assert.Contains("Bị trả lại", header, StringComparison.Ordinal);
        Assert.Contains(Reason, header, StringComparison.Ordinal);

        // The chief of office, whose part is being handled above her, sees no return on her row.
        var chiefRows = (await (await app.SignedInDemoAsync("lttha")).ListAsync("dang-xu-ly", "&q=" + mark)).Items;
        Assert.Null(chiefRows.Single(r => r.DocumentId == returned).Returned);
    }

    [DbFact]
    public async Task A_presentation_returned_to_the_clerks_is_marked_in_the_register_with_the_leaders_reason()
    {
        var mark = "tv" + Guid.NewGuid().ToString("N")[..8];
        var id = await app.RegisterDirectAsync($"V/v mời họp giao ban ngành {mark}");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "return", new { reason = "Đề nghị trình trực tiếp Giám đốc" });
        var clerk = await app.SignedInDemoAsync("dtmai");

        var row = (await clerk.ListAsync("so-van-ban", "&q=" + mark)).Items.Single();

        Assert.True(row.AwaitingPresentation);
        Assert.Equal("Lê Thị Thu Hà", row.Returned?.ByName);
        Assert.Equal("Đề nghị trình trực tiếp Giám đốc", row.Returned?.Reason);
        var register = RowOf(await clerk.GetStringAsync("/van-ban-den?box=so-van-ban&q=" + mark), id);
        Assert.Contains("Lê Thị Thu Hà trả lại", register, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_document_asking_for_comments_is_marked_and_its_subject_coloured_in_lists_and_its_header()
    {
        var mark = "yk" + Guid.NewGuid().ToString("N")[..8];
        var consultation = await app.RegisterDirectAsync($"V/v góp ý dự thảo quy hoạch giao thông {mark}", requestsComments: true);
        var ordinary = await app.RegisterDirectAsync($"V/v thông báo lịch nghỉ Tết {mark}");
        foreach (var id in new[] { consultation, ordinary })
        {
            await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        }

        var chief = await app.SignedInDemoAsync("lttha");

        var rows = (await chief.ListAsync("cho-xu-ly", "&q=" + mark)).Items;
        Assert.True(rows.Single(r => r.DocumentId == consultation).RequestsComments);
        Assert.False(rows.Single(r => r.DocumentId == ordinary).RequestsComments);
        var inbox = await chief.GetStringAsync("/van-ban-den?box=cho-xu-ly&q=" + mark);
        Assert.Contains("incoming-subject-comments", RowOf(inbox, consultation), StringComparison.Ordinal);
        Assert.Contains(">Xin ý kiến<", RowOf(inbox, consultation), StringComparison.Ordinal);
        Assert.DoesNotContain("incoming-subject-comments", RowOf(inbox, ordinary), StringComparison.Ordinal);
        Assert.DoesNotContain("Xin ý kiến", RowOf(inbox, ordinary), StringComparison.Ordinal);

        var page = await chief.GetStringAsync($"/van-ban-den/{consultation}");
        Assert.Matches("<h1 class=\"[^\"]*incoming-subject-comments[^\"]*\" id=\"incoming-subject\"", page);
        Assert.Contains(">Xin ý kiến<", page[page.IndexOf("id=\"incoming-marks\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>The markup of one inbox row (table row or card) by its document.</summary>
    private static string RowOf(string page, Guid documentId)
    {
        var start = page.IndexOf($"data-document=\"{documentId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {documentId}.");
        var end = page.IndexOf("data-document=\"", start + 20, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }
}

public sealed class ReturnedAndConsultationMarksTestsOnSqlite(SqliteApp app) : ReturnedAndConsultationMarksTests(app), IClassFixture<SqliteApp>;

public sealed class ReturnedAndConsultationMarksTestsOnPostgres(PostgresApp app) : ReturnedAndConsultationMarksTests(app), IClassFixture<PostgresApp>;
