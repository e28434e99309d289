using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.People;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Organization.OrganizationTestKit;

namespace Eoffice.IntegrationTests.Organization;

public abstract class PeopleAdministrationTests(EofficeApp app)
{
    [DbFact]
    public async Task A_new_person_gets_a_user_name_by_the_rule_and_a_temporary_password_that_signs_in_and_must_be_changed()
    {
        var admin = await app.SignedInClientAsync();
        var unit = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var position = await app.DemoPositionIdAsync(DemoAgency.Positions.Specialist);

        var first = await admin.PostAsJsonAsync("/api/v1/people",
            new { fullName = "Hồ Sĩ Mạnh", unitId = unit, positionId = position, email = "hsmanh@ninhbinh.gov.vn", phone = "0912 111 222", roles = new[] { "specialist" } });
        var second = await admin.PostAsJsonAsync("/api/v1/people", new { fullName = "Hà Sơn Mạnh", unitId = unit, positionId = position });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = (await first.Content.ReadFromJsonAsync<CreatedDto>())!;
        Assert.Equal("hsmanh", created.UserName);
        Assert.Equal("hsmanha", (await second.Content.ReadFromJsonAsync<CreatedDto>())!.UserName);
        Assert.Empty(PasswordPolicy.Check(created.TemporaryPassword));
        var stored = await app.WithDbAsync(db => db.Set<User>().Include(u => u.RoleAssignments).AsNoTracking().SingleAsync(u => u.UserName == "hsmanh"));
        Assert.True(stored.MustChangePassword);
        Assert.False(stored.IsDemo);
        Assert.DoesNotContain(created.TemporaryPassword, stored.PasswordHash, StringComparison.Ordinal);
        Assert.Equal((unit, position, "0912 111 222"), (stored.UnitId!.Value, stored.PositionId!.Value, stored.Phone));
        var role = Assert.Single(stored.RoleAssignments);
        Assert.Equal(("specialist", (Guid?)unit), (role.RoleCode, role.ScopeUnitId));

        var signIn = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "hsmanh", password = created.TemporaryPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "identity.person.create" && e.ObjectId == stored.Id.ToString())));
    }

    [DbFact]
    public async Task A_third_Nguyen_Van_An_after_the_demo_nvan_and_nvana_becomes_nvanb()
    {
        var admin = await app.SignedInClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            fullName = "Nguyễn Văn An",
            unitId = await app.DemoUnitIdAsync(DemoAgency.Units.Transport),
            positionId = await app.DemoPositionIdAsync(DemoAgency.Positions.Specialist),
        });

        Assert.Equal("nvanb", (await response.Content.ReadFromJsonAsync<CreatedDto>())!.UserName);
    }

    [DbFact]
    public async Task Bad_person_input_is_refused_with_field_errors_and_a_taken_user_name_with_409()
    {
        var admin = await app.SignedInClientAsync();
        var other = await app.CreateOtherAgencyAsync();
        var count = await app.WithDbAsync(db => db.Set<User>().CountAsync());

        var invalid = await admin.PostAsJsonAsync("/api/v1/people", new { fullName = "", userName = "Ng Van", email = "khong-hop-le", roles = new[] { "giam-doc" } });
        var foreignUnit = await admin.PostAsJsonAsync("/api/v1/people", new { fullName = "Lê Văn Tám", unitId = other.UnitId, positionId = other.PositionId });
        var taken = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            fullName = "Nguyễn Văn Anh", userName = "nvan",
            unitId = await app.DemoUnitIdAsync(DemoAgency.Units.Office), positionId = await app.DemoPositionIdAsync(DemoAgency.Positions.Specialist),
        });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ProblemAsync(invalid)).GetProperty("errors");
        Assert.Equal("Vui lòng nhập họ và tên.", errors.GetProperty("fullName")[0].GetString());
        Assert.StartsWith("Tên đăng nhập gồm", errors.GetProperty("userName")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Địa chỉ thư điện tử không hợp lệ", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Vai trò không hợp lệ: giam-doc.", errors.GetProperty("roles")[0].GetString());
        Assert.Equal("Vui lòng chọn đơn vị.", errors.GetProperty("unitId")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, foreignUnit.StatusCode);
        Assert.True((await ProblemAsync(foreignUnit)).GetProperty("errors").TryGetProperty("unitId", out _));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<User>().CountAsync()));
    }

    [DbFact]
    public async Task The_administrator_edits_moves_disables_and_enables_a_person_and_disabling_ends_their_sessions()
    {
        var admin = await app.SignedInClientAsync();
        var created = await CreateAsync(admin, "Trần Văn Quang", DemoAgency.Units.Legal);
        var session = await app.SignedInClientAsync(created.UserName, created.TemporaryPassword);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        var renamed = await admin.PutAsJsonAsync($"/api/v1/people/{created.Person.Id}", new { fullName = "Trần Văn Quang", userName = "tvquang.pc", email = "tvquang@ninhbinh.gov.vn", phone = "" });
        var badName = await admin.PutAsJsonAsync($"/api/v1/people/{created.Person.Id}", new { fullName = "Trần Văn Quang", userName = "nvan" });
        var moved = await admin.PostAsJsonAsync($"/api/v1/people/{created.Person.Id}/move", new
        {
            unitId = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance), positionId = await app.DemoPositionIdAsync(DemoAgency.Positions.DeputyHead),
        });
        var disabled = await admin.PostAsync($"/api/v1/people/{created.Person.Id}/disable", null);
        var afterDisable = await session.GetAsync("/api/v1/me");
        var signInDisabled = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "tvquang.pc", password = created.TemporaryPassword });
        var enabled = await admin.PostAsync($"/api/v1/people/{created.Person.Id}/enable", null);
        var signInEnabled = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "tvquang.pc", password = created.TemporaryPassword });
        var self = await admin.PostAsync($"/api/v1/people/{await admin.MyIdAsync()}/disable", null);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, badName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("disabled", (await disabled.Content.ReadFromJsonAsync<PersonDto>())!.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signInDisabled.StatusCode);
        Assert.Equal("active", (await enabled.Content.ReadFromJsonAsync<PersonDto>())!.Status);
        Assert.Equal(HttpStatusCode.OK, signInEnabled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.ObjectId == created.Person.Id.ToString() && e.Action.StartsWith("identity.person."))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["identity.person.create", "identity.person.update", "identity.person.move", "identity.person.disable", "identity.person.enable"], actions);
    }

    [DbFact]
    public async Task People_are_listed_by_unit_and_found_by_name_without_tone_marks()
    {
        var admin = await app.SignedInClientAsync();
        var board = await app.DemoUnitIdAsync(DemoAgency.Units.ProjectBoard);

        var byName = await admin.GetFromJsonAsync<List<PersonDto>>("/api/v1/people?q=duong%20van%20nam");
        var byUnit = await admin.GetFromJsonAsync<List<PersonDto>>($"/api/v1/people?unitId={board}");
        var page = await admin.GetStringAsync($"/quan-tri/can-bo?unitId={board}&q=LY%20THI");

        Assert.Equal(["dvnam"], byName!.Select(p => p.UserName));
        Assert.Equal(["dvnam", "ktloan", "ltthao", "tcdinh"], byUnit!.Select(p => p.UserName).Order(StringComparer.Ordinal));
        Assert.Contains("Lý Thị Thảo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dương Văn Nam", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task An_xlsx_import_creates_everyone_with_rule_names_and_a_csv_import_does_too()
    {
        var admin = await app.SignedInClientAsync();
        var xlsx = StaffFile.WriteXlsx([
            StaffFile.Columns,
            ["Phùng Văn Khải", "phong ke hoach - tai chinh", "Chuyên viên", "pvkhai@ninhbinh.gov.vn", "0912000001", "", "Chuyên viên"],
            ["Phan Văn Khải", "Phòng Kế hoạch - Tài chính", "chuyen vien", "", "", "", ""],
            ["Quách Thị Tuyết", "Văn phòng", "Văn thư", "", "", "qttuyet.vt", "Văn thư; Bộ phận một cửa"],
        ]);
        var csv = "\uFEFFHọ và tên;Đơn vị;Chức vụ;Email;Điện thoại\r\n\"Đoàn Văn Hậu\";Phòng Pháp chế;Chuyên viên;;0229 3871 000\r\n";

        var xlsxResponse = await PostFileAsync(admin, "xlsx", xlsx);
        var csvResponse = await PostFileAsync(admin, "csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var report = (await xlsxResponse.Content.ReadFromJsonAsync<ReportDto>())!;
        Assert.Equal(3, report.Created);
        Assert.Equal(["pvkhai", "pvkhaia", "qttuyet.vt"], report.Rows.Select(r => r.UserName));
        Assert.All(report.Rows, r => Assert.Equal("created", r.Status));
        Assert.All(report.Rows, r => Assert.Empty(PasswordPolicy.Check(r.TemporaryPassword)));
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("dvhau", (await csvResponse.Content.ReadFromJsonAsync<ReportDto>())!.Rows.Single().UserName);
        var tuyet = await app.WithDbAsync(db => db.Set<User>().Include(u => u.RoleAssignments).AsNoTracking().SingleAsync(u => u.UserName == "qttuyet.vt"));
        Assert.Equal(["clerk", "one-stop"], tuyet.RoleAssignments.Select(r => r.RoleCode).Order(StringComparer.Ordinal));
        Assert.True(tuyet.MustChangePassword);
        var signIn = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "pvkhaia", password = report.Rows[1].TemporaryPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [DbFact]
    public async Task An_import_with_one_bad_row_changes_nothing_and_reports_that_row()
    {
        var admin = await app.SignedInClientAsync();
        var before = await app.WithDbAsync(db => db.Set<User>().CountAsync());
        var csv = "Họ và tên,Đơn vị,Chức vụ,Email,Điện thoại,Tên đăng nhập\n"
            + "Kim Văn Toàn,Văn phòng,Chuyên viên,,,\n"
            + "Kha Thị Mơ,Phòng Không Tồn Tại,Chuyên viên,sai@,,nvan\n"
            + "Khúc Văn Tài,Văn phòng,Chuyên viên,,,kvtai\n"
            + "Khổng Văn Tài,Văn phòng,Chuyên viên,,,kvtai\n";

        var response = await PostFileAsync(admin, "csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Tệp có 2 dòng không hợp lệ; chưa cán bộ nào được thêm.", problem.GetProperty("title").GetString());
        var rows = problem.GetProperty("rows").Deserialize<List<RowDto>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal([("valid", 2), ("error", 3), ("valid", 4), ("error", 5)], rows.Select(r => (r.Status, r.Row)));
        Assert.Contains(rows[1].Messages, m => m.StartsWith("Không tìm thấy đơn vị “Phòng Không Tồn Tại”", StringComparison.Ordinal));
        Assert.Contains(rows[1].Messages, m => m.StartsWith("Địa chỉ thư điện tử không hợp lệ", StringComparison.Ordinal));
        Assert.Contains("Tên đăng nhập “nvan” đã có người dùng.", rows[1].Messages);
        Assert.Contains("Tên đăng nhập “kvtai” trùng với dòng 4.", rows[3].Messages);
        Assert.Equal("kvtoan", rows[0].UserName);
        Assert.Null(rows[0].TemporaryPassword);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<User>().CountAsync()));
    }

    [DbFact]
    public async Task The_import_page_offers_templates_and_reports_an_upload()
    {
        var admin = await app.SignedInClientAsync();
        var html = await admin.GetStringAsync("/quan-tri/can-bo/nhap");
        var template = await admin.GetAsync("/quan-tri/can-bo/nhap?handler=Template&format=xlsx");
        var csvTemplate = await admin.GetByteArrayAsync("/api/v1/people/import/template?format=csv");

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var templateFile = StaffFile.Read(await template.Content.ReadAsByteArrayAsync(), StaffFileFormat.Xlsx);
        Assert.Equal("Tệp không có dòng dữ liệu nào dưới dòng tên cột.", templateFile.Error);
        Assert.Contains("href=\"/quan-tri/can-bo\"", html, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFHọ và tên,Đơn vị,Chức vụ,Email,Điện thoại,Tên đăng nhập,Vai trò", Encoding.UTF8.GetString(csvTemplate), StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Họ và tên,Đơn vị,Chức vụ\nTô Văn Lực,Văn phòng,Chuyên viên\n")), "Upload", "can-bo.csv" },
        };
        var posted = await admin.PostAsync("/quan-tri/can-bo/nhap", form);
        var result = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Đã thêm 1 cán bộ.", result, StringComparison.Ordinal);
        Assert.Contains("tvluc", result, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_create_page_posts_with_its_antiforgery_token_and_shows_the_password_once()
    {
        var admin = await app.SignedInClientAsync();
        var html = await admin.GetStringAsync("/quan-tri/can-bo/them");
        var unit = await app.DemoUnitIdAsync(DemoAgency.Units.Office);
        var position = await app.DemoPositionIdAsync(DemoAgency.Positions.Specialist);

        var invalid = await admin.PostAsync("/quan-tri/can-bo/them", Form(html, ("Input.FullName", "Mạc Thị Bưởi"), ("Input.Email", "buoi@")));
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        var posted = await admin.PostAsync("/quan-tri/can-bo/them", Form(html,
            ("Input.FullName", "Mạc Thị Bưởi"), ("Input.UnitId", unit.ToString()), ("Input.PositionId", position.ToString()), ("Input.Roles", "specialist")));
        var result = await posted.Content.ReadAsStringAsync();

        Assert.Contains("value=\"Mạc Thị Bưởi\"", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn đơn vị.", invalidHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("id=\"created-user-name\">mtbuoi<", result, StringComparison.Ordinal);
        Assert.Contains("id=\"created-password\"", result, StringComparison.Ordinal);
        Assert.DoesNotContain("created-password", await admin.GetStringAsync("/quan-tri/can-bo/them"), StringComparison.Ordinal);
        var buoi = await app.WithDbAsync(db => db.Set<User>().AsNoTracking().SingleAsync(u => u.UserName == "mtbuoi"));
        Assert.True(buoi.MustChangePassword);
        var change = await app.WithDbAsync(db => db.Set<RightsChange>().SingleAsync(c => c.SubjectUserId == buoi.Id));
        Assert.StartsWith("Cấp vai trò Chuyên viên (phạm vi: ", change.Description, StringComparison.Ordinal);
    }

    private async Task<CreatedDto> CreateAsync(HttpClient admin, string fullName, string unitName)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            fullName, unitId = await app.DemoUnitIdAsync(unitName), positionId = await app.DemoPositionIdAsync(DemoAgency.Positions.Specialist),
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedDto>())!;
    }

    private static Task<HttpResponseMessage> PostFileAsync(HttpClient client, string format, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/api/v1/people/import?format={format}", body);
    }

    private sealed record PersonDto(Guid Id, string UserName, string FullName, Guid? UnitId, string Status, bool MustChangePassword);

    private sealed record CreatedDto(PersonDto Person, string UserName, string TemporaryPassword);

    private sealed record RowDto(int Row, string FullName, string Status, List<string> Messages, string? UserName, string? TemporaryPassword);

    private sealed record ReportDto(bool Succeeded, int Created, List<RowDto> Rows);
}

public sealed class PeopleAdministrationTestsOnSqlite(SqliteApp app) : PeopleAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleAdministrationTestsOnPostgres(PostgresApp app) : PeopleAdministrationTests(app), IClassFixture<PostgresApp>;
