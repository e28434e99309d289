using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;

namespace Eoffice.IntegrationTests.Dossiers;

/// <summary>
/// The yearly file plan through the API: the office drafts headings and entries numbered "01.TCCB" (across the plan or
/// per heading), submits it, the agency leader approves it (then it is read-only) or returns it, the office copies it
/// forward; refusals (validation, rights, another agency), audit and the three exports in the Phụ lục V layout.
/// </summary>
public abstract class FilePlanTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    internal const string Plans = "/api/v1/dossiers/file-plans";
    private const string Clerk = "dtmai";
    private const string Director = "nvan";
    private const string OfficeChief = "lttha";
    private const string BoardClerk = "ktloan";

    private static int yearCounter = Random.Shared.Next(0, 20) * 3;

    /// <summary>A year no other test of the class uses, with the next one free for a copy forward.</summary>
    private static int FreshYear() => 2030 + (Interlocked.Add(ref yearCounter, 3) % 69);

    [DbFact]
    public async Task Entries_are_numbered_across_the_plan_or_per_heading_and_follow_moves_and_removals()
    {
        var clerk = await SignInAsync(Clerk);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var plan = await CreateAsync(clerk, FreshYear(), "plan");

        var staff = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Tổ chức, cán bộ", abbreviation = "tccb" })).Headings[0];
        var office2 = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Hành chính, văn thư", abbreviation = "VP" })).Headings[1];
        var recruiting = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { parentId = staff.Id, title = "Tuyển dụng", abbreviation = "x" }))
            .Headings.Single(h => h.Title == "Tuyển dụng");
        await AddEntryAsync(clerk, plan.Id, staff.Id, "Hồ sơ xây dựng đề án vị trí việc làm", office, permanent: true);
        await AddEntryAsync(clerk, plan.Id, staff.Id, "Hồ sơ nâng lương năm", office, years: 20);
        await AddEntryAsync(clerk, plan.Id, recruiting.Id, "Hồ sơ thi tuyển công chức", office, years: 10);
        var across = await AddEntryAsync(clerk, plan.Id, office2.Id, "Sổ đăng ký văn bản đến", office, years: 20);

        Assert.Equal([("I", "TCCB"), ("1", null), ("II", "VP")], across.Headings.Select(h => (h.Label, h.Abbreviation)));
        Assert.Equal(["01.TCCB", "02.TCCB", "03.TCCB", "04.VP"], across.Entries.Select(e => e.Code));
        Assert.Equal(["Vĩnh viễn", "20 năm", "10 năm", "20 năm"], across.Entries.Select(e => e.RetentionText));
        Assert.All(across.Entries, e => Assert.Equal(DemoAgency.Units.Office, e.ResponsibleUnitName));

        var perHeading = await PutAsync(clerk, $"{Plans}/{plan.Id}", new { numbering = "heading" });
        Assert.Equal(["01.TCCB", "02.TCCB", "03.TCCB", "01.VP"], perHeading.Entries.Select(e => e.Code));

        var raise = perHeading.Entries.Single(e => e.Title == "Hồ sơ nâng lương năm");
        var moved = await PostAsync(clerk, $"{Plans}/{plan.Id}/entries/{raise.Id}/move", new { position = 1 });
        Assert.Equal(["Hồ sơ nâng lương năm", "Hồ sơ xây dựng đề án vị trí việc làm"], moved.Entries.Take(2).Select(e => e.Title));
        Assert.Equal("01.TCCB", moved.Entries[0].Code);

        var headingFirst = await PostAsync(clerk, $"{Plans}/{plan.Id}/headings/{office2.Id}/move", new { position = 1 });
        Assert.Equal(["I. Hành chính, văn thư", "II. Tổ chức, cán bộ"], headingFirst.Headings.Where(h => h.ParentId is null).Select(h => $"{h.Label}. {h.Title}"));
        Assert.Equal(["01.VP", "01.TCCB", "02.TCCB", "03.TCCB"], headingFirst.Entries.Select(e => e.Code));

        var intoOffice = await PostAsync(clerk, $"{Plans}/{plan.Id}/entries/{raise.Id}/move", new { headingId = office2.Id, position = 1 });
        Assert.Equal(["01.VP", "02.VP", "01.TCCB", "02.TCCB"], intoOffice.Entries.Select(e => e.Code));
        var removed = await SendAsync(clerk, HttpMethod.Delete, $"{Plans}/{plan.Id}/entries/{raise.Id}");
        Assert.Equal(["01.VP", "01.TCCB", "02.TCCB"], removed.Entries.Select(e => e.Code));

        var renamed = await PutAsync(clerk, $"{Plans}/{plan.Id}/headings/{staff.Id}", new { title = "Tổ chức, cán bộ", abbreviation = "TC" });
        Assert.Equal(["01.VP", "01.TC", "02.TC"], renamed.Entries.Select(e => e.Code));

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.ObjectId == plan.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("dossiers.fileplan.create", actions);
        Assert.Equal(4, actions.Count(a => a == "dossiers.fileplan.entry.add"));
        Assert.Contains("dossiers.fileplan.entry.move", actions);
        Assert.Contains("dossiers.fileplan.heading.move", actions);
        Assert.Contains("dossiers.fileplan.entry.remove", actions);
    }

    [DbFact]
    public async Task Only_the_agency_leader_approves_a_submitted_plan_and_an_approved_plan_refuses_edits_until_reopened()
    {
        var clerk = await SignInAsync(Clerk);
        var director = await SignInAsync(Director);
        var chief = await SignInAsync(OfficeChief);
        var boardClerk = await SignInAsync(BoardClerk);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var year = FreshYear();
        var plan = await CreateAsync(clerk, year, "plan");
        var heading = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Tổng hợp", abbreviation = "TH" })).Headings[0];

        var emptySubmit = await clerk.PostAsync($"{Plans}/{plan.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, emptySubmit.StatusCode);
        Assert.Equal("Danh mục hồ sơ chưa có hồ sơ nào.", (await OrganizationTestKit.ProblemAsync(emptySubmit)).GetProperty("title").GetString());

        var entry = (await AddEntryAsync(clerk, plan.Id, heading.Id, "Kế hoạch công tác năm", office, years: 10)).Entries[0];
        var draftActions = (await clerk.GetFromJsonAsync<Plan>($"{Plans}/{plan.Id}"))!.Actions;
        Assert.Equal(["edit", "submit"], draftActions);
        var approveDraft = await director.PostAsync($"{Plans}/{plan.Id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, approveDraft.StatusCode);

        var submitted = await PostAsync(clerk, $"{Plans}/{plan.Id}/submit", null);
        Assert.Equal(("submitted", "Đinh Thị Mai"), (submitted.Status, submitted.SubmittedByName));
        var editSubmitted = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings", new { title = "Thêm", abbreviation = "T" });
        Assert.Equal(HttpStatusCode.Conflict, editSubmitted.StatusCode);
        Assert.Equal(["approve", "return"], (await director.GetFromJsonAsync<Plan>($"{Plans}/{plan.Id}"))!.Actions);

        var byChief = await chief.PostAsync($"{Plans}/{plan.Id}/approve", null);
        var byClerk = await clerk.PostAsync($"{Plans}/{plan.Id}/approve", null);
        var boardCreates = await boardClerk.PostAsJsonAsync(Plans, new { year = FreshYear(), numbering = "plan" });
        Assert.Equal(HttpStatusCode.Forbidden, byChief.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, boardCreates.StatusCode);
        Assert.StartsWith("Chỉ người được giao lập danh mục hồ sơ của cơ quan", (await OrganizationTestKit.ProblemAsync(boardCreates)).GetProperty("title").GetString(),
            StringComparison.Ordinal);

        var returned = await PostAsync(director, $"{Plans}/{plan.Id}/return", new { reason = "Bổ sung hồ sơ về chuyển đổi số." });
        Assert.Equal(("draft", "Bổ sung hồ sơ về chuyển đổi số.", 1), (returned.Status, returned.ReturnReason, returned.Revision));
        await PostAsync(clerk, $"{Plans}/{plan.Id}/submit", null);
        var approved = await PostAsync(director, $"{Plans}/{plan.Id}/approve", null);
        Assert.Equal(("approved", "Nguyễn Văn An", (string?)null), (approved.Status, approved.ApprovedByName, approved.ReturnReason));

        var addAfter = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/entries",
            new { headingId = heading.Id, title = "Hồ sơ mới", permanent = true, responsibleUnitId = office });
        var changeAfter = await clerk.PutAsJsonAsync($"{Plans}/{plan.Id}/entries/{entry.Id}",
            new { title = "Đổi tên", retentionYears = 5, responsibleUnitId = office });
        var deleteAfter = await clerk.DeleteAsync($"{Plans}/{plan.Id}/entries/{entry.Id}");
        var numberingAfter = await clerk.PutAsJsonAsync($"{Plans}/{plan.Id}", new { numbering = "heading" });
        Assert.All([addAfter, changeAfter, deleteAfter, numberingAfter], r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal("Danh mục hồ sơ đã được phê duyệt, không sửa được; cần lãnh đạo mở lại để sửa đổi, bổ sung.",
            (await OrganizationTestKit.ProblemAsync(addAfter)).GetProperty("title").GetString());
        Assert.Equal("Kế hoạch công tác năm", (await clerk.GetFromJsonAsync<Plan>($"{Plans}/{plan.Id}"))!.Entries.Single().Title);

        var reopened = await PostAsync(director, $"{Plans}/{plan.Id}/return", new { reason = "Sửa đổi theo tổ chức lại phòng." });
        Assert.Equal(("draft", 2, (string?)null), (reopened.Status, reopened.Revision, reopened.ApprovedByName));
        var amended = await AddEntryAsync(clerk, plan.Id, heading.Id, "Hồ sơ tổ chức lại phòng", office, permanent: true);
        Assert.Equal(["01.TH", "02.TH"], amended.Entries.Select(e => e.Code));
        Assert.Equal(entry.Id, amended.Entries[0].Id);

        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.ObjectId == plan.Id.ToString()).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.Details }).ToListAsync());
        Assert.Equal(2, audit.Count(a => a.Action == "dossiers.fileplan.submit"));
        Assert.Contains(audit, a => a.Action == "dossiers.fileplan.approve" && a.Details == $"Danh mục hồ sơ năm {year}: phê duyệt (1 hồ sơ, lần 1).");
        Assert.Contains(audit, a => a.Action == "dossiers.fileplan.return" && a.Details!.EndsWith("mở lại để sửa đổi, bổ sung (lần 2): Sửa đổi theo tổ chức lại phòng.", StringComparison.Ordinal));
    }

    [DbFact]
    public async Task Copying_an_approved_plan_forward_makes_next_years_draft_with_the_same_structure()
    {
        var clerk = await SignInAsync(Clerk);
        var director = await SignInAsync(Director);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);
        var lawyer = await app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == "vdthang").Select(u => u.Id).SingleAsync());
        var year = FreshYear();
        var plan = await CreateAsync(clerk, year, "heading");
        var general = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Công tác chung", abbreviation = "CT" })).Headings[0];
        var law = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Pháp chế", abbreviation = "PC" })).Headings[1];
        var review = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { parentId = law.Id, title = "Thẩm định văn bản" }))
            .Headings.Single(h => h.ParentId == law.Id);
        await AddEntryAsync(clerk, plan.Id, general.Id, "Chương trình công tác năm", office, years: 20);
        await AddEntryAsync(clerk, plan.Id, law.Id, "Kế hoạch kiểm tra văn bản quy phạm pháp luật", legal, years: 10, personId: lawyer, notes: "Theo quý");
        await AddEntryAsync(clerk, plan.Id, review.Id, "Hồ sơ thẩm định dự thảo quyết định", legal, permanent: true);
        var copyDraft = await clerk.PostAsync($"{Plans}/{plan.Id}/copy-forward", null);
        Assert.Equal(HttpStatusCode.Conflict, copyDraft.StatusCode);
        await PostAsync(clerk, $"{Plans}/{plan.Id}/submit", null);
        var approved = await PostAsync(director, $"{Plans}/{plan.Id}/approve", null);
        Assert.Contains("copy-forward", (await clerk.GetFromJsonAsync<Plan>($"{Plans}/{plan.Id}"))!.Actions);

        var response = await clerk.PostAsync($"{Plans}/{plan.Id}/copy-forward", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = (await response.Content.ReadFromJsonAsync<Plan>(Json))!;
        var again = await clerk.PostAsync($"{Plans}/{plan.Id}/copy-forward", null);

        Assert.Equal($"{Plans}/{copy.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((year + 1, "draft", "heading", plan.Id, 1), (copy.Year, copy.Status, copy.Numbering, copy.CopiedFromId, copy.Revision));
        Assert.Equal(approved.Headings.Select(h => (h.Label, h.Title, h.Abbreviation)), copy.Headings.Select(h => (h.Label, h.Title, h.Abbreviation)));
        Assert.Equal(approved.Entries.Select(e => (e.Code, e.Title, e.RetentionText, e.ResponsibleUnitId, e.ResponsiblePersonId, e.Notes)),
            copy.Entries.Select(e => (e.Code, e.Title, e.RetentionText, e.ResponsibleUnitId, e.ResponsiblePersonId, e.Notes)));
        Assert.Equal(["01.CT", "01.PC", "02.PC"], copy.Entries.Select(e => e.Code));
        Assert.Empty(copy.Entries.Select(e => e.Id).Intersect(approved.Entries.Select(e => e.Id)));
        Assert.Equal(copy.Headings.Single(h => h.Title == "Thẩm định văn bản").ParentId, copy.Headings.Single(h => h.Title == "Pháp chế").Id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal($"Cơ quan đã có danh mục hồ sơ năm {year + 1}.", await FieldErrorAsync(again, "year"));
        Assert.Equal("approved", (await clerk.GetFromJsonAsync<Plan>($"{Plans}/{plan.Id}"))!.Status);
        var years = (await clerk.GetFromJsonAsync<PlanList>(Plans, Json))!.Plans.Select(p => p.Year).ToList();
        Assert.True(years.IndexOf(year + 1) < years.IndexOf(year), "the list shows the newest year first");
    }

    [DbFact]
    public async Task Another_agency_gets_404_for_a_plan_and_everything_in_it()
    {
        var clerk = await SignInAsync(Clerk);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var plan = await CreateAsync(clerk, FreshYear(), "plan");
        var heading = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Tổng hợp", abbreviation = "TH" })).Headings[0];
        var entry = (await AddEntryAsync(clerk, plan.Id, heading.Id, "Báo cáo tổng kết năm", office, permanent: true)).Entries[0];
        var other = await app.CreateOtherAgencyAsync();
        var otherClerk = await SignInAsync(await OtherAgencyPersonAsync(other, DefaultRoles.Clerk), TestAccounts.Password);
        var otherLeader = await SignInAsync(await OtherAgencyPersonAsync(other, DefaultRoles.AgencyLeader), TestAccounts.Password);

        var responses = new[]
        {
            await otherClerk.GetAsync($"{Plans}/{plan.Id}"),
            await otherClerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings", new { title = "Xâm nhập", abbreviation = "XN" }),
            await otherClerk.PutAsJsonAsync($"{Plans}/{plan.Id}/entries/{entry.Id}", new { title = "Đổi", permanent = true, responsibleUnitId = other.UnitId }),
            await otherClerk.DeleteAsync($"{Plans}/{plan.Id}/entries/{entry.Id}"),
            await otherClerk.PostAsync($"{Plans}/{plan.Id}/submit", null),
            await otherLeader.PostAsync($"{Plans}/{plan.Id}/approve", null),
            await otherClerk.GetAsync($"{Plans}/{plan.Id}/export?format=pdf"),
            await otherClerk.GetAsync($"/ho-so/danh-muc/{plan.Id}"),
        };
        var theirs = (await otherClerk.GetFromJsonAsync<PlanList>(Plans, Json))!;
        var foreignUnit = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/entries",
            new { headingId = heading.Id, title = "Hồ sơ", permanent = true, responsibleUnitId = other.UnitId });

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain(theirs.Plans, p => p.Id == plan.Id);
        Assert.Equal("Đơn vị lập hồ sơ không thuộc cơ quan hoặc đã ngừng hoạt động.", await FieldErrorAsync(foreignUnit, "responsibleUnitId"));
        var after = (await clerk.GetFromJsonAsync<Plan>($"{Plans}/{plan.Id}"))!;
        Assert.Equal(("draft", "Báo cáo tổng kết năm", 1), (after.Status, after.Entries.Single().Title, after.Headings.Count));
    }

    [DbFact]
    public async Task Invalid_input_is_refused_with_vietnamese_messages_beside_the_fields()
    {
        var clerk = await SignInAsync(Clerk);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        var lawyer = await app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == "vdthang").Select(u => u.Id).SingleAsync());
        var year = FreshYear();

        var badYear = await clerk.PostAsJsonAsync(Plans, new { year = 1999, numbering = "abc" });
        Assert.Equal("Năm của danh mục phải từ 2000 đến 2100.", await FieldErrorAsync(badYear, "year"));
        Assert.StartsWith("Chọn cách đánh số hồ sơ", await FieldErrorAsync(badYear, "numbering"), StringComparison.Ordinal);
        var plan = await CreateAsync(clerk, year, "plan");
        var duplicate = await clerk.PostAsJsonAsync(Plans, new { year, numbering = "plan" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal($"Cơ quan đã có danh mục hồ sơ năm {year}.", await FieldErrorAsync(duplicate, "year"));

        var noTitle = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings", new { title = "  ", abbreviation = "TH" });
        var noAbbreviation = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings", new { title = "Tổng hợp" });
        var badAbbreviation = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings", new { title = "Tổng hợp", abbreviation = "T H" });
        Assert.Equal("Vui lòng nhập tên đề mục.", await FieldErrorAsync(noTitle, "title"));
        Assert.Equal("Vui lòng nhập chữ viết tắt của đề mục lớn (ví dụ TCCB).", await FieldErrorAsync(noAbbreviation, "abbreviation"));
        Assert.StartsWith("Chữ viết tắt chỉ gồm chữ cái", await FieldErrorAsync(badAbbreviation, "abbreviation"), StringComparison.Ordinal);
        var heading = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Tổng hợp", abbreviation = "TH" })).Headings[0];
        var sub = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { parentId = heading.Id, title = "Báo cáo" })).Headings[1];
        var third = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings", new { parentId = sub.Id, title = "Cấp ba" });
        Assert.Equal("Đề mục nhỏ chỉ nằm trong đề mục lớn (danh mục có hai cấp đề mục).", await FieldErrorAsync(third, "parentId"));

        var empty = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/entries", new { });
        Assert.Equal("Vui lòng nhập tiêu đề hồ sơ.", await FieldErrorAsync(empty, "title"));
        Assert.Equal("Chọn thời hạn bảo quản: vĩnh viễn hoặc số năm từ 1 đến 100.", await FieldErrorAsync(empty, "retentionYears"));
        Assert.Equal("Chọn đơn vị lập hồ sơ.", await FieldErrorAsync(empty, "responsibleUnitId"));
        Assert.Equal("Chọn đề mục của hồ sơ.", await FieldErrorAsync(empty, "headingId"));
        var both = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/entries",
            new { headingId = heading.Id, title = "Hồ sơ", permanent = true, retentionYears = 5, responsibleUnitId = office });
        Assert.Equal("Thời hạn bảo quản là vĩnh viễn hoặc một số năm, không chọn cả hai.", await FieldErrorAsync(both, "retentionYears"));
        var wrongPerson = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/entries",
            new { headingId = heading.Id, title = "Hồ sơ", retentionYears = 5, responsibleUnitId = transport, responsiblePersonId = lawyer });
        Assert.Equal("Người lập hồ sơ phải là cán bộ đang làm việc ở đơn vị đã chọn.", await FieldErrorAsync(wrongPerson, "responsiblePersonId"));
        var unknownHeading = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/entries",
            new { headingId = Guid.NewGuid(), title = "Hồ sơ", retentionYears = 5, responsibleUnitId = office });
        Assert.Equal("Không tìm thấy đề mục trong danh mục hồ sơ.", await FieldErrorAsync(unknownHeading, "headingId"));
        var badMove = await clerk.PostAsJsonAsync($"{Plans}/{plan.Id}/headings/{heading.Id}/move", new { position = 0 });
        Assert.Equal("Vị trí phải là số từ 1 trở lên.", await FieldErrorAsync(badMove, "position"));

        await AddEntryAsync(clerk, plan.Id, sub.Id, "Báo cáo quý", office, years: 5);
        var removeFull = await clerk.DeleteAsync($"{Plans}/{plan.Id}/headings/{heading.Id}");
        Assert.Equal(HttpStatusCode.Conflict, removeFull.StatusCode);
        Assert.Equal("Đề mục còn đề mục nhỏ hoặc hồ sơ; hãy chuyển hoặc xóa chúng trước.", (await OrganizationTestKit.ProblemAsync(removeFull)).GetProperty("title").GetString());
        await PostAsync(clerk, $"{Plans}/{plan.Id}/submit", null);
        var director = await SignInAsync(Director);
        var noReason = await director.PostAsJsonAsync($"{Plans}/{plan.Id}/return", new { reason = "" });
        Assert.Equal("Vui lòng nhập lý do trả lại.", await FieldErrorAsync(noReason, "reason"));
        var badFormat = await clerk.GetAsync($"{Plans}/{plan.Id}/export?format=doc");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal("Định dạng tệp phải là xlsx, pdf hoặc docx.", await FieldErrorAsync(badFormat, "format"));
    }

    [DbFact]
    public async Task The_plan_exports_as_xlsx_docx_and_pdf_in_the_annex_v_layout_and_each_export_is_audited()
    {
        var clerk = await SignInAsync(Clerk);
        var director = await SignInAsync(Director);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var year = FreshYear();
        var plan = await CreateAsync(clerk, year, "plan");
        var heading = (await PostAsync(clerk, $"{Plans}/{plan.Id}/headings", new { title = "Tổ chức, cán bộ", abbreviation = "TCCB" })).Headings[0];
        await AddEntryAsync(clerk, plan.Id, heading.Id, "Hồ sơ quy hoạch cán bộ lãnh đạo, quản lý", office, permanent: true, notes: "Theo nhiệm kỳ");
        await AddEntryAsync(clerk, plan.Id, heading.Id, "Hồ sơ đánh giá, xếp loại công chức", office, years: 70);
        await PostAsync(clerk, $"{Plans}/{plan.Id}/submit", null);
        await PostAsync(director, $"{Plans}/{plan.Id}/approve", null);

        var xlsx = await clerk.GetAsync($"{Plans}/{plan.Id}/export?format=xlsx");
        var docx = await clerk.GetAsync($"{Plans}/{plan.Id}/export?format=docx");
        var pdf = await clerk.GetAsync($"{Plans}/{plan.Id}/export?format=pdf");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"danh-muc-ho-so-{year}-", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var workbook = sheet.WorkbookPart!;
            var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<Spreadsheet.Sheet>().Single(s => s.Name == "Danh mục hồ sơ").Id!);
            var rows = part.Worksheet.Descendants<Spreadsheet.Row>()
                .Select(r => r.Elements<Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
            Assert.Equal(["Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ", "Thời hạn bảo quản", "Đơn vị/người lập hồ sơ", "Ghi chú"], rows[0]);
            Assert.Equal(["", "I. Tổ chức, cán bộ", "", "", ""], rows[1]);
            Assert.Equal(["01.TCCB", "Hồ sơ quy hoạch cán bộ lãnh đạo, quản lý", "Vĩnh viễn", DemoAgency.Units.Office, "Theo nhiệm kỳ"], rows[2]);
            Assert.Equal(["02.TCCB", "Hồ sơ đánh giá, xếp loại công chức", "70 năm", DemoAgency.Units.Office, ""], rows[3]);
        }

        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains($"DANH MỤC HỒ SƠ CỦA {DemoAgency.FullName.ToUpperInvariant()}", text, StringComparison.Ordinal);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
            Assert.Contains("Số và ký hiệu hồ sơ", text, StringComparison.Ordinal);
            Assert.Contains("Hồ sơ đánh giá, xếp loại công chức", text, StringComparison.Ordinal);
            Assert.Contains("Bản danh mục hồ sơ này có 2 hồ sơ, bao gồm: 1 hồ sơ có thời hạn bảo quản vĩnh viễn; 1 hồ sơ có thời hạn bảo quản có thời hạn.", text,
                StringComparison.Ordinal);
        }

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("EOFFICE_TEST_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            await File.WriteAllBytesAsync(Path.Combine(artifacts, $"danh-muc-ho-so-{app.Provider}.pdf"), pdfBytes);
        }

        using (var read = UglyToad.PdfPig.PdfDocument.Open(pdfBytes))
        {
            // A cell's words in reading order: the words of the row's other cells on the same printed line come between them.
            var words = read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text.Normalize(System.Text.NormalizationForm.FormC)).ToList();
            var text = string.Join(" ", words);
            Assert.All("Hồ sơ quy hoạch cán bộ lãnh đạo, quản lý".Split(' ').Concat("Hồ sơ đánh giá, xếp loại công chức".Split(' ')), w => Assert.Contains(w, words));
            Assert.Contains("DANH MỤC HỒ SƠ CỦA SỞ GIAO THÔNG VẬN TẢI TỈNH NINH BÌNH", text, StringComparison.Ordinal);
            Assert.Contains("01.TCCB", words);
            Assert.Contains("02.TCCB", words);
            Assert.Contains("Vĩnh", words);
            Assert.Contains("viễn", words);
            Assert.Contains("Nguyễn Văn An phê duyệt", text, StringComparison.Ordinal);
            Assert.Contains("In bởi Đinh Thị Mai", text, StringComparison.Ordinal);
        }

        var exports = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "dossiers.fileplan.export" && e.ObjectId == plan.Id.ToString()).Select(e => e.Details!).ToListAsync());
        Assert.Equal(3, exports.Count);
        Assert.Contains($"Danh mục hồ sơ năm {year}: xuất tệp docx (2 hồ sơ).", exports);
    }

    [DbFact]
    public async Task The_pages_list_the_plans_edit_a_draft_with_errors_beside_the_fields_and_offer_each_person_their_actions()
    {
        var clerk = await SignInAsync(Clerk);
        clerk.DefaultRequestHeaders.Remove(Eoffice.Web.Platform.Security.RequestForgeryGuard.HeaderName);
        var director = await SignInAsync(Director);
        var specialist = await SignInAsync("ntlan");
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var year = FreshYear();

        var list = await clerk.GetStringAsync(ListPage);
        Assert.Contains("\" href=\"/ho-so/danh-muc\">Danh mục hồ sơ</a>", list, StringComparison.Ordinal);
        var withoutToken = await clerk.PostAsync(ListPage, new FormUrlEncodedContent([KeyValuePair.Create("Input.Year", $"{year}")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var created = await clerk.PostAsync(ListPage, OrganizationTestKit.Form(list, ("Input.Year", $"{year}"), ("Input.Numbering", "plan")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPage = created.Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(planPage);
        Assert.Contains("Đã lập dự thảo danh mục hồ sơ năm", page, StringComparison.Ordinal);

        var refused = await clerk.PostAsync($"{planPage}?handler=AddHeading", OrganizationTestKit.Form(page, ("Heading.Title", "Tổ chức, cán bộ"), ("Heading.Abbreviation", "")));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span class=\"text-danger small\" id=\"heading-abbreviation-error\">Vui lòng nhập chữ viết tắt của đề mục lớn (ví dụ TCCB).</span>", refusedHtml,
            StringComparison.Ordinal);
        var added = await clerk.PostAsync($"{planPage}?handler=AddHeading", OrganizationTestKit.Form(page, ("Heading.Title", "Tổ chức, cán bộ"), ("Heading.Abbreviation", "TCCB")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await clerk.GetStringAsync(planPage);
        var headingId = System.Text.RegularExpressions.Regex.Match(page, "data-heading=\"([0-9a-f-]+)\"").Groups[1].Value;
        var noRetention = await clerk.PostAsync($"{planPage}?handler=AddEntry", OrganizationTestKit.Form(page, ("Entry.HeadingId", headingId),
            ("Entry.Title", "Hồ sơ tuyển dụng viên chức"), ("Entry.Permanent", "false"), ("Entry.RetentionYears", ""), ("Entry.ResponsibleUnitId", $"{office}")));
        Assert.Contains("<span class=\"text-danger small\" id=\"entry-retention-error\">Chọn thời hạn bảo quản: vĩnh viễn hoặc số năm từ 1 đến 100.</span>",
            await noRetention.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await clerk.PostAsync($"{planPage}?handler=AddEntry", OrganizationTestKit.Form(page, ("Entry.HeadingId", headingId),
            ("Entry.Title", "Hồ sơ tuyển dụng viên chức"), ("Entry.Permanent", "true"), ("Entry.Permanent", "false"), ("Entry.ResponsibleUnitId", $"{office}")));
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        page = await clerk.GetStringAsync(planPage);
        Assert.Contains("<th scope=\"col\">Số và ký hiệu hồ sơ</th><th scope=\"col\">Tên đề mục và tiêu đề hồ sơ</th><th scope=\"col\">Thời hạn bảo quản</th>", page,
            StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-nowrap\">01.TCCB</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Vĩnh viễn</td>", page, StringComparison.Ordinal);
        Assert.Contains("Trình phê duyệt", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Phê duyệt</button>", page, StringComparison.Ordinal);

        var specialistView = await specialist.GetStringAsync(planPage);
        Assert.Contains("01.TCCB", specialistView, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"entry-form\"", specialistView, StringComparison.Ordinal);
        Assert.DoesNotContain("Trình phê duyệt", specialistView, StringComparison.Ordinal);

        var submitted = await clerk.PostAsync($"{planPage}?handler=Submit", OrganizationTestKit.Form(page));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var leaderView = await director.GetStringAsync(planPage);
        Assert.Contains(">Phê duyệt</button>", leaderView, StringComparison.Ordinal);
        Assert.Contains("id=\"return-form\"", leaderView, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"entry-form\"", await clerk.GetStringAsync(planPage), StringComparison.Ordinal);
        director.DefaultRequestHeaders.Remove(Eoffice.Web.Platform.Security.RequestForgeryGuard.HeaderName);
        var approved = await director.PostAsync($"{planPage}?handler=Approve", OrganizationTestKit.Form(leaderView));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var afterApproval = await clerk.GetStringAsync(planPage);
        Assert.Contains("Đã phê duyệt", afterApproval, StringComparison.Ordinal);
        Assert.Contains($"Sao chép sang năm {year + 1}", afterApproval, StringComparison.Ordinal);
        Assert.Contains($"Danh mục hồ sơ năm {year}", await specialist.GetStringAsync(ListPage), StringComparison.Ordinal);
    }

    private const string ListPage = "/ho-so/danh-muc";

    // ---- intents ----

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Task<HttpClient> SignInAsync(string userName, string password = Eoffice.Web.Modules.Identity.SeedAdministrator.DemoPassword) =>
        app.SignedInClientAsync(userName, password);

    private static async Task<Plan> CreateAsync(HttpClient client, int year, string numbering)
    {
        var response = await client.PostAsJsonAsync(Plans, new { year, numbering });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Plan>(Json))!;
    }

    private static Task<Plan> AddEntryAsync(HttpClient client, Guid planId, Guid headingId, string title, Guid unitId, bool permanent = false, int? years = null,
        Guid? personId = null, string? notes = null) =>
        PostAsync(client, $"{Plans}/{planId}/entries",
            new { headingId, title, permanent, retentionYears = years, responsibleUnitId = unitId, responsiblePersonId = personId, notes });

    private static async Task<Plan> PostAsync(HttpClient client, string path, object? body) =>
        await ReadAsync(body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body));

    private static async Task<Plan> PutAsync(HttpClient client, string path, object body) => await ReadAsync(await client.PutAsJsonAsync(path, body));

    private static async Task<Plan> SendAsync(HttpClient client, HttpMethod method, string path) =>
        await ReadAsync(await client.SendAsync(new HttpRequestMessage(method, path)));

    private static async Task<Plan> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Plan>(Json))!;
    }

    private async Task<string> OtherAgencyPersonAsync(OrganizationTestKit.OtherAgency other, string role)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Eoffice.Web.Platform.Data.EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var user = new User("nvstc" + Guid.NewGuid().ToString("N")[..8], "Cán bộ Sở Tài chính", DateTime.UtcNow, other.AgencyId);
        user.PlaceIn(other.AgencyId, other.UnitId, other.PositionId);
        user.SetPasswordHash(hasher.HashPassword(user, TestAccounts.Password));
        user.GrantRole(role);
        db.Add(user);
        await db.SaveChangesAsync();
        return user.UserName;
    }

    internal static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages[0].GetString()
            : $"{(int)response.StatusCode} without an error for {field}: {problem}";
    }

    internal sealed record Heading(Guid Id, Guid? ParentId, string Label, string Title, string? Abbreviation, int Position);

    internal sealed record Entry(Guid Id, Guid HeadingId, int Position, int Sequence, string Code, string Title, bool Permanent, int? RetentionYears,
        string RetentionText, Guid ResponsibleUnitId, string? ResponsibleUnitName, Guid? ResponsiblePersonId, string? ResponsiblePersonName, string? Notes);

    internal sealed record Plan(Guid Id, int Year, string Numbering, string Status, int Revision, Guid? CopiedFromId, string? SubmittedByName,
        string? ApprovedByName, string? ReturnReason, List<Heading> Headings, List<Entry> Entries, List<string> Actions);

    internal sealed record PlanSummary(Guid Id, int Year, string Status, int EntryCount);

    internal sealed record PlanList(bool CanCreate, List<PlanSummary> Plans);
}

public sealed class FilePlanTestsOnSqlite(SqliteApp app) : FilePlanTests<SqliteApp>(app);

public sealed class FilePlanTestsOnPostgres(PostgresApp app) : FilePlanTests<PostgresApp>(app), IPostgresSuite;
