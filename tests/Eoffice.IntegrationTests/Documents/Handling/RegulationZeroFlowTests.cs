using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>
/// The demo agency's route (regulation 000 Điều 5.2.a): the clerk presents to the chief of office, who passes to the
/// director; the director directs a deputy; the deputy assigns departments; the head assigns a specialist, who finishes.
/// Replayed through the HTTP API, checking states, deadlines and who sees what at every step.
/// </summary>
public abstract class RegulationZeroFlowTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task Clerk_chief_of_office_director_deputy_department_specialist_finish_with_deadlines_and_visibility_at_each_step()
    {
        var id = await app.RegisterDirectAsync("V/v sửa chữa hư hỏng mặt đường Quốc lộ 1A đoạn qua Tam Điệp", Urgency.Urgent);
        var fileId = await app.AttachPdfAsync(id);
        var lttha = await app.DemoUserIdAsync("lttha");
        var nvan = await app.DemoUserIdAsync("nvan");
        var ttbhanh = await app.DemoUserIdAsync("ttbhanh");
        var pvhung = await app.DemoUserIdAsync("pvhung");
        var cxtruong = await app.DemoUserIdAsync("cxtruong");
        var vdthang = await app.DemoUserIdAsync("vdthang");
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);

        var clerk = await app.SignedInDemoAsync("dtmai");
        var chief = await app.SignedInDemoAsync("lttha");
        var director = await app.SignedInDemoAsync("nvan");
        var deputy = await app.SignedInDemoAsync("ttbhanh");
        var head = await app.SignedInDemoAsync("pvhung");
        var specialist = await app.SignedInDemoAsync("cxtruong");
        var planningHead = await app.SignedInDemoAsync("dddat");
        var planningSpecialist = await app.SignedInDemoAsync("nvana");
        var transportSpecialist = await app.SignedInDemoAsync("hvson");

        async Task OutsidersSeeNothing(params HttpClient[] outsiders)
        {
            foreach (var outsider in outsiders)
            {
                Assert.Equal(HttpStatusCode.NotFound, await outsider.DetailStatusAsync(id));
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(HandlingKit.Api(id, "recipients"))).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.TryAsync(id, "opinions", new { text = "Xem thử" })).Status);
            }
        }

        // Registered: only the clerk (and the agency's leaders) see it; the chief of office not yet.
        Assert.Equal(HttpStatusCode.OK, await clerk.DetailStatusAsync(id));
        Assert.Equal(HttpStatusCode.OK, await director.DetailStatusAsync(id));
        await OutsidersSeeNothing(chief, head, specialist, planningSpecialist, transportSpecialist);

        // 1. The clerk presents to the chief of office: the demo route goes through her, the chief first.
        var present = await clerk.GetAsync(HandlingKit.Api(id, "recipients") + "?mode=present").OkJsonAsync();
        var presentable = present.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("options").EnumerateArray())
            .Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(lttha, presentable[0]);
        Assert.DoesNotContain(nvan, presentable);
        var presented = await clerk.ActAsync(id, "present", new { userId = lttha, note = "Văn bản khẩn" });
        Assert.Equal("inProgress", presented.GetProperty("status").GetString());
        var d = await app.LoadIncomingAsync(id);
        var root = d.Single(lttha);
        Assert.Equal((AssignmentStatus.Open, AssignmentRole.Direct, (Guid?)null), (root.Status, root.Role, root.ParentId));
        Assert.Null(root.ReadAt);
        Assert.Equal(1, await app.NotificationsOfAsync(lttha, "[Khẩn] Văn bản đến cần xử lý", id));

        // The chief opens it: read time recorded, the access is in the audit log.
        var seen = await chief.DetailAsync(id);
        Assert.True(seen.GetProperty("isUrgent").GetBoolean());
        Assert.Contains(seen.GetProperty("actions").EnumerateArray(), a => a.GetProperty("code").GetString() == "forward");
        Assert.NotNull((await app.LoadIncomingAsync(id)).Single(lttha).ReadAt);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "documents.incoming.view" && e.ObjectId == id.ToString() && e.ActorId == lttha)));
        await OutsidersSeeNothing(head, specialist, planningSpecialist, transportSpecialist);

        // 2. The chief of office passes it to the director.
        await chief.ActAsync(id, "forward", new { instruction = "Kính trình Giám đốc xem xét, chỉ đạo.", targets = new[] { HandlingKit.Person(nvan, "direct") } });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Forwarded, d.Single(lttha).Status);
        Assert.Equal(AssignmentStatus.Open, d.Single(nvan).Status);
        Assert.Equal(d.Single(lttha).Id, d.Single(nvan).ParentId);

        // 3. The director directs the deputy.
        await director.ActAsync(id, "forward", new { instruction = "Giao đồng chí Hạnh chỉ đạo xử lý.", targets = new[] { HandlingKit.Person(ttbhanh, "direct") } });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Forwarded, d.Single(nvan).Status);
        Assert.Equal("Giao đồng chí Hạnh chỉ đạo xử lý.", d.Single(ttbhanh).Instruction);
        await OutsidersSeeNothing(head, specialist, planningSpecialist, transportSpecialist);

        // 4. The deputy assigns the infrastructure department as lead (5 working days), planning-finance as support and
        //    the legal head for information.
        var recipients = await deputy.GetAsync(HandlingKit.Api(id, "recipients")).OkJsonAsync();
        Assert.True(recipients.GetProperty("defaultDeadlineDays").GetInt32() > 0);
        await deputy.ActAsync(id, "forward", new
        {
            instruction = "Phòng QLKCHTGT chủ trì kiểm tra hiện trường, đề xuất phương án; Phòng KH-TC phối hợp về kinh phí.",
            targets = new[] { HandlingKit.Unit(infra, "lead", 5), HandlingKit.Unit(planning, "support", 5), HandlingKit.Person(vdthang, "forInformation") },
        });
        var due = await app.WorkingDaysFromTodayAsync(5);
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(due, d.Single(infra).DueDate);
        Assert.Equal(due, d.Single(planning).DueDate);
        Assert.Equal(due, d.Metadata.DueDate);
        Assert.Equal(AssignmentRole.Lead, d.Single(infra).Role);
        Assert.Equal(AssignmentStatus.Forwarded, d.Single(ttbhanh).Status);
        Assert.Equal(IncomingStatus.InProgress, d.Status);
        Assert.Equal(1, await app.NotificationsOfAsync(pvhung, "[Khẩn] Văn bản đến cần xử lý", id));
        Assert.Equal(HttpStatusCode.OK, await head.DetailStatusAsync(id));
        Assert.Equal(HttpStatusCode.OK, await planningHead.DetailStatusAsync(id));
        await OutsidersSeeNothing(specialist, planningSpecialist, transportSpecialist);

        // 5. The head re-assigns within his department; he cannot send outside it.
        var headChoices = (await head.GetAsync(HandlingKit.Api(id, "recipients")).OkJsonAsync()).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("options").EnumerateArray()).Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(cxtruong, headChoices);
        Assert.DoesNotContain(nvan, headChoices);
        Assert.DoesNotContain(planning, headChoices);
        await head.ActAsync(id, "forward", new { instruction = "Đồng chí Trường kiểm tra, tham mưu.", targets = new[] { HandlingKit.Person(cxtruong, "lead", 3) } });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Forwarded, d.Single(infra).Status);
        Assert.Equal("Phan Văn Hùng", d.Single(infra).ActedByName);
        Assert.Equal(await app.WorkingDaysFromTodayAsync(3), d.Single(cxtruong).DueDate);
        Assert.Equal(due, d.Metadata.DueDate);
        Assert.Equal(HttpStatusCode.OK, await specialist.DetailStatusAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        await OutsidersSeeNothing(planningSpecialist, transportSpecialist);

        // The specialist sees the processing tree down to himself, with the deadline state.
        var tree = (await specialist.DetailAsync(id)).GetProperty("tree");
        var infraNode = tree[0].GetProperty("children")[0].GetProperty("children")[0].GetProperty("children").EnumerateArray()
            .Single(n => n.GetProperty("recipientName").GetString() == DemoAgency.Units.Infrastructure);
        Assert.Equal("Chủ trì", infraNode.GetProperty("roleName").GetString());
        Assert.Contains(infraNode.GetProperty("deadline").GetProperty("state").GetString(), new[] { "onTime", "dueSoon" });
        Assert.Equal("Cao Xuân Trường", infraNode.GetProperty("children")[0].GetProperty("recipientName").GetString());

        // 6. The specialist finishes. The demo agency has unit heads confirm results: the department's part comes back to
        //    its head to confirm; the lines above it wait.
        await specialist.ActAsync(id, "finish", new { result = "Đã kiểm tra hiện trường, tham mưu văn bản đề nghị sửa chữa.", dossierTitle = "Hồ sơ duy tu QL1A năm 2026" });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Done, d.Single(cxtruong).Status);
        Assert.Equal((AssignmentStatus.Open, AssignmentAwaiting.ResultConfirmation), (d.Single(infra).Status, d.Single(infra).Awaiting));
        Assert.All(new[] { ttbhanh, nvan, lttha }, who => Assert.Equal(AssignmentStatus.Forwarded, d.Single(who).Status));
        Assert.Equal(IncomingStatus.InProgress, d.Status);
        Assert.Equal(1, await app.NotificationsOfAsync(pvhung, "Kết quả xử lý văn bản đến chờ bạn xác nhận", id));
        var headActions = (await head.DetailAsync(id)).GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("confirm", headActions);
        Assert.Contains("rework", headActions);
        Assert.DoesNotContain("finish", headActions);
        Assert.Contains((await head.ListAsync("cho-xu-ly")).Items, r => r.DocumentId == id && r.StatusName == "Chờ xác nhận kết quả");
        Assert.Equal("Hồ sơ duy tu QL1A năm 2026", d.DossierTitle);
        var titles = await specialist.GetAsync("/api/v1/documents/incoming/dossier-titles").OkJsonAsync();
        Assert.Contains(titles.EnumerateArray(), t => t.GetString() == "Hồ sơ duy tu QL1A năm 2026");

        // Finishing again (a second tab, a double click) is told the part has ended, not that it was never his.
        var again = await specialist.TryAsync(id, "finish", new { result = "Gửi lại" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("đã kết thúc", again.Body);

        // The head asks for more: the specialist's part opens again with the reason; the department's part waits for him.
        Assert.Equal(HttpStatusCode.BadRequest, (await head.TryAsync(id, "rework", new { reason = "" })).Status);
        await head.ActAsync(id, "rework", new { reason = "Bổ sung dự toán kinh phí sửa chữa." });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal((AssignmentStatus.Open, true), (d.Single(cxtruong).Status, d.Single(cxtruong).CameBack));
        Assert.Equal((AssignmentStatus.Forwarded, AssignmentAwaiting.None), (d.Single(infra).Status, d.Single(infra).Awaiting));
        Assert.Equal(1, await app.NotificationsOfAsync(cxtruong, "Yêu cầu xử lý lại văn bản đến", id));
        await specialist.ActAsync(id, "finish", new { result = "Đã bổ sung dự toán 1,2 tỷ đồng." });

        // The head confirms: the department's part closes, and with it the directions above that only waited for it.
        await head.ActAsync(id, "confirm", new { note = "Đồng ý, trình Giám đốc ký văn bản đề nghị." });
        d = await app.LoadIncomingAsync(id);
        foreach (var done in new[] { cxtruong, infra, ttbhanh, nvan, lttha })
        {
            Assert.Equal(AssignmentStatus.Done, d.Single(done).Status);
        }

        Assert.Equal("Đồng ý, trình Giám đốc ký văn bản đề nghị.", d.Single(infra).Result);
        Assert.Contains(d.Events, e => e.Kind == HandlingEventKinds.Confirmed && e.ActorId == pvhung);
        Assert.Equal(1, await app.NotificationsOfAsync(cxtruong, "Kết quả xử lý văn bản đến đã được xác nhận", id));
        Assert.Equal(AssignmentStatus.Open, d.Single(planning).Status);
        Assert.Equal(IncomingStatus.InProgress, d.Status);

        // 7. The supporting department finishes its part: the document is done; for-information stays with its reader
        //    until she ends it.
        await planningHead.ActAsync(id, "finish", new { result = "Đã rà soát nguồn kinh phí duy tu." });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(IncomingStatus.Finished, d.Status);
        Assert.NotNull(d.FinishedAt);
        Assert.Equal(AssignmentStatus.Open, d.Single(vdthang).Status);
        var legalHead = await app.SignedInDemoAsync("vdthang");
        var readerActions = (await legalHead.DetailAsync(id)).GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal("Kết thúc", readerActions.Single(a => a.GetProperty("code").GetString() == "finish").GetProperty("name").GetString());
        await legalHead.ActAsync(id, "finish", new { });

        // Every line has ended in a defined state.
        d = await app.LoadIncomingAsync(id);
        Assert.All(d.Assignments, a => Assert.Equal(AssignmentStatus.Done, a.Status));
        Assert.All(d.Assignments, a => Assert.Equal(AssignmentAwaiting.None, a.Awaiting));
        var final = await director.DetailAsync(id);
        Assert.Equal("finished", final.GetProperty("status").GetString());
        Assert.Contains(final.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "finished");
        await OutsidersSeeNothing(planningSpecialist, transportSpecialist);
    }

    [DbFact]
    public async Task A_document_for_the_project_board_reaches_its_clerk_who_registers_it_in_the_boards_register_and_passes_it_to_the_board_head()
    {
        var id = await app.RegisterDirectAsync("V/v đẩy nhanh tiến độ dự án cải tạo cầu Non Nước", Urgency.Urgent);
        var lttha = await app.DemoUserIdAsync("lttha");
        var nvan = await app.DemoUserIdAsync("nvan");
        var tcdinh = await app.DemoUserIdAsync("tcdinh");
        var ktloan = await app.DemoUserIdAsync("ktloan");
        var dvnam = await app.DemoUserIdAsync("dvnam");
        var board = await app.DemoUnitIdAsync(DemoAgency.Units.ProjectBoard);
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(nvan, "direct") } });
        var director = await app.SignedInDemoAsync("nvan");
        await director.ActAsync(id, "forward", new { instruction = "Ban QLDA khẩn trương triển khai.", targets = new[] { HandlingKit.Unit(board, "lead", 5) } });

        // The board keeps its own register and clerk: its part waits for the clerk, not for the board head.
        var d = await app.LoadIncomingAsync(id);
        var boardPart = d.Single(board);
        Assert.Equal(AssignmentStatus.AwaitingReceipt, boardPart.Status);
        Assert.NotNull(boardPart.ReceivingRegisterId);
        Assert.Equal(1, await app.NotificationsOfAsync(ktloan, "[Khẩn] Văn bản đến chờ tiếp nhận vào sổ", id));
        Assert.Equal(0, await app.NotificationsOfAsync(tcdinh, "[Khẩn] Văn bản đến cần xử lý", id));
        var boardHead = await app.SignedInDemoAsync("tcdinh");
        Assert.DoesNotContain((await boardHead.ListAsync("cho-xu-ly")).Items, r => r.DocumentId == id);
        var early = await boardHead.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Person(dvnam, "lead") } });
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("chờ văn thư của đơn vị tiếp nhận", early.Body);

        // The board's clerk sees it waiting for her, with the action to receive it; the agency's clerk may not receive it.
        var boardClerk = await app.SignedInDemoAsync("ktloan");
        var waiting = (await boardClerk.ListAsync("cho-xu-ly")).Items.Single(r => r.DocumentId == id);
        Assert.Equal("Chờ văn thư tiếp nhận", waiting.StatusName);
        Assert.True((await boardClerk.GetAsync("/api/v1/documents/incoming/counts").OkJsonAsync()).GetProperty("pending").GetInt32() >= 1);
        Assert.Contains((await boardClerk.DetailAsync(id)).GetProperty("actions").EnumerateArray(), a => a.GetProperty("code").GetString() == "receive");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInDemoAsync("dtmai")).TryAsync(id, "receive", new { })).Status);

        // She registers it in the board's register with the board's next number and passes it to the board head.
        var received = await boardClerk.ActAsync(id, "receive", new { note = "Kính chuyển Trưởng ban." });
        var number = received.GetProperty("arrivalNumber").GetInt32();
        Assert.Equal(SeedDemoIncoming.ProjectBoardRegisterName, received.GetProperty("registerName").GetString());
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Open, d.Single(board).Status);
        var receipt = Assert.Single(d.UnitReceipts);
        Assert.Equal((board, number, ktloan), (receipt.UnitId, receipt.Number, receipt.ReceivedById));
        Assert.Contains(d.Events, e => e.Kind == HandlingEventKinds.Received && e.Text!.Contains($"số đến {number}/"));
        Assert.Equal(HttpStatusCode.Conflict, (await boardClerk.TryAsync(id, "receive", new { })).Status);
        Assert.Equal(1, await app.NotificationsOfAsync(tcdinh, "[Khẩn] Văn bản đến cần xử lý", id));
        Assert.Contains((await boardHead.ListAsync("cho-xu-ly")).Items, r => r.DocumentId == id);
        var inRegister = (await boardClerk.ListAsync("so-van-ban")).Items.Single(r => r.DocumentId == id);
        Assert.Equal(number, inRegister.ArrivalNumber);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "documents.incoming.receive" && e.ObjectId == id.ToString() && e.ActorId == ktloan)));

        // The next document the board's clerk registers herself takes the next number of the same register.
        var boardRegister = await app.WithDbAsync(db => db.Set<Register>().Where(r => r.Name == SeedDemoIncoming.ProjectBoardRegisterName).Select(r => r.Id).SingleAsync());
        var own = await boardClerk.RegisterOkAsync(RegistrationKit.Body(boardRegister, "V/v mời họp giao ban tiến độ dự án"));
        Assert.Equal(number + 1, own.ArrivalNumber);

        // The board head assigns a specialist; his result comes back to the head, who confirms: every line closes.
        await boardHead.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(dvnam, "lead", 3) } });
        await (await app.SignedInDemoAsync("dvnam")).ActAsync(id, "finish", new { result = "Đã lập kế hoạch tăng ca, báo cáo tiến độ tuần." });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentAwaiting.ResultConfirmation, d.Single(board).Awaiting);
        await boardHead.ActAsync(id, "confirm", new { });
        d = await app.LoadIncomingAsync(id);
        Assert.All(new[] { dvnam, board, nvan, lttha }, who => Assert.Equal(AssignmentStatus.Done, d.Single(who).Status));
        Assert.Equal(IncomingStatus.Finished, d.Status);
    }

    [DbFact]
    public async Task A_document_sent_only_for_information_ends_every_line_when_its_reader_ends_it()
    {
        var id = await app.RegisterDirectAsync("V/v thông báo lịch nghỉ Tết Nguyên đán");
        var lttha = await app.DemoUserIdAsync("lttha");
        var nvan = await app.DemoUserIdAsync("nvan");
        var ttbhanh = await app.DemoUserIdAsync("ttbhanh");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(nvan, "direct") } });
        var director = await app.SignedInDemoAsync("nvan");
        await director.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(ttbhanh, "forInformation") } });
        Assert.Contains((await director.ListAsync("dang-xu-ly")).Items, r => r.DocumentId == id);

        var deputy = await app.SignedInDemoAsync("ttbhanh");
        await deputy.ActAsync(id, "finish", new { });
        var d = await app.LoadIncomingAsync(id);
        Assert.All(new[] { ttbhanh, nvan, lttha }, who => Assert.Equal(AssignmentStatus.Done, d.Single(who).Status));
        Assert.Equal(IncomingStatus.Finished, d.Status);
        Assert.DoesNotContain((await director.ListAsync("dang-xu-ly")).Items, r => r.DocumentId == id);
        Assert.DoesNotContain((await (await app.SignedInDemoAsync("lttha")).ListAsync("dang-xu-ly")).Items, r => r.DocumentId == id);
    }

    [DbFact]
    public async Task Routing_rules_refuse_a_specialist_writing_to_the_director_and_the_clerk_presenting_to_a_department()
    {
        var id = await app.RegisterDirectAsync("V/v báo cáo tình hình an toàn giao thông quý IV");
        var lttha = await app.DemoUserIdAsync("lttha");
        var nvan = await app.DemoUserIdAsync("nvan");
        var pvhung = await app.DemoUserIdAsync("pvhung");
        var cxtruong = await app.DemoUserIdAsync("cxtruong");
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var clerk = await app.SignedInDemoAsync("dtmai");

        var toHead = await clerk.TryAsync(id, "present", new { userId = pvhung });
        Assert.Equal(HttpStatusCode.BadRequest, toHead.Status);
        Assert.Contains("Bạn không được chuyển văn bản cho Phan Văn Hùng", toHead.Body);

        // Via the chief of office, the clerk may not present straight to the director either.
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.TryAsync(id, "present", new { userId = nvan })).Status);

        await clerk.ActAsync(id, "present", new { userId = lttha });
        var clerkForward = await clerk.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead") } });
        Assert.Equal(HttpStatusCode.Forbidden, clerkForward.Status);

        var chief = await app.SignedInDemoAsync("lttha");
        await chief.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead", 5) } });
        var head = await app.SignedInDemoAsync("pvhung");
        await head.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(cxtruong, "lead") } });

        var specialist = await app.SignedInDemoAsync("cxtruong");
        var refused = await specialist.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Person(nvan, "lead") } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Bạn không được chuyển văn bản cho Nguyễn Văn An", refused.Body);
        var d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Open, d.Single(cxtruong).Status);
        Assert.Empty(d.ActiveFor(nvan));
    }

    [DbFact]
    public async Task A_deputy_acts_on_the_directors_document_under_delegation_and_history_and_audit_name_both()
    {
        var id = await app.RegisterDirectAsync("V/v kế hoạch kiểm tra tải trọng xe năm 2027");
        var nvan = await app.DemoUserIdAsync("nvan");
        var ttbhanh = await app.DemoUserIdAsync("ttbhanh");
        var lttha = await app.DemoUserIdAsync("lttha");
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(nvan, "direct") } });

        var director = await app.SignedInDemoAsync("nvan");
        var today = Eoffice.Web.Platform.Time.VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var delegation = await director.PostAsJsonAsync("/api/v1/delegations",
            new { delegateId = ttbhanh, rights = new[] { "documents.incoming.handle" }, startsOn = today, endsOn = today.AddDays(7), reason = "Đi công tác" });
        Assert.True(delegation.IsSuccessStatusCode, await delegation.Content.ReadAsStringAsync());

        var deputy = await app.SignedInDemoAsync("ttbhanh");
        var detail = await deputy.DetailAsync(id);
        Assert.Contains(detail.GetProperty("actions").EnumerateArray(), a => a.GetProperty("code").GetString() == "forward");
        await deputy.ActAsync(id, "forward", new { instruction = "Thay Giám đốc: giao Phòng Vận tải chủ trì.", targets = new[] { HandlingKit.Unit(transport, "lead", 4) } });

        var d = await app.LoadIncomingAsync(id);
        var directorPart = d.Single(nvan);
        Assert.Equal(AssignmentStatus.Forwarded, directorPart.Status);
        Assert.Equal("Trần Thị Bích Hạnh (thay Nguyễn Văn An)", directorPart.ActedByName);
        var sent = d.Single(transport);
        Assert.Equal((nvan, "Nguyễn Văn An", (Guid?)ttbhanh), (sent.SenderId, sent.SenderName, sent.ActingSenderId));
        var e = d.Events.Single(x => x.Kind == HandlingEventKinds.Forwarded && x.AssignmentId == directorPart.Id);
        Assert.Equal((ttbhanh, (Guid?)nvan, "Nguyễn Văn An"), (e.ActorId, e.OnBehalfOfId, e.OnBehalfOfName));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a =>
            a.Action == "documents.incoming.forward" && a.ObjectId == id.ToString() && a.ActorId == ttbhanh && a.OnBehalfOfId == nvan)));
    }

    [DbFact]
    public async Task A_leader_takes_back_what_he_sent_and_reassigns_it_in_one_step()
    {
        var id = await app.RegisterDirectAsync("V/v đề nghị cấp phép thi công nút giao");
        var lttha = await app.DemoUserIdAsync("lttha");
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        var chief = await app.SignedInDemoAsync("lttha");
        await chief.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(legal, "lead", 5) } });
        var mvlong = await app.DemoUserIdAsync("mvlong");

        // Revoke: the legal department's part ends, the chief holds the document again and its head is told.
        var d = await app.LoadIncomingAsync(id);
        await chief.ActAsync(id, "revoke", new { assignmentId = d.Single(legal).Id, reason = "Chuyển nhầm đơn vị" });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Revoked, d.Single(legal).Status);
        Assert.Equal(AssignmentStatus.Open, d.Single(lttha).Status);
        var vdthang = await app.DemoUserIdAsync("vdthang");
        Assert.Equal(1, await app.NotificationsOfAsync(vdthang, "Văn bản đến đã bị thu hồi", id));

        // Someone else may not take back the chief's transfer.
        await chief.ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead", 5) } });
        d = await app.LoadIncomingAsync(id);
        var head = await app.SignedInDemoAsync("pvhung");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.TryAsync(id, "revoke", new { assignmentId = d.Single(infra).Id })).Status);

        // Reassign: take back from infrastructure and give to transport, in one transaction.
        await chief.ActAsync(id, "reassign", new { assignmentId = d.Single(infra).Id, reason = "Thuộc lĩnh vực vận tải", targets = new[] { HandlingKit.Unit(transport, "lead", 5) } });
        d = await app.LoadIncomingAsync(id);
        Assert.Equal(AssignmentStatus.Revoked, d.Single(infra).Status);
        Assert.Equal(AssignmentStatus.Open, d.Single(transport).Status);
        Assert.Equal(AssignmentStatus.Forwarded, d.Single(lttha).Status);
        Assert.Equal(1, await app.NotificationsOfAsync(mvlong, "Văn bản đến cần xử lý", id));

        // A refused reassignment changes nothing.
        var refused = await chief.TryAsync(id, "reassign", new { assignmentId = d.Single(transport).Id, targets = new[] { HandlingKit.Person(Guid.NewGuid(), "lead") } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(AssignmentStatus.Open, (await app.LoadIncomingAsync(id)).Single(transport).Status);
    }

    [DbFact]
    public async Task Two_leaders_of_a_department_acting_at_once_get_one_success_and_one_conflict()
    {
        var id = await app.RegisterDirectAsync("V/v khảo sát cầu yếu trên địa bàn tỉnh");
        var lttha = await app.DemoUserIdAsync("lttha");
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var cxtruong = await app.DemoUserIdAsync("cxtruong");
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Unit(infra, "lead", 5) } });

        var head = await app.SignedInDemoAsync("pvhung");
        var deputyHead = await app.SignedInDemoAsync("ltnanh");
        var body = new { targets = new[] { HandlingKit.Person(cxtruong, "lead", 3) } };
        var results = await Task.WhenAll(head.TryAsync(id, "forward", body), deputyHead.TryAsync(id, "forward", body));
        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        var d = await app.LoadIncomingAsync(id);
        Assert.Single(d.Assignments, a => a.RecipientUserId == cxtruong);

        // The one who acts a moment later, on the page as it was, is told the same: someone else already did it.
        var late = await deputyHead.TryAsync(id, "forward", new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("dtyen"), "lead", 3) } });
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("đang chủ trì", late.Body);
        Assert.Single((await app.LoadIncomingAsync(id)).Assignments, a => a.Role == AssignmentRole.Lead && a.RecipientUserId is not null);
    }

    [DbFact]
    public async Task A_departing_specialists_open_assignments_go_to_the_successor_with_the_handover_in_history()
    {
        var id = await app.RegisterDirectAsync("V/v rà soát hồ sơ cấp phép xe quá tải");
        var lttha = await app.DemoUserIdAsync("lttha");
        var (leaving, _) = await app.CreateUserAsync("Đoàn Văn Khoa", Eoffice.Web.Modules.Identity.Contracts.DefaultRoles.Specialist);
        var (successorId, successorName) = await app.CreateUserAsync("Tô Thị Ngân", Eoffice.Web.Modules.Identity.Contracts.DefaultRoles.Specialist);
        await (await app.SignedInDemoAsync("dtmai")).ActAsync(id, "present", new { userId = lttha });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(id, "forward", new { targets = new[] { HandlingKit.Person(leaving, "lead", 3) } });
        var successor = await app.SignedInAsAsync(successorName);
        Assert.Equal(HttpStatusCode.NotFound, await successor.DetailStatusAsync(id));

        var admin = await app.SignedInClientAsync();
        var departure = await admin.PostAsJsonAsync($"/api/v1/people/{leaving}/departure", new { successorId, reason = "transfer" });
        Assert.True(departure.IsSuccessStatusCode, await departure.Content.ReadAsStringAsync());
        Assert.Contains(id.ToString(), await departure.Content.ReadAsStringAsync());

        var d = await app.LoadIncomingAsync(id);
        var moved = d.Single(successorId);
        Assert.Equal((AssignmentStatus.Open, "Tô Thị Ngân"), (moved.Status, moved.RecipientName));
        Assert.Empty(d.ActiveFor(leaving));
        Assert.Contains(d.Events, e => e.Kind == HandlingEventKinds.HandedOver);
        Assert.Equal(HttpStatusCode.OK, await successor.DetailStatusAsync(id));
        await successor.ActAsync(id, "finish", new { result = "Đã rà soát." });
        Assert.Equal(IncomingStatus.Finished, (await app.LoadIncomingAsync(id)).Status);
    }

    [DbFact]
    public async Task Another_agencys_user_gets_404_on_every_action_endpoint()
    {
        var id = await app.RegisterDirectAsync("V/v góp ý dự thảo quy hoạch");
        var outsider = await app.SignedInAsAsync(await app.OtherAgencyLeaderAsync());
        var someone = await app.DemoUserIdAsync("nvan");
        var targets = new[] { HandlingKit.Person(someone, "lead") };
        var calls = new (string Action, object Body)[]
        {
            ("present", new { userId = someone }),
            ("forward", new { targets }),
            ("return", new { reason = "Không thuộc thẩm quyền" }),
            ("opinions", new { text = "Ý kiến" }),
            ("feedback", new { text = "Góp ý" }),
            ("finish", new { result = "Xong" }),
            ("revoke", new { assignmentId = Guid.NewGuid() }),
            ("reassign", new { assignmentId = Guid.NewGuid(), targets }),
            ("replies", new { title = "Trả lời" }),
            ("grants", new { userId = someone }),
        };
        foreach (var (action, body) in calls)
        {
            Assert.Equal((action, HttpStatusCode.NotFound), (action, (await outsider.TryAsync(id, action, body)).Status));
        }

        Assert.Equal(HttpStatusCode.NotFound, await outsider.DetailStatusAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(HandlingKit.Api(id, "recipients"))).StatusCode);
    }
}

public sealed class RegulationZeroFlowTestsOnSqlite(SqliteApp app) : RegulationZeroFlowTests<SqliteApp>(app);

public sealed class RegulationZeroFlowTestsOnPostgres(PostgresApp app) : RegulationZeroFlowTests<PostgresApp>(app), IPostgresSuite;
