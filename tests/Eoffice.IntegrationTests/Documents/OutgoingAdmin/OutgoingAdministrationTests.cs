using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Documents.OutgoingAdmin.OutgoingAdminKit;

namespace Eoffice.IntegrationTests.Documents.OutgoingAdmin;

/// <summary>
/// Administrators choose and edit their agency's outgoing approval processes and settings: the ready definitions, edits
/// under optimistic concurrency, chains refused field by field, one process per type, which chain a new draft takes,
/// and who may do it. Tests that change processes use an agency of their own, except those that need a drafter.
/// </summary>
public abstract class OutgoingAdministrationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private const string Name000 = "Quy trình văn bản đi (Quy chế 000, Điều 8)";

    [DbFact]
    public async Task The_ready_definitions_of_regulations_000_and_003_are_listed_with_000_applied_as_the_default()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInAsAsync(other.AdminUserName);

        var processes = await admin.ProcessesAsync();

        Assert.Equal([OutgoingProcess.Regulation000Code, OutgoingProcess.Regulation003Code], processes.Select(p => p.Code));
        var zero = processes[0];
        var three = processes[1];
        Assert.Equal((Name000, true, true), (zero.Name, zero.IsActive, zero.IsDefault));
        Assert.Equal(["drafter", "unitHead", "legalReview", "agencyLeader", "clerk"], zero.Steps.Select(s => s.Kind));
        Assert.Equal(["Chuyên viên dự thảo", "Lãnh đạo đơn vị soạn thảo", "Pháp chế", "Lãnh đạo cơ quan", "Văn thư"], zero.Steps.Select(s => s.KindName));
        Assert.Equal((true, "format"), (zero.Steps[2].CanSkip, zero.Steps[2].Records));
        Assert.Equal(("content", true), (zero.Steps[1].Records, zero.Steps[1].AllowsAddedSteps));
        Assert.Equal((false, true), (three.IsActive, three.IsDefault));
        Assert.Equal(["drafter", "unitHead", "chiefOfOffice", "agencyLeader", "clerk"], three.Steps.Select(s => s.Kind));
        Assert.Equal("Chánh Văn phòng thẩm định thể thức", three.Steps[2].Name);
        var one = await admin.GetFromJsonAsync<Process>($"{ProcessesUrl}/{three.Id}");
        Assert.Equal(three.Steps, one!.Steps);
    }

    [DbFact]
    public async Task An_edit_carries_its_version_and_an_edit_from_a_stale_version_is_refused_with_409()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInAsAsync(other.AdminUserName);
        var three = await admin.ProcessAsync(OutgoingProcess.Regulation003Code);
        var shorter = three.Steps.Where(s => s.Kind != "chiefOfOffice").Select(StepBody);

        var saved = await admin.PutProcessAsync(three, Body(three, name: "Quy trình rút gọn", typeCodes: ["TB", "GM"], steps: shorter));
        var stale = await admin.PutProcessAsync(three, Body(three, name: "Bản sửa trên trang cũ"));
        var stored = await admin.ProcessAsync(OutgoingProcess.Regulation003Code);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", (await OrganizationTestKit.ProblemAsync(stale)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Quy trình rút gọn", three.Version + 1, false), (stored.Name, stored.Version, stored.IsDefault));
        Assert.Equal(["TB", "GM"], stored.TypeCodes);
        Assert.Equal(["drafter", "unitHead", "agencyLeader", "clerk"], stored.Steps.Select(s => s.Kind));
        Assert.Equal([1, 2, 3, 4], stored.Steps.Select(s => s.Number));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "documents.outgoing-process.update" && e.ObjectId == three.Id.ToString()).ToListAsync());
        Assert.Contains("→ Quy trình rút gọn [TB, GM]", Assert.Single(audit).Details, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_broken_chain_is_refused_with_a_message_on_each_faulty_step_field_and_nothing_is_saved()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInAsAsync(other.AdminUserName);
        var zero = await admin.ProcessAsync(OutgoingProcess.Regulation000Code);
        var demoPerson = await app.DemoUserIdAsync("cxtruong");

        var broken = await admin.PutProcessAsync(zero, Body(zero, typeCodes: ["XYZ"], steps:
        [
            new { kind = "unitHead", name = "Trưởng phòng" },
            new { kind = "boss", name = "Sếp" },
            new { kind = "person", name = "" },
            new { kind = "agencyLeader", name = "Giám đốc ký", canSkip = true, returnResumesAt = 9 },
            new { kind = "clerk", name = "Văn thư" },
        ]));
        var noSigner = await admin.PutProcessAsync(zero, Body(zero, steps:
            [new { kind = "drafter", name = "Chuyên viên" }, new { kind = "legalReview", name = "Pháp chế" }, new { kind = "clerk", name = "Văn thư" }]));
        var outsider = await admin.PutProcessAsync(zero, Body(zero, steps:
        [
            new { kind = "drafter", name = "Chuyên viên" }, new { kind = "person", name = "Người ngoài", userId = (Guid?)demoPerson },
            new { kind = "agencyLeader", name = "Giám đốc" }, new { kind = "clerk", name = "Văn thư" },
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var errors = (await OrganizationTestKit.ProblemAsync(broken)).GetProperty("errors");
        string? At(string field) => errors.GetProperty(field)[0].GetString();
        Assert.Equal("Không có loại văn bản “XYZ” trong danh mục văn bản đi.", At("typeCodes"));
        Assert.Equal("Bước 1 phải là chuyên viên dự thảo.", At("steps[0].kind"));
        Assert.Equal("Vui lòng chọn người xử lý bước theo vai trò.", At("steps[1].kind"));
        Assert.Equal("Vui lòng nhập tên bước 3.", At("steps[2].name"));
        Assert.Equal("Vui lòng chọn người xử lý bước này.", At("steps[2].userId"));
        Assert.Equal("Bước lãnh đạo ký ban hành không được bỏ qua.", At("steps[3].canSkip"));
        Assert.Equal("Sau khi trả lại, quy trình tiếp tục từ bước 2 đến bước 4 (hoặc 0: bước đã trả lại).", At("steps[3].returnResumesAt"));
        Assert.Equal("Bước liền trước văn thư phải là lãnh đạo cơ quan ký ban hành.", await FieldErrorAsync(noSigner, "steps[1].kind"));
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Equal("Người được chọn không phải cán bộ đang làm việc của cơ quan.", await FieldErrorAsync(outsider, "steps[1].userId"));
        var stored = await admin.ProcessAsync(OutgoingProcess.Regulation000Code);
        Assert.Equal(zero.Version, stored.Version);
        Assert.Equal(zero.TypeCodes, stored.TypeCodes);
        Assert.Equal(zero.Steps, stored.Steps);
    }

    [DbFact]
    public async Task Applying_a_process_that_competes_for_a_type_or_the_default_is_refused_naming_it_unless_it_replaces_it()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInAsAsync(other.AdminUserName);
        var zero = await admin.ProcessAsync(OutgoingProcess.Regulation000Code);
        var three = await admin.ProcessAsync(OutgoingProcess.Regulation003Code);

        var secondDefault = await admin.ActivateAsync(three.Id);
        var noDefault = await admin.DeactivateAsync(zero.Id);
        var letters = await admin.PostAsJsonAsync(ProcessesUrl, Body(three, name: "Công văn và báo cáo", typeCodes: ["CV", "BC"]));
        var lettersProcess = (await letters.Content.ReadFromJsonAsync<Process>())!;
        var lettersApplied = await admin.ActivateAsync(lettersProcess.Id);
        var againForLetters = await admin.PostAsJsonAsync(ProcessesUrl, Body(zero, name: "Công văn riêng", typeCodes: ["CV"]));
        var clash = await admin.ActivateAsync((await againForLetters.Content.ReadFromJsonAsync<Process>())!.Id);
        var lettersNow = await admin.GetFromJsonAsync<Process>($"{ProcessesUrl}/{lettersProcess.Id}");
        var widenedToDefault = await admin.PutProcessAsync(lettersNow!, Body(lettersNow!, typeCodes: []));
        var beforeReplace = await admin.ProcessesAsync();
        var replaced = await admin.ActivateAsync(three.Id, replace: true);
        var after = await admin.ProcessesAsync();

        Assert.Equal(HttpStatusCode.Conflict, secondDefault.StatusCode);
        Assert.Equal($"Mỗi loại văn bản chỉ áp dụng một quy trình: “{Name000}” đang là quy trình mặc định (cho các loại văn bản chưa có quy trình riêng). "
            + "Hãy ngừng áp dụng quy trình đó trước, hoặc áp dụng thay thế.", (await OrganizationTestKit.ProblemAsync(secondDefault)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, noDefault.StatusCode);
        Assert.StartsWith("Cơ quan phải luôn có một quy trình mặc định đang áp dụng", (await OrganizationTestKit.ProblemAsync(noDefault)).GetProperty("title").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, letters.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lettersApplied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("“Công văn và báo cáo” đang áp dụng cho Công văn", (await OrganizationTestKit.ProblemAsync(clash)).GetProperty("title").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, widenedToDefault.StatusCode);
        Assert.Contains($"“{Name000}” đang là quy trình mặc định", await FieldErrorAsync(widenedToDefault, "typeCodes"), StringComparison.Ordinal);
        Assert.Equal([true, false, true, false], beforeReplace.Select(p => p.IsActive));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal([false, true, true, false], after.Select(p => p.IsActive));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "documents.outgoing-process.activate" && e.ObjectId == three.Id.ToString()).SingleAsync());
        Assert.EndsWith($"thay thế: {Name000}", audit.Details, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Choosing_the_003_process_for_official_letters_gives_a_new_official_letter_its_chain_while_other_types_keep_the_default()
    {
        var admin = await app.SignedInClientAsync();
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var signer = await app.DemoUserIdAsync("ttbhanh");
        var three = await admin.ProcessAsync(OutgoingProcess.Regulation003Code);

        (await admin.PutProcessAsync(three, Body(three, typeCodes: ["CV"]))).EnsureSuccessStatusCode();
        (await admin.ActivateAsync(three.Id)).EnsureSuccessStatusCode();
        var letter = await drafter.CreateDraftAsync(OutgoingKit.Draft("Về việc sửa chữa cầu Non Nước", signer));
        var report = await drafter.CreateDraftAsync(OutgoingKit.Draft("Báo cáo tình hình giao thông quý I", signer, typeCode: "BC"));
        var defaultSteps = (await admin.ProcessesAsync()).Single(p => p.IsActive && p.IsDefault).Steps;

        Assert.Equal(OutgoingProcess.Regulation003Steps.Select(s => (s.Kind, s.Name)), (await ChainOfAsync(letter)).Select(s => (s.Kind, s.Name)));
        Assert.Equal(defaultSteps.Select(s => s.Name), (await ChainOfAsync(report)).Select(s => s.Name));
        Assert.NotEqual(defaultSteps.Select(s => s.Name), OutgoingProcess.Regulation003Steps.Select(s => s.Name));
    }

    [DbFact]
    public async Task Changing_a_process_never_changes_a_draft_already_on_its_way()
    {
        var admin = await app.SignedInClientAsync();
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var signer = await app.DemoUserIdAsync("ttbhanh");
        var before = await drafter.CreateDraftAsync(OutgoingKit.Draft("Thông báo lịch trực Tết", signer, typeCode: "TB"));
        await drafter.ActOutAsync(before, "submit", new { recipientId = await app.DemoUserIdAsync("pvhung") });
        var chainBefore = await ChainOfAsync(before);
        var current = (await admin.ProcessesAsync()).Single(p => p.IsActive && p.IsDefault);
        var withoutLegal = current.Steps.Where(s => s.Kind != "legalReview").Select(s => s with { Name = s.Name + " (mới)" }).Select(StepBody);

        (await admin.PutProcessAsync(current, Body(current, steps: withoutLegal))).EnsureSuccessStatusCode();
        var after = await drafter.CreateDraftAsync(OutgoingKit.Draft("Thông báo lịch trực hè", signer, typeCode: "TB"));

        var onItsWay = await app.LoadOutgoingAsync(before);
        Assert.Equal(chainBefore, onItsWay.Chain);
        Assert.Equal((2, "Lãnh đạo phòng xem xét"), (onItsWay.CurrentStep, onItsWay.Current.Name));
        Assert.Contains(chainBefore, s => s.Kind == ChainStepKind.LegalReview);
        Assert.DoesNotContain(await ChainOfAsync(after), s => s.Kind == ChainStepKind.LegalReview);
        Assert.All(await ChainOfAsync(after), s => Assert.EndsWith("(mới)", s.Name, StringComparison.Ordinal));
    }

    [DbFact]
    public async Task The_settings_round_trip_and_a_unit_of_another_agency_or_a_malformed_abbreviation_is_refused()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInAsAsync(other.AdminUserName);
        var demoUnit = await app.DemoUnitIdAsync("Văn phòng");
        var settings = new
        {
            superiorName = "UBND TỈNH NINH BÌNH", issuerName = "SỞ TÀI CHÍNH", place = "Ninh Bình", abbreviation = "STC", numberPerType = true,
            legalUnitId = other.UnitId, officeUnitId = other.UnitId, deliverInternallyDirectly = true,
        };

        var first = await admin.GetFromJsonAsync<Settings>(SettingsUrl);
        var saved = await admin.PutAsJsonAsync(SettingsUrl, settings);
        var stored = await admin.GetFromJsonAsync<Settings>(SettingsUrl);
        var foreignUnit = await admin.PutAsJsonAsync(SettingsUrl, settings with { legalUnitId = demoUnit });
        var badAbbreviation = await admin.PutAsJsonAsync(SettingsUrl, settings with { abbreviation = "S-TC" });
        var noPlace = await admin.PutAsJsonAsync(SettingsUrl, settings with { place = " " });

        Assert.Equal(("STC", "", false, null), (first!.Abbreviation, first.Place, first.NumberPerType, first.LegalUnitId));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(new Settings("UBND TỈNH NINH BÌNH", "SỞ TÀI CHÍNH", "Ninh Bình", "STC", true, other.UnitId, other.UnitId, true), stored);
        Assert.Equal("Đơn vị được chọn không thuộc cơ quan hoặc đã ngừng hoạt động.", await FieldErrorAsync(foreignUnit, "legalUnitId"));
        Assert.Equal("Chữ viết tắt tên cơ quan gồm chữ in hoa và chữ số, không có dấu cách hay gạch nối (ví dụ SGTVT).", await FieldErrorAsync(badAbbreviation, "abbreviation"));
        Assert.Equal("Vui lòng nhập địa danh (ví dụ Ninh Bình).", await FieldErrorAsync(noPlace, "place"));
        Assert.Equal(stored, await admin.GetFromJsonAsync<Settings>(SettingsUrl));
        Assert.Single(await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == "documents.outgoing.settings.update" && e.ObjectId == other.AgencyId.ToString()).ToListAsync()));
    }

    [DbFact]
    public async Task A_person_without_the_right_is_refused_and_another_agencys_administrator_cannot_find_this_agencys_process()
    {
        var admin = await app.SignedInClientAsync();
        var zero = await admin.ProcessAsync(OutgoingProcess.Regulation000Code);
        var (_, userName) = await app.CreateUserAsync("Chuyên Viên Thử", DefaultRoles.Specialist);
        var specialist = await app.SignedInAsAsync(userName);
        var otherAdmin = await app.SignedInAsAsync((await app.CreateOtherAgencyAsync()).AdminUserName);

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync(ProcessesUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PutProcessAsync(zero, Body(zero))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.ActivateAsync(zero.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync(SettingsUrl)).StatusCode);
        foreach (var page in new[] { "/quan-tri/quy-trinh-van-ban-di", $"/quan-tri/quy-trinh-van-ban-di/{zero.Id}", "/quan-tri/cau-hinh-van-ban-di" })
        {
            var response = await specialist.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"{ProcessesUrl}/{zero.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PutProcessAsync(zero, Body(zero, name: "Chiếm quyền"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.DeactivateAsync(zero.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/quan-tri/quy-trinh-van-ban-di/{zero.Id}")).StatusCode);
        Assert.DoesNotContain(await otherAdmin.ProcessesAsync(), p => p.Id == zero.Id);
        Assert.Equal(zero.Name, (await admin.ProcessAsync(OutgoingProcess.Regulation000Code)).Name);
    }

    [DbFact]
    public async Task The_pages_edit_rows_save_a_change_and_show_refusals_in_vietnamese_beside_the_field()
    {
        // A browser's forms: the token comes with the form, not in the header scripts send.
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInAsAsync(other.AdminUserName);
        admin.DefaultRequestHeaders.Remove(RequestForgeryGuard.HeaderName);
        var list = await admin.GetStringAsync("/quan-tri/quy-trinh-van-ban-di");
        Assert.Contains(Name000, list, StringComparison.Ordinal);
        var home = await admin.GetStringAsync("/");
        Assert.Contains("href=\"/quan-tri/quy-trinh-van-ban-di\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/quan-tri/cau-hinh-van-ban-di\"", home, StringComparison.Ordinal);
        var zero = await admin.ProcessAsync(OutgoingProcess.Regulation000Code);
        var three = await admin.ProcessAsync(OutgoingProcess.Regulation003Code);
        var editUrl = $"/quan-tri/quy-trinh-van-ban-di/{zero.Id}";
        var edit = await admin.GetStringAsync(editUrl);
        Assert.Contains("Lãnh đạo đơn vị soạn thảo", edit, StringComparison.Ordinal);

        var forged = await admin.PostAsync(editUrl, new FormUrlEncodedContent(FormFields(zero).Select(f => KeyValuePair.Create(f.Name, f.Value))));
        var wrongFirst = await admin.PostAsync(editUrl, OrganizationTestKit.Form(edit, [.. FormFields(zero, ("Input.Steps[0].Kind", "unitHead"))]));
        var addedRow = await admin.PostAsync(editUrl, OrganizationTestKit.Form(edit, [.. FormFields(zero, ("Input.Edit", "add:1"))]));
        var saved = await admin.PostAsync(editUrl, OrganizationTestKit.Form(edit, [.. FormFields(zero, ("Input.Name", "Quy trình đã sửa trên trang"))]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongFirst.StatusCode);
        Assert.Contains("<span class=\"text-danger small\">Bước 1 phải là chuyên viên dự thảo.</span>", await wrongFirst.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rows = await addedRow.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, addedRow.StatusCode);
        Assert.Contains("data-step=\"6\"", rows, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Steps[2].Kind\"", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("text-danger small\">Vui lòng", rows, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await admin.ProcessAsync(OutgoingProcess.Regulation000Code);
        Assert.Equal(("Quy trình đã sửa trên trang", zero.Version + 1, zero.Steps.Count), (changed.Name, changed.Version, changed.Steps.Count));

        var refused = await admin.PostAsync("/quan-tri/quy-trinh-van-ban-di?handler=Activate", OrganizationTestKit.Form(list, ("id", three.Id.ToString())));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("“Quy trình đã sửa trên trang” đang là quy trình mặc định", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Áp dụng thay thế", refusedHtml, StringComparison.Ordinal);
        var replaced = await admin.PostAsync("/quan-tri/quy-trinh-van-ban-di?handler=Activate",
            OrganizationTestKit.Form(refusedHtml, ("id", three.Id.ToString()), ("replace", "true")));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Contains("Đã áp dụng quy trình “Quy trình văn bản đi (Quy chế 003, Điều 6)”.", await admin.GetStringAsync("/quan-tri/quy-trinh-van-ban-di"), StringComparison.Ordinal);

        var newPage = await admin.GetStringAsync($"/quan-tri/quy-trinh-van-ban-di/moi?from={OutgoingProcess.Regulation003Code}");
        Assert.Contains("value=\"Chánh Văn phòng thẩm định thể thức\"", newPage, StringComparison.Ordinal);
        var created = await admin.PostAsync("/quan-tri/quy-trinh-van-ban-di/moi", OrganizationTestKit.Form(newPage,
            [.. FormFields(three, ("Input.Version", ""), ("Input.Name", "Quy trình giấy mời"), ("Input.TypeCodes", "GM"))]));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var invitation = (await admin.ProcessesAsync()).Single(p => p.Name == "Quy trình giấy mời");
        Assert.Equal((false, 1), (invitation.IsActive, invitation.Version));
        Assert.Equal(["GM"], invitation.TypeCodes);

        var settingsPage = await admin.GetStringAsync("/quan-tri/cau-hinh-van-ban-di");
        var noPlace = await admin.PostAsync("/quan-tri/cau-hinh-van-ban-di", OrganizationTestKit.Form(settingsPage, ("Input.Place", ""), ("Input.Abbreviation", "STC")));
        Assert.Equal(HttpStatusCode.OK, noPlace.StatusCode);
        Assert.Contains("<span class=\"text-danger small\" id=\"place-error\">Vui lòng nhập địa danh (ví dụ Ninh Bình).</span>", await noPlace.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        var good = await admin.PostAsync("/quan-tri/cau-hinh-van-ban-di", OrganizationTestKit.Form(settingsPage, ("Input.Place", "Ninh Bình"), ("Input.Abbreviation", "STC"),
            ("Input.OfficeUnitId", other.UnitId.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(("Ninh Bình", other.UnitId), ((await admin.GetFromJsonAsync<Settings>(SettingsUrl))!.Place, (await admin.GetFromJsonAsync<Settings>(SettingsUrl))!.OfficeUnitId));
    }

    private async Task<List<ChainStep>> ChainOfAsync(Guid documentId) => (await app.LoadOutgoingAsync(documentId)).Chain;

    private sealed record Settings(string? SuperiorName, string? IssuerName, string Place, string Abbreviation, bool NumberPerType, Guid? LegalUnitId, Guid? OfficeUnitId,
        bool DeliverInternallyDirectly);
}

public sealed class OutgoingAdministrationTestsOnSqlite(SqliteApp app) : OutgoingAdministrationTests<SqliteApp>(app);

public sealed class OutgoingAdministrationTestsOnPostgres(PostgresApp app) : OutgoingAdministrationTests<PostgresApp>(app), IPostgresSuite;
