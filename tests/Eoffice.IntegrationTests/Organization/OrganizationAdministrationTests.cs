using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Organization.OrganizationTestKit;

namespace Eoffice.IntegrationTests.Organization;

public abstract class OrganizationAdministrationTests(EofficeApp app)
{
    [DbFact]
    public async Task The_administrator_creates_edits_moves_deactivates_and_reactivates_a_unit_and_every_change_is_audited()
    {
        var admin = await app.SignedInClientAsync();
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var legal = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);

        var created = await admin.PostAsJsonAsync("/api/v1/organization/units",
            new { parentId = office, name = "Tổ Công nghệ thông tin", code = "CNTT", kind = "other", hasOwnClerk = false, sortOrder = 9 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = (await created.Content.ReadFromJsonAsync<UnitDto>())!;
        Assert.Equal(office, unit.ParentId);

        var updated = await admin.PutAsJsonAsync($"/api/v1/organization/units/{unit.Id}",
            new { name = "Tổ Chuyển đổi số", code = "CĐS", kind = "other", hasOwnClerk = false, sortOrder = 9, phone = "0229 3871 333" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var moved = await admin.PostAsJsonAsync($"/api/v1/organization/units/{unit.Id}/move", new { parentId = legal });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var deactivated = await admin.PostAsync($"/api/v1/organization/units/{unit.Id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<UnitDto>())!.IsActive);
        var reactivated = await admin.PostAsync($"/api/v1/organization/units/{unit.Id}/reactivate", null);
        Assert.True((await reactivated.Content.ReadFromJsonAsync<UnitDto>())!.IsActive);

        var stored = await app.WithDbAsync(db => db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        Assert.Equal(("Tổ Chuyển đổi số", "CĐS", legal, "0229 3871 333", true), (stored.Name, stored.Code, stored.ParentId, stored.Phone, stored.IsActive));
        var tree = await admin.GetFromJsonAsync<List<UnitDto>>("/api/v1/organization/units");
        Assert.Equal(1, tree!.Single(u => u.Id == unit.Id).Depth);
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.ObjectId == unit.Id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["organization.unit.create", "organization.unit.update", "organization.unit.move", "organization.unit.deactivate", "organization.unit.reactivate"], actions);
    }

    [DbFact]
    public async Task A_unit_cannot_move_under_its_own_descendant_nor_be_stopped_while_people_work_in_it()
    {
        var admin = await app.SignedInClientAsync();
        var parent = await CreateUnitAsync(admin, "Ban Kiểm tra nội bộ", null);
        var child = await CreateUnitAsync(admin, "Tổ Kiểm tra số 1", parent);
        var office = await app.DemoUnitIdAsync(DemoAgency.Units.Office);

        var cycle = await admin.PostAsJsonAsync($"/api/v1/organization/units/{parent}/move", new { parentId = child });
        var busy = await admin.PostAsync($"/api/v1/organization/units/{office}/deactivate", null);
        var withChildren = await admin.PostAsync($"/api/v1/organization/units/{parent}/deactivate", null);

        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        var problem = await ProblemAsync(cycle);
        Assert.Equal("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("ParentId", out _));
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.StartsWith("Đơn vị còn", (await ProblemAsync(busy)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, withChildren.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Set<Unit>().Where(u => u.Id == parent).Select(u => u.ParentId).SingleAsync()));
    }

    [DbFact]
    public async Task Invalid_unit_and_position_input_is_answered_with_vietnamese_field_errors_and_nothing_is_saved()
    {
        var admin = await app.SignedInClientAsync();
        var before = await app.WithDbAsync(db => db.Set<Unit>().CountAsync());

        var unit = await admin.PostAsJsonAsync("/api/v1/organization/units", new { name = " ", code = "vp", kind = "phong" });
        var duplicate = await admin.PostAsJsonAsync("/api/v1/organization/positions", new { name = "chuyen vien", isLeadership = false, rank = 10 });

        Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        var errors = (await ProblemAsync(unit)).GetProperty("errors");
        Assert.Equal("Vui lòng nhập tên đơn vị.", errors.GetProperty("name")[0].GetString());
        Assert.StartsWith("Mã đơn vị", errors.GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Vui lòng chọn loại đơn vị.", errors.GetProperty("kind")[0].GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("Cơ quan đã có chức vụ cùng tên.", (await ProblemAsync(duplicate)).GetProperty("title").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Unit>().CountAsync()));
    }

    [DbFact]
    public async Task The_administrator_creates_edits_and_deactivates_a_position()
    {
        var admin = await app.SignedInClientAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/organization/positions", new { name = "Kế toán viên", isLeadership = false, rank = 20 });
        var position = (await created.Content.ReadFromJsonAsync<PositionDto>())!;
        var updated = await admin.PutAsJsonAsync($"/api/v1/organization/positions/{position.Id}", new { name = "Kế toán trưởng", isLeadership = true, rank = 15 });
        var deactivated = await admin.PostAsync($"/api/v1/organization/positions/{position.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<Position>().AsNoTracking().SingleAsync(p => p.Id == position.Id));
        Assert.Equal(("Kế toán trưởng", true, 15, false), (stored.Name, stored.IsLeadership, stored.Rank, stored.IsActive));
        var list = await admin.GetFromJsonAsync<List<PositionDto>>("/api/v1/organization/positions");
        Assert.Equal(DemoAgency.Positions.Director, list![0].Name);
    }

    [DbFact]
    public async Task The_agency_is_edited_with_a_valid_code_and_an_approver_of_its_own_and_a_bad_code_is_refused()
    {
        var admin = await app.SignedInClientAsync();
        var other = await app.CreateOtherAgencyAsync();
        var agency = (await admin.GetFromJsonAsync<AgencyDto>("/api/v1/organization/agency"))!;

        var badCode = await admin.PutAsJsonAsync("/api/v1/organization/agency", agency with { Code = "000.00.00.h43" });
        var foreignApprover = await admin.PutAsJsonAsync("/api/v1/organization/agency", agency with { RightsApproverId = other.PersonId });
        var good = await admin.PutAsJsonAsync("/api/v1/organization/agency", agency with { Code = "H43.20.37", Phone = "0229 3871 999" });

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.StartsWith("Mã định danh chỉ gồm chữ in hoa", (await ProblemAsync(badCode)).GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, foreignApprover.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == agency.Id));
        Assert.Equal(("H43.20.37", "0229 3871 999", agency.RightsApproverId), (stored.Code, stored.Phone, stored.RightsApproverId));
        await admin.PutAsJsonAsync("/api/v1/organization/agency", agency);
    }

    [DbFact]
    public async Task Objects_of_another_agency_answer_404_and_stay_unchanged()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInClientAsync();
        var otherAdmin = await app.SignedInAsAsync(other.AdminUserName);
        var demoUnit = await app.DemoUnitIdAsync(DemoAgency.Units.Legal);

        var responses = new[]
        {
            await admin.GetAsync($"/api/v1/organization/units/{other.UnitId}"),
            await admin.PutAsJsonAsync($"/api/v1/organization/units/{other.UnitId}", new { name = "Đổi tên", kind = "office" }),
            await admin.PostAsync($"/api/v1/organization/units/{other.UnitId}/deactivate", null),
            await admin.GetAsync($"/api/v1/organization/positions/{other.PositionId}"),
            await admin.PutAsJsonAsync($"/api/v1/organization/positions/{other.PositionId}", new { name = "Đổi tên", rank = 1 }),
            await admin.GetAsync($"/api/v1/people/{other.PersonId}"),
            await admin.PostAsync($"/api/v1/people/{other.PersonId}/disable", null),
            await otherAdmin.GetAsync($"/api/v1/organization/units/{demoUnit}"),
            await admin.GetAsync($"/quan-tri/don-vi/{other.UnitId}"),
            await admin.GetAsync($"/quan-tri/can-bo/{other.PersonId}"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("application/problem+json", responses[0].Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy", await responses[^1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Văn phòng", await app.WithDbAsync(db => db.Set<Unit>().Where(u => u.Id == other.UnitId).Select(u => u.Name).SingleAsync()));
        var otherUnits = await otherAdmin.GetFromJsonAsync<List<UnitDto>>("/api/v1/organization/units");
        Assert.Equal([other.UnitId], otherUnits!.Select(u => u.Id));
    }

    [DbFact]
    public async Task Only_the_installation_administrator_creates_agencies_and_staff_cannot_administer()
    {
        var (_, installer) = await app.CreateInstallationAdministratorAsync("Quản trị cài đặt");
        var (_, specialist) = await app.CreateUserAsync("Chuyên viên thử", DefaultRoles.Specialist);
        var installerClient = await app.SignedInAsAsync(installer);
        var staff = await app.SignedInAsAsync(specialist);
        var agencyAdmin = await app.SignedInClientAsync();
        var body = new { fullName = "Sở Xây dựng tỉnh Ninh Bình", shortName = "SXD", code = "H43.21" };

        var byAgencyAdmin = await agencyAdmin.PostAsJsonAsync("/api/v1/organization/agencies", body);
        var byStaff = await staff.PostAsJsonAsync("/api/v1/organization/units", new { name = "Phòng mới", kind = "department" });
        var staffPeople = await staff.GetAsync("/api/v1/people");
        var staffPage = await staff.GetAsync("/quan-tri/don-vi");
        var created = await installerClient.PostAsJsonAsync("/api/v1/organization/agencies", body);
        var again = await installerClient.PostAsJsonAsync("/api/v1/organization/agencies", body);

        Assert.Equal(HttpStatusCode.Forbidden, byAgencyAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffPeople.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Agency>().CountAsync(a => a.Code == "H43.21")));
    }

    [DbFact]
    public async Task The_unit_page_renders_the_tree_and_its_form_creates_a_unit_and_keeps_input_on_error()
    {
        var admin = await app.SignedInClientAsync();
        var html = await admin.GetStringAsync("/quan-tri/don-vi");
        Assert.Contains(DemoAgency.Units.ProjectBoard, html, StringComparison.Ordinal);
        Assert.Contains("Văn thư riêng", html, StringComparison.Ordinal);

        var invalid = await admin.PostAsync("/quan-tri/don-vi?handler=Create", Form(html,
            ("Input.Name", ""), ("Input.Code", "TTDL"), ("Input.Kind", "department"), ("Input.Email", "sai-dia-chi")));
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập tên đơn vị.", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"TTDL\"", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ", invalidHtml, StringComparison.Ordinal);

        var posted = await admin.PostAsync("/quan-tri/don-vi?handler=Create", Form(html,
            ("Input.Name", "Trung tâm Đăng kiểm"), ("Input.Code", "TTĐK"), ("Input.Kind", "subordinate"), ("Input.HasOwnClerk", "true"), ("Input.HasOwnClerk", "false")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<Unit>().AsNoTracking().SingleAsync(u => u.Name == "Trung tâm Đăng kiểm"));
        Assert.Equal((UnitKind.SubordinateUnit, true, "TTĐK"), (stored.Kind, stored.HasOwnClerk, stored.Code));
        foreach (var page in new[] { "/quan-tri/co-quan", "/quan-tri/chuc-vu", $"/quan-tri/don-vi/{stored.Id}", "/danh-ba" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        }
    }

    [DbFact]
    public async Task A_position_form_with_invalid_input_or_a_taken_name_shows_the_message_beside_the_field_keeps_the_input_and_saves_nothing()
    {
        var admin = await app.SignedInClientAsync();
        var html = await admin.GetStringAsync("/quan-tri/chuc-vu");
        var before = await app.WithDbAsync(db => db.Set<Position>().CountAsync());

        var invalid = await admin.PostAsync("/quan-tri/chuc-vu?handler=Create", Form(html, ("Input.Name", " "), ("Input.Rank", "1000")));
        var taken = await admin.PostAsync("/quan-tri/chuc-vu?handler=Create", Form(html, ("Input.Name", "chuyen vien"), ("Input.Rank", "30")));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Matches(BesideField("Input_Name", "Vui lòng nhập tên chức vụ."), invalidHtml);
        Assert.Matches(BesideField("Input_Rank", "Thứ bậc từ 1 đến 999 (1 là cao nhất)."), invalidHtml);
        Assert.Contains("value=\"1000\"", invalidHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var takenHtml = await taken.Content.ReadAsStringAsync();
        Assert.Matches(BesideField("Input_Name", "Cơ quan đã có chức vụ cùng tên."), takenHtml);
        Assert.Contains("value=\"chuyen vien\"", takenHtml, StringComparison.Ordinal);
        Assert.Contains(DemoAgency.Positions.Director, takenHtml, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Position>().CountAsync()));
    }

    [DbFact]
    public async Task Stopping_a_unit_where_people_work_shows_why_beside_the_status_buttons_and_keeps_it_active()
    {
        var admin = await app.SignedInClientAsync();
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);
        var html = await admin.GetStringAsync($"/quan-tri/don-vi/{planning}");

        var response = await admin.PostAsync($"/quan-tri/don-vi/{planning}?handler=Deactivate", Form(html));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches("<h2 class=\"h5 mt-4\">Trạng thái</h2>\\s*<p class=\"text-danger small\">Đơn vị còn \\d+ cán bộ đang làm việc", page);
        Assert.True(await app.WithDbAsync(db => db.Set<Unit>().Where(u => u.Id == planning).Select(u => u.IsActive).SingleAsync()));
    }

    [DbFact]
    public async Task Posting_a_page_form_for_another_agencys_unit_position_or_person_answers_404_and_changes_nothing()
    {
        var other = await app.CreateOtherAgencyAsync();
        var admin = await app.SignedInClientAsync();
        var html = await admin.GetStringAsync("/quan-tri/don-vi");

        var responses = new[]
        {
            await admin.PostAsync($"/quan-tri/don-vi/{other.UnitId}?handler=Update", Form(html, ("Input.Name", "Đổi tên"), ("Input.Kind", "office"))),
            await admin.PostAsync($"/quan-tri/don-vi/{other.UnitId}?handler=Deactivate", Form(html)),
            await admin.PostAsync($"/quan-tri/chuc-vu/{other.PositionId}?handler=Update", Form(html, ("Input.Name", "Đổi tên"), ("Input.Rank", "1"))),
            await admin.PostAsync($"/quan-tri/can-bo/{other.PersonId}?handler=Update", Form(html, ("Input.FullName", "Đổi Tên"), ("Input.UserName", "doiten"))),
            await admin.PostAsync($"/quan-tri/can-bo/{other.PersonId}?handler=Disable", Form(html)),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(("Văn phòng", true), await app.WithDbAsync(db => db.Set<Unit>().Where(u => u.Id == other.UnitId).Select(u => new ValueTuple<string, bool>(u.Name, u.IsActive)).SingleAsync()));
        Assert.Equal("Chuyên viên", await app.WithDbAsync(db => db.Set<Position>().Where(p => p.Id == other.PositionId).Select(p => p.Name).SingleAsync()));
        Assert.Equal(("Hồ Thị Xuân", AccountStatus.Active), await app.WithDbAsync(db => db.Set<User>().Where(u => u.Id == other.PersonId).Select(u => new ValueTuple<string, AccountStatus>(u.FullName, u.Status)).SingleAsync()));
    }

    /// <summary>The message right after the field's input, where the form shows it.</summary>
    private static string BesideField(string inputId, string message) =>
        $"id=\"{inputId}\"[^>]*/>\\s*<span class=\"text-danger small\"[^>]*>{System.Text.RegularExpressions.Regex.Escape(message)}</span>";

    private static async Task<Guid> CreateUnitAsync(HttpClient client, string name, Guid? parentId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/organization/units", new { parentId, name, kind = "department" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UnitDto>())!.Id;
    }

    private sealed record UnitDto(Guid Id, Guid? ParentId, string Name, string? Code, string Kind, bool IsActive, int Depth);

    private sealed record PositionDto(Guid Id, string Name, bool IsLeadership, int Rank, bool IsActive);

    private sealed record AgencyDto(Guid Id, string Code, string FullName, string ShortName, string? Address, string? Phone, string? Email, Guid? RightsApproverId);
}

public sealed class OrganizationAdministrationTestsOnSqlite(SqliteApp app) : OrganizationAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class OrganizationAdministrationTestsOnPostgres(PostgresApp app) : OrganizationAdministrationTests(app), IClassFixture<PostgresApp>;
