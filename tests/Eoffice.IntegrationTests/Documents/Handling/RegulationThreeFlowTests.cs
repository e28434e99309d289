using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>
/// The route of regulation 003 Điều 5: the clerk presents to the director, who passes to the chief of office to
/// distribute; a department returns what is not its business; a consultation document collects the units' feedback.
/// The agency's settings are switched to this route through the settings API, as its administrator would.
/// </summary>
public abstract class RegulationThreeFlowTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : EofficeApp
{
    public async Task InitializeAsync()
    {
        var admin = await app.SignedInClientAsync();
        var settings = await admin.GetAsync("/api/v1/documents/incoming/settings").OkJsonAsync();
        if (settings.GetProperty("route").GetString() == "toAgencyLeader")
        {
            return;
        }

        var rules = settings.GetProperty("rules").Deserialize<List<JsonElement>>()!;
        var updated = await admin.PutAsJsonAsync("/api/v1/documents/incoming/settings",
            new { route = "toAgencyLeader", reminderDaysBefore = 3, defaultDeadlineDays = 7, rules }).OkJsonAsync();
        Assert.Equal("toAgencyLeader", updated.GetProperty("route").GetString());
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "documents.incoming.settings.update")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [DbFact]
    public async Task Director_passes_to_the_chief_of_office_a_department_returns_it_as_not_its_business_and_another_handles_it()
    {
        var id = await app.RegisterDirectAsync("V/v xử lý phản ánh về biển báo tại nút giao Gián Khẩu");
        var nvan = await app.DemoUserIdAsync("nvan");
        var lttha = await app.DemoUserIdAsync("lttha");
        var mvlong = await app.DemoUserIdAsync("mvlong");
        var cxtruong = await app.DemoUserIdAsync("cxtruong");
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var clerk = await app.SignedInDemoAsync("dtmai");

        // Straight to the director now: the chief of office is no longer offered for presentation.
        var offered = (await clerk.GetAsync(HandlingKit.Api(id, "recipients") + "?mode=present").OkJsonAsync()).GetProperty("groups")
            .EnumerateArray().SelectMany(g => g.GetProperty("options").EnumerateArray()).Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(nvan, offered[0]);
        Assert.DoesNotContain(lttha, offered);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.TryAsync(id, "present", new { userId = lttha })).Status);
        await clerk.ActAsync(id, "present", new { userId = nvan });

        var director = await app.SignedInDemoAsync("nvan");
        await director.ActAsync(id, "forward", new { instruction = "Giao Văn phòng phân phối xử lý.", targets = new[] { HandlingKit.Person(lttha, "direct") } });
        var chief = await app.SignedInDemoAsync("lttha");
        await chief.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(transport, "lead", 5) } });
        var d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Forwarded, d.Single(lttha).Status);
        Assert.Equal(await app.WorkingDaysFromTodayAsync(5), d.Single(transport).DueDate);

        // The transport head returns it: not within his department's responsibility.
        var transportHead = await app.SignedInDemoAsync("mvlong");
        var empty = await transportHead.TryAsync(id, "return", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        await transportHead.ActAsync(id, "return", new { reason = "Không thuộc thẩm quyền: biển báo thuộc kết cấu hạ tầng." });
        d = await app.LoadIncomingAsync(id);
        var returned = d.Single(transport);
        Assert.Equal(AssignmentStatus.Returned, returned.Status);
        Assert.StartsWith("Không thuộc thẩm quyền", returned.Result);
        Assert.Equal("Mai Văn Long", returned.ActedByName);
        var chiefPart = d.Single(lttha);
        Assert.Equal(AssignmentStatus.Open, chiefPart.Status);
        Assert.True(chiefPart.CameBack);
        Assert.Equal(1, await app.NotificationsOfAsync(lttha, "Văn bản đến bị trả lại", id));
        Assert.Contains(d.Events, e => e.Kind == HandlingEventKinds.Returned && e.Text!.Contains("Không thuộc thẩm quyền"));
        var tree = (await chief.DetailAsync(id)).GetProperty("tree")[0].GetProperty("children")[0];
        Assert.True(tree.GetProperty("cameBack").GetBoolean());

        // The chief assigns the right department; its head gives it to a specialist who finishes.
        await chief.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead", 5) } });
        await (await app.SignedInDemoAsync("pvhung")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(cxtruong, "lead", 3) } });
        var specialist = await app.SignedInDemoAsync("cxtruong");
        await specialist.ActAsync(id, "opinions", new { text = "Đã liên hệ Công ty quản lý đường bộ để kiểm tra." });
        await specialist.ActAsync(id, "finish", new { result = "Đã thay biển báo." });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentAwaiting.ResultConfirmation, d.Single(infra).Awaiting);
        Assert.Equal(IncomingStatus.InProgress, d.Status);
        await (await app.SignedInDemoAsync("pvhung")).ActAsync(id, "confirm", new { });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(IncomingStatus.Finished, d.Status);
        Assert.All(new[] { nvan, lttha, infra, cxtruong }, who => Assert.Equal(AssignmentStatus.Done, d.Single(who).Status));
        Assert.Equal(AssignmentStatus.Returned, d.Single(transport).Status);

        // The transport head took part and still sees the document; his specialist never did.
        Assert.Equal(HttpStatusCode.OK, await transportHead.DetailStatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, await (await app.SignedInDemoAsync("hvson")).DetailStatusAsync(id));
        _ = mvlong;
    }

    [DbFact]
    public async Task A_consultation_document_collects_each_units_feedback_and_an_information_recipient_files_it()
    {
        var id = await app.RegisterDirectAsync("V/v góp ý dự thảo Quyết định ban hành quy định quản lý bến xe", requestsComments: true);
        var nvan = await app.DemoUserIdAsync("nvan");
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);
        var ttbhanh = await app.DemoUserIdAsync("ttbhanh");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = nvan });
        var director = await app.SignedInDemoAsync("nvan");
        await director.ActAsync(id, "forward", new
        {
            instruction = "Các phòng nghiên cứu, góp ý; Phòng Vận tải tổng hợp.",
            targets = new[] { HandlingKit.Unit(transport, "lead", 5), HandlingKit.Unit(legal, "support", 4), HandlingKit.Unit(planning, "support", 4), HandlingKit.Person(ttbhanh, "forInformation") },
        });

        // A document that does not ask for comments refuses feedback.
        var plain = await app.RegisterDirectAsync("V/v thông báo lịch họp giao ban");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(plain, "present", new { userId = nvan });
        Assert.Equal(HttpStatusCode.BadRequest, (await director.TryAsync(plain, "feedback", new { text = "Nhất trí" })).Status);

        var legalHead = await app.SignedInDemoAsync("vdthang");
        var detail = await legalHead.DetailAsync(id);
        Assert.Contains(detail.GetProperty("actions").EnumerateArray(), a => a.GetProperty("code").GetString() == "feedback");
        await legalHead.ActAsync(id, "feedback", new { text = "Phòng Pháp chế: đề nghị bổ sung căn cứ Luật Đường bộ 2024." });
        await (await app.SignedInDemoAsync("dddat")).ActAsync(id, "feedback", new { text = "Phòng KH-TC: nhất trí với dự thảo." });
        var d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Done, d.Single(legal).Status);
        Assert.Equal(AssignmentStatus.Done, d.Single(planning).Status);
        Assert.Equal(2, d.Events.Count(e => e.Kind == HandlingEventKinds.Feedback));
        Assert.Equal(IncomingStatus.InProgress, d.Status);
        var mvlong = await app.DemoUserIdAsync("mvlong");
        Assert.Equal(2, await app.NotificationsOfAsync(mvlong, "Ý kiến góp ý về văn bản đến", id));

        // The lead's feedback ends the lead's own part only: the document comes back to the director, who asked for the
        // comments, and is not finished before he has read them.
        await (await app.SignedInDemoAsync("mvlong")).ActAsync(id, "feedback", new { text = "Phòng Vận tải: tổng hợp ý kiến, trình Giám đốc ký văn bản góp ý." });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Done, d.Single(transport).Status);
        Assert.Equal((AssignmentStatus.Open, AssignmentAwaiting.FeedbackReview), (d.Single(nvan).Status, d.Single(nvan).Awaiting));
        Assert.Equal(IncomingStatus.InProgress, d.Status);
        Assert.Contains((await director.ListAsync("cho-xu-ly")).Items, r => r.DocumentId == id && r.StatusName == "Đã có ý kiến góp ý");
        var timeline = (await director.DetailAsync(id)).GetProperty("timeline");
        Assert.Equal(3, timeline.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "feedback"));
        await director.ActAsync(id, "finish", new { result = "Giao Phòng Vận tải hoàn thiện văn bản góp ý trình ký." });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Done, d.Single(nvan).Status);
        Assert.Equal(IncomingStatus.Finished, d.Status);

        // The deputy received it for information: she ends it, filing it in a dossier.
        var deputy = await app.SignedInDemoAsync("ttbhanh");
        var actions = (await deputy.DetailAsync(id)).GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("finish", actions);
        Assert.DoesNotContain("forward", actions);
        Assert.Equal(HttpStatusCode.BadRequest, (await deputy.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(legal, "lead") } })).Status);
        await deputy.ActAsync(id, "finish", new { dossierTitle = "Hồ sơ góp ý văn bản QPPL năm 2026" });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Done, d.Single(ttbhanh).Status);
        Assert.All(d.Assignments, a => Assert.Equal((AssignmentStatus.Done, AssignmentAwaiting.None), (a.Status, a.Awaiting)));
        Assert.Equal("Hồ sơ góp ý văn bản QPPL năm 2026", d.DossierTitle);
        Assert.Contains(d.Events, e => e.Kind == HandlingEventKinds.Closed && e.ActorId == ttbhanh);

        // A reply is started and shown as "answered by".
        await (await app.SignedInDemoAsync("mvlong")).ActAsync(id, "replies", new { title = "Góp ý dự thảo quy định quản lý bến xe" });
        var replies = (await director.DetailAsync(id)).GetProperty("replies");
        Assert.StartsWith("Trả lời bởi", replies[0].GetProperty("text").GetString());
    }
}

public sealed class RegulationThreeFlowTestsOnSqlite(SqliteApp app) : RegulationThreeFlowTests<SqliteApp>(app);

public sealed class RegulationThreeFlowTestsOnPostgres(PostgresApp app) : RegulationThreeFlowTests<PostgresApp>(app), IPostgresSuite;
