using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;

namespace Eoffice.IntegrationTests.Documents.Lists;

/// <summary>
/// The tabs of the incoming lists along the flow of regulation 000 Điều 5.2.a: clerk dtmai → chief of office lttha →
/// director nvan → the infrastructure department (head pvhung) → specialist cxtruong, with the planning department head
/// dddat informed. Each test marks its documents with its own word and filters on it, so tests sharing the database
/// do not see each other's rows.
/// </summary>
public abstract class IncomingListsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    [DbFact]
    public async Task Each_tab_shows_each_person_exactly_the_documents_they_hold_along_the_flow()
    {
        var mark = Marker();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        var a = await app.RegisterDirectAsync($"V/v sửa chữa cầu Non Nước {mark}");
        var b = await app.RegisterDirectAsync($"V/v kiểm tra đường tỉnh 477 {mark}", Urgency.Urgent);
        var c = await app.RegisterDirectAsync($"V/v chưa trình {mark}");
        var toOffice = await app.PresentAsync(a, "lttha");
        await app.PresentAsync(b, "lttha");
        var toDirector = (await app.ForwardAsync(a, "lttha", toOffice, await app.PersonAsync("nvan", AssignmentRole.Direct)))[0];
        var fromDirector = await app.ForwardAsync(a, "nvan", toDirector,
            await app.UnitAsync(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, due),
            await app.PersonAsync("dddat", AssignmentRole.ForInformation, null, DemoAgency.Units.PlanningFinance));
        var toSpecialist = (await app.ForwardAsync(a, "pvhung", fromDirector[0],
            await app.PersonAsync("cxtruong", AssignmentRole.Lead, due, DemoAgency.Units.Infrastructure)))[0];
        var q = "&q=" + mark;

        async Task<List<Guid>> Ids(string user, string box) =>
            (await (await app.SignedInDemoAsync(user)).ListAsync(box, q)).Items.Select(r => r.DocumentId).ToList();

        // The clerk keeps the register: every document, the one not yet presented marked "chờ trình".
        var clerk = await app.SignedInDemoAsync("dtmai");
        var register = await clerk.ListAsync("so-van-ban", q);
        Assert.Equal([b, c, a], register.Items.Select(r => r.DocumentId));
        Assert.True(register.Items.Single(r => r.DocumentId == c).AwaitingPresentation);
        Assert.False(register.Items.Single(r => r.DocumentId == a).AwaitingPresentation);
        Assert.Empty(await Ids("dtmai", "cho-xu-ly"));

        Assert.Equal([b], await Ids("lttha", "cho-xu-ly"));
        Assert.Equal([a], await Ids("lttha", "dang-xu-ly"));
        Assert.Empty(await Ids("nvan", "cho-xu-ly"));
        Assert.Equal([a], await Ids("nvan", "dang-xu-ly"));
        Assert.Equal([b, a], await Ids("nvan", "theo-doi"));
        Assert.Equal([a], await Ids("pvhung", "dang-xu-ly"));
        Assert.Equal([a], await Ids("pvhung", "theo-doi"));
        Assert.Empty(await Ids("pvhung", "cho-xu-ly"));

        var specialist = await (await app.SignedInDemoAsync("cxtruong")).ListAsync("cho-xu-ly", q);
        var row = Assert.Single(specialist.Items);
        Assert.Equal(a, row.DocumentId);
        Assert.Equal(AssignmentRole.Lead, row.Role);
        Assert.Equal(due, row.DueDate);
        Assert.Equal(Web.Modules.Documents.Incoming.DeadlineState.OnTime, row.Deadline);
        Assert.False(row.IsRead);
        Assert.Equal("Phan Văn Hùng", row.SenderName);

        Assert.Equal([a], await Ids("dddat", "nhan-de-biet"));
        Assert.Empty(await Ids("dddat", "cho-xu-ly"));

        // Another unit's specialist and a specialist of the planning department see nothing of it in any tab.
        foreach (var outsider in new[] { "nvana", "hvson" })
        {
            foreach (var box in new[] { "cho-xu-ly", "dang-xu-ly", "da-xu-ly", "nhan-de-biet", "qua-han", "theo-doi", "so-van-ban" })
            {
                Assert.Empty(await Ids(outsider, box));
            }
        }

        // The specialist finishes: it is done for them, for the department and for the director up the chain.
        await app.FinishAsync(a, "cxtruong", toSpecialist);
        Assert.Equal([a], await Ids("cxtruong", "da-xu-ly"));
        Assert.Empty(await Ids("cxtruong", "cho-xu-ly"));
        Assert.Equal([a], await Ids("pvhung", "da-xu-ly"));
        Assert.Equal([a], await Ids("nvan", "da-xu-ly"));
        Assert.Empty(await Ids("nvan", "dang-xu-ly"));
        Assert.Equal([b], await Ids("nvan", "theo-doi"));
        Assert.Equal([a], await Ids("nvan", "theo-doi" + "&status=Finished"));

        // The planning head files his copy for information: it stays in "Nhận để biết" (after the open ones) and joins
        // his "Đã xử lý", read from the information index beside the work one.
        Assert.Empty(await Ids("dddat", "da-xu-ly"));
        await app.FinishAsync(a, "dddat", fromDirector[1]);
        Assert.Equal([a], await Ids("dddat", "nhan-de-biet"));
        Assert.Equal([a], await Ids("dddat", "da-xu-ly"));
        Assert.Empty(await Ids("dddat", "cho-xu-ly"));
    }

    [DbFact]
    public async Task Urgent_documents_come_first_and_each_filter_narrows_the_list()
    {
        var mark = Marker();
        var normal = await app.RegisterDirectAsync($"Về việc cấp phép vận tải {mark}", organ: "Bộ Giao thông vận tải");
        var flash = await app.RegisterDirectAsync($"Về việc phòng chống bão số 5 {mark}", Urgency.Flash, organ: "Ủy ban nhân dân tỉnh Ninh Bình");
        var urgent = await app.RegisterDirectAsync($"Về việc báo cáo quý {mark}", Urgency.Urgent, typeCode: "BC", organ: "Sở Tài chính");
        foreach (var id in new[] { normal, flash, urgent })
        {
            await app.PresentAsync(id, "lttha");
        }

        var office = await app.SignedInDemoAsync("lttha");
        var q = "&q=" + mark;
        Assert.Equal([flash, urgent, normal], (await office.ListAsync("cho-xu-ly", q)).Items.Select(r => r.DocumentId));
        Assert.True((await office.ListAsync("cho-xu-ly", q)).Items[0].IsUrgent);

        Assert.Equal([flash], (await office.ListAsync("cho-xu-ly", q + "&urgency=Flash")).Items.Select(r => r.DocumentId));
        Assert.Equal([urgent], (await office.ListAsync("cho-xu-ly", q + "&type=BC")).Items.Select(r => r.DocumentId));
        Assert.Equal([normal], (await office.ListAsync("cho-xu-ly", q + "&organ=" + Uri.EscapeDataString("giao thông VAN tai"))).Items.Select(r => r.DocumentId));
        Assert.Equal([flash], (await office.ListAsync("cho-xu-ly", "&q=" + Uri.EscapeDataString($"phong chong bao so 5 {mark}"))).Items.Select(r => r.DocumentId));
        var tomorrow = DateTime.UtcNow.AddHours(7).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty((await office.ListAsync("cho-xu-ly", q + "&from=" + tomorrow)).Items);
        Assert.Equal(3, (await office.ListAsync("cho-xu-ly", q + "&to=" + tomorrow)).Items.Count);
        var registerId = await app.AgencyRegisterIdAsync();
        Assert.Equal(3, (await office.ListAsync("cho-xu-ly", q + "&registerId=" + registerId)).Items.Count);
        Assert.Empty((await office.ListAsync("cho-xu-ly", q + "&registerId=" + Guid.NewGuid())).Items);
        Assert.Equal(3, (await office.ListAsync("cho-xu-ly", q + "&status=InProgress")).Items.Count);

        var bad = await office.GetAsync("/api/v1/documents/incoming?box=khong-co&pageSize=1000");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [DbFact]
    public async Task Paging_through_a_list_returns_every_row_once_in_order()
    {
        var mark = Marker();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await app.RegisterDirectAsync($"Văn bản phân trang {i} {mark}", i % 3 == 0 ? Urgency.Urgent : Urgency.Normal));
        }

        var clerk = await app.SignedInDemoAsync("dtmai");
        var whole = (await clerk.ListAsync("so-van-ban", $"&q={mark}&pageSize=100")).Items.Select(r => r.DocumentId).ToList();
        Assert.Equal(7, whole.Count);
        Assert.Equal(ids.ToHashSet(), whole.ToHashSet());
        Assert.Equal([ids[6], ids[3], ids[0]], whole.Take(3));

        foreach (var size in new[] { 1, 2, 3 })
        {
            var paged = await clerk.ListAllAsync("so-van-ban", $"&q={mark}", size);
            Assert.Equal(whole, paged.Select(r => r.DocumentId));
        }

        var second = await clerk.ListAsync("so-van-ban", $"&q={mark}&pageSize=3&page=2");
        Assert.Equal(whole.Skip(3).Take(3), second.Items.Select(r => r.DocumentId));

        // The counts follow the tabs.
        var counts = await clerk.GetAsync("/api/v1/documents/incoming/counts");
        counts.EnsureSuccessStatusCode();

        // The page renders the tab with its rows.
        var page = await clerk.GetAsync($"/van-ban-den?box=so-van-ban&q={mark}");
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"/van-ban-den/{ids[6]}", html);
        Assert.Contains("Chờ trình", html);
    }

    [DbFact]
    public async Task The_clerks_register_tab_counts_the_documents_waiting_to_be_presented_and_says_so()
    {
        await app.RegisterDirectAsync("Văn bản chờ trình " + Guid.NewGuid().ToString("N")[..6]);
        var clerk = await app.SignedInDemoAsync("dtmai");

        var html = System.Net.WebUtility.HtmlDecode(await clerk.GetStringAsync("/van-ban-den"));

        Assert.Matches(@"data-count=""so-van-ban"" data-count-suffix=""chờ trình"">[1-9][0-9]*\+? chờ trình</span>", html);
    }
}

public sealed class IncomingListsTestsOnSqlite(SqliteApp app) : IncomingListsTests<SqliteApp>(app);

public sealed class IncomingListsTestsOnPostgres(PostgresApp app) : IncomingListsTests<PostgresApp>(app), IPostgresSuite;
