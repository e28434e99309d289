using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.Rights;

/// <summary>The administrator assigns roles with unit scopes; each change applies at once and warns the approver until confirmed.</summary>
public abstract class RoleAssignmentTests(EofficeApp app)
{
    private const string View = OrganizationPermissions.ViewOrganization;

    [DbFact]
    public async Task A_scoped_role_applies_on_the_next_request_within_its_unit_and_its_revocation_too()
    {
        var agency = await app.CreateAgencyAsync();
        var (anId, anName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn An", agency.OfficeId);
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var an = await app.SignedInAsAsync(anName);
        Assert.DoesNotContain(View, (await an.GetFromJsonAsync<Me>("/api/v1/me"))!.Permissions);

        var granted = await admin.PostAsJsonAsync($"/api/v1/people/{anId}/roles", new { roleCode = DefaultRoles.Clerk, scopeUnitId = agency.DepartmentId });

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var assignment = (await granted.Content.ReadFromJsonAsync<Assignment>())!;
        Assert.Equal(("Văn thư", "Phòng Kế hoạch - Tài chính"), (assignment.RoleName, assignment.ScopeName));
        var me = (await an.GetFromJsonAsync<Me>("/api/v1/me"))!;
        Assert.Contains(DefaultRoles.Clerk, me.Roles);
        Assert.Contains(View, me.Permissions);

        var scopes = await app.WithServiceAsync<IAccessScopes, (bool, bool, bool, bool, IReadOnlySet<Guid>?)>(async s => (
            await s.HasPermissionAsync(anId, View, agency.DepartmentId),
            await s.HasPermissionAsync(anId, View, agency.TeamId),
            await s.HasPermissionAsync(anId, View, agency.OfficeId),
            await s.HasPermissionAsync(anId, View, null),
            await s.UnitsWherePermittedAsync(anId, View)));
        Assert.Equal((true, true, false, false), (scopes.Item1, scopes.Item2, scopes.Item3, scopes.Item4));
        Assert.Equal(new HashSet<Guid> { agency.DepartmentId, agency.TeamId }, scopes.Item5);

        var roles = (await admin.GetFromJsonAsync<PersonRoles>($"/api/v1/people/{anId}/roles"))!;
        var held = Assert.Single(roles.Roles);
        Assert.Equal((assignment.Id, (Guid?)agency.DepartmentId), (held.Id, held.ScopeUnitId));

        var change = await app.WithDbAsync(db => db.Set<RightsChange>().SingleAsync(c => c.SubjectUserId == anId));
        Assert.Equal("Cấp vai trò Văn thư (phạm vi: Phòng Kế hoạch - Tài chính) cho Nguyễn Văn An", change.Description);
        Assert.Equal((agency.Id, (Guid?)agency.AdminId, false), (change.AgencyId!.Value, change.ChangedBy, change.IsConfirmed));
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "identity.role.grant" && e.ObjectId == anId.ToString()));
        Assert.Contains("Văn thư", audited.Details);
        Assert.Contains("Phòng Kế hoạch - Tài chính", audited.Details);

        var revoked = await admin.DeleteAsync($"/api/v1/people/{anId}/roles/{assignment.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        me = (await an.GetFromJsonAsync<Me>("/api/v1/me"))!;
        Assert.DoesNotContain(View, me.Permissions);
        Assert.Empty(me.Roles);
        Assert.False(await app.WithServiceAsync<IAccessScopes, bool>(s => s.HasPermissionAsync(anId, View, agency.TeamId)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<RightsChange>().CountAsync(c => c.SubjectUserId == anId)));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "identity.role.revoke" && e.ObjectId == anId.ToString())));
    }

    [DbFact]
    public async Task An_agency_wide_role_reaches_every_unit_and_invalid_requests_are_refused()
    {
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync("Sở Y tế");
        var (binhId, _) = await app.AddPersonAsync(agency.Id, "Trần Thị Bình");
        var admin = await app.SignedInAsAsync(agency.AdminUserName);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/people/{binhId}/roles", new { roleCode = "superuser" })).StatusCode);
        var foreignScope = await admin.PostAsJsonAsync($"/api/v1/people/{binhId}/roles", new { roleCode = DefaultRoles.Specialist, scopeUnitId = other.OfficeId });
        Assert.Equal(HttpStatusCode.BadRequest, foreignScope.StatusCode);
        Assert.Contains("Đơn vị không thuộc cơ quan", await foreignScope.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/people/{binhId}/roles", new { roleCode = DefaultRoles.Specialist })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/people/{binhId}/roles", new { roleCode = DefaultRoles.Specialist })).StatusCode);

        var reach = await app.WithServiceAsync<IAccessScopes, (bool, IReadOnlySet<Guid>?)>(async s =>
            (await s.HasPermissionAsync(binhId, View, other.OfficeId) && await s.HasPermissionAsync(binhId, View, null), await s.UnitsWherePermittedAsync(binhId, View)));
        Assert.True(reach.Item1);
        Assert.Null(reach.Item2);
        Assert.Empty((await app.WithServiceAsync<IAccessScopes, IReadOnlySet<Guid>?>(s => s.UnitsWherePermittedAsync(binhId, "platform.audit.view")))!);
    }

    [DbFact]
    public async Task The_last_administrator_of_an_agency_keeps_the_role()
    {
        var agency = await app.CreateAgencyAsync();
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var roles = (await admin.GetFromJsonAsync<PersonRoles>($"/api/v1/people/{agency.AdminId}/roles"))!;

        var response = await admin.DeleteAsync($"/api/v1/people/{agency.AdminId}/roles/{roles.Roles[0].Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/people/" + agency.AdminId + "/roles")).StatusCode);
    }

    [DbFact]
    public async Task A_rights_change_warns_the_designated_approver_until_they_confirm_it()
    {
        var agency = await app.CreateAgencyAsync();
        var (leaderId, leaderName) = await app.AddPersonAsync(agency.Id, "Lê Văn Cường");
        var (dungId, dungName) = await app.AddPersonAsync(agency.Id, "Phạm Thị Dung");
        await app.SetRightsApproverAsync(agency.Id, leaderId);
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var leader = await app.SignedInAsAsync(leaderName);
        var dung = await app.SignedInAsAsync(dungName);

        await admin.PostAsJsonAsync($"/api/v1/people/{dungId}/roles", new { roleCode = DefaultRoles.LegalReviewer, scopeUnitId = agency.OfficeId });

        var notice = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.UserId == leaderId && n.Category == "rights"));
        Assert.Equal("Cấp vai trò Pháp chế (phạm vi: Văn phòng) cho Phạm Thị Dung", notice.Body);
        Assert.Equal("/quan-tri/xac-nhan-phan-quyen", notice.Link);
        Assert.False(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == agency.AdminId && n.Category == "rights")));
        var pending = (await leader.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!;
        var change = Assert.Single(pending.Items);
        Assert.True(pending.MayConfirm);
        Assert.Contains("id=\"rights-warning\"", await leader.GetStringAsync("/"));
        Assert.DoesNotContain("id=\"rights-warning\"", await admin.GetStringAsync("/"));
        Assert.False((await admin.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!.MayConfirm);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/v1/rights-changes/{change.Id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dung.PostAsync($"/api/v1/rights-changes/{change.Id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dung.GetAsync("/api/v1/rights-changes?pending=true")).StatusCode);
        Assert.Single((await leader.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!.Items);

        var confirmed = await leader.PostAsync($"/api/v1/rights-changes/{change.Id}/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Empty((await leader.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!.Items);
        var all = (await leader.GetFromJsonAsync<Changes>("/api/v1/rights-changes"))!;
        Assert.Equal("Lê Văn Cường", Assert.Single(all.Items).ConfirmedByName);
        Assert.DoesNotContain("id=\"rights-warning\"", await leader.GetStringAsync("/"));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "identity.rights-change.confirm" && e.ObjectId == change.Id.ToString()));
        Assert.Equal(leaderId, audit.ActorId);
    }

    [DbFact]
    public async Task Without_an_approver_every_administrator_is_warned_and_may_confirm_on_the_page()
    {
        var agency = await app.CreateAgencyAsync();
        var (secondAdminId, secondAdminName) = await app.AddPersonAsync(agency.Id, "Hoàng Văn Em", null, (DefaultRoles.Administrator, null));
        var (giangId, _) = await app.AddPersonAsync(agency.Id, "Vũ Thị Giang");
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        await admin.PostAsJsonAsync($"/api/v1/people/{giangId}/roles", new { roleCode = DefaultRoles.OneStopDesk });

        var warned = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Category == "rights" && n.Body!.Contains("Vũ Thị Giang")).Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { agency.AdminId, secondAdminId }.Order(), warned.Order());

        var second = await app.SignedInAsAsync(secondAdminName);
        var page = await second.GetStringAsync("/quan-tri/xac-nhan-phan-quyen");
        Assert.Contains("Cấp vai trò Bộ phận một cửa (phạm vi: toàn cơ quan) cho Vũ Thị Giang", page);
        var change = Assert.Single((await second.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!.Items);
        var response = await second.PostAsync($"/quan-tri/xac-nhan-phan-quyen?handler=Confirm&id={change.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAgencies.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<RightsChange>().AnyAsync(c => c.Id == change.Id && c.ConfirmedBy == secondAdminId)));
    }

    [DbFact]
    public async Task The_roles_page_grants_a_role_through_its_form()
    {
        var agency = await app.CreateAgencyAsync();
        var (personId, _) = await app.AddPersonAsync(agency.Id, "Đặng Văn Hải");
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var page = await admin.GetStringAsync($"/quan-tri/phan-quyen?personId={personId}");
        Assert.Contains("Đặng Văn Hải", page);
        Assert.Contains("Cán bộ chưa có vai trò nào.", page);

        var response = await admin.PostAsync($"/quan-tri/phan-quyen?handler=Assign&personId={personId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.RoleCode"] = DefaultRoles.UnitLeader,
            ["Input.ScopeUnitId"] = agency.TeamId.ToString(),
            ["__RequestVerificationToken"] = TestAgencies.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.GetStringAsync($"/quan-tri/phan-quyen?personId={personId}");
        Assert.Contains("Lãnh đạo đơn vị", after);
        Assert.Contains("Tổ Thẩm định", after);
        Assert.Contains("Đã cấp vai trò Lãnh đạo đơn vị (phạm vi: Tổ Thẩm định).", after);
    }

    [DbFact]
    public async Task Roles_given_with_a_new_account_are_a_rights_change_the_approver_is_warned_of_and_the_audit_names()
    {
        var agency = await app.CreateAgencyAsync();
        var position = await app.AddPositionAsync(agency.Id);
        var (approverId, approverName) = await app.AddPersonAsync(agency.Id, "Lê Văn Cường");
        await app.SetRightsApproverAsync(agency.Id, approverId);
        var admin = await app.SignedInAsAsync(agency.AdminUserName);

        var response = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            fullName = "Phạm Văn Quyền", unitId = agency.OfficeId, positionId = position, roles = new[] { DefaultRoles.Administrator, DefaultRoles.Clerk },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var personId = (await response.Content.ReadFromJsonAsync<Created>())!.Person.Id;
        const string expected = "Cấp vai trò Quản trị hệ thống (phạm vi: toàn cơ quan), Văn thư (phạm vi: toàn cơ quan) cho Phạm Văn Quyền (thêm cán bộ mới)";
        var change = await app.WithDbAsync(db => db.Set<RightsChange>().SingleAsync(c => c.SubjectUserId == personId));
        Assert.Equal((expected, (Guid?)agency.Id, (Guid?)agency.AdminId, false), (change.Description, change.AgencyId, change.ChangedBy, change.IsConfirmed));
        var notice = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.UserId == approverId && n.Category == "rights"));
        Assert.Equal(expected, notice.Body);
        var approver = await app.SignedInAsAsync(approverName);
        Assert.Equal(change.Id, Assert.Single((await approver.GetFromJsonAsync<Changes>("/api/v1/rights-changes?pending=true"))!.Items).Id);
        Assert.Contains("id=\"rights-warning\"", await approver.GetStringAsync("/"));
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "identity.person.create" && e.ObjectId == personId.ToString()));
        Assert.Contains("roles Quản trị hệ thống [administrator], phạm vi: toàn cơ quan [agency]; Văn thư [clerk]", audited.Details);
    }

    [DbFact]
    public async Task Roles_in_a_staff_file_are_rights_changes_the_approver_is_warned_of_once_and_each_audit_entry_names_them()
    {
        var agency = await app.CreateAgencyAsync();
        await app.AddPositionAsync(agency.Id);
        var (approverId, _) = await app.AddPersonAsync(agency.Id, "Lê Văn Cường");
        await app.SetRightsApproverAsync(agency.Id, approverId);
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var csv = "Họ và tên,Đơn vị,Chức vụ,Email,Điện thoại,Tên đăng nhập,Vai trò\n"
            + "Ngô Văn Nhập,Văn phòng,Chuyên viên,,,,Quản trị hệ thống\n"
            + "Đinh Thị Tệp,Phòng Kế hoạch - Tài chính,Chuyên viên,,,,Chuyên viên; Văn thư\n"
            + "Mai Văn Thường,Văn phòng,Chuyên viên,,,,\n";
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = await admin.PostAsync("/api/v1/people/import?format=csv", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var people = await app.WithDbAsync(db => db.Set<User>().AsNoTracking().Where(u => u.AgencyId == agency.Id).ToDictionaryAsync(u => u.FullName, u => u.Id));
        var changes = await app.WithDbAsync(db => db.Set<RightsChange>().AsNoTracking().Where(c => c.AgencyId == agency.Id).ToDictionaryAsync(c => c.SubjectUserId, c => c.Description));
        Assert.Equal("Cấp vai trò Quản trị hệ thống (phạm vi: toàn cơ quan) cho Ngô Văn Nhập (nhập danh sách cán bộ, dòng 2)", changes[people["Ngô Văn Nhập"]]);
        Assert.Equal("Cấp vai trò Chuyên viên (phạm vi: Phòng Kế hoạch - Tài chính), Văn thư (phạm vi: toàn cơ quan) cho Đinh Thị Tệp (nhập danh sách cán bộ, dòng 3)",
            changes[people["Đinh Thị Tệp"]]);
        Assert.False(changes.ContainsKey(people["Mai Văn Thường"]));
        var notice = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.UserId == approverId && n.Category == "rights"));
        Assert.StartsWith("2 thay đổi quyền, trong đó: Cấp vai trò Quản trị hệ thống", notice.Body, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "identity.person.create").ToListAsync());
        Assert.Contains("roles Quản trị hệ thống [administrator], phạm vi: toàn cơ quan [agency] | import row 2",
            audited.Single(e => e.ObjectId == people["Ngô Văn Nhập"].ToString()).Details);
        Assert.Contains($"roles Chuyên viên [specialist], phạm vi: Phòng Kế hoạch - Tài chính [{agency.DepartmentId}]; Văn thư [clerk]",
            audited.Single(e => e.ObjectId == people["Đinh Thị Tệp"].ToString()).Details);
        Assert.Contains("roles none", audited.Single(e => e.ObjectId == people["Mai Văn Thường"].ToString()).Details);
    }

    [DbFact]
    public async Task An_administrator_created_from_the_command_line_is_a_rights_change_of_their_agency()
    {
        var agency = await app.CreateAgencyAsync();
        var (approverId, _) = await app.AddPersonAsync(agency.Id, "Lê Văn Cường");
        await app.SetRightsApproverAsync(agency.Id, approverId);
        var code = await app.WithDbAsync(db => db.Set<Agency>().Where(a => a.Id == agency.Id).Select(a => a.Code).SingleAsync());

        var exit = await app.WithServiceAsync<IEnumerable<IConsoleCommand>, int>(commands =>
            commands.Single(c => c.Name == "create-admin").RunAsync(["--name", "Vương Văn Lệnh", "--agency", code], TextWriter.Null, CancellationToken.None));

        Assert.Equal(0, exit);
        var adminId = await app.WithDbAsync(db => db.Set<User>().Where(u => u.FullName == "Vương Văn Lệnh").Select(u => u.Id).SingleAsync());
        var change = await app.WithDbAsync(db => db.Set<RightsChange>().SingleAsync(c => c.SubjectUserId == adminId));
        Assert.Equal(("Cấp vai trò Quản trị hệ thống (phạm vi: toàn cơ quan) cho Vương Văn Lệnh (tạo từ dòng lệnh)", (Guid?)agency.Id),
            (change.Description, change.AgencyId));
        Assert.True(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == approverId && n.Body == change.Description)));
    }

    private sealed record Me(Guid Id, List<string> Roles, List<string> Permissions);

    private sealed record Created(Person Person);

    private sealed record Person(Guid Id);

    private sealed record Assignment(Guid Id, string RoleCode, string RoleName, Guid? ScopeUnitId, string ScopeName);

    private sealed record PersonRoles(Guid PersonId, string FullName, List<Assignment> Roles);

    private sealed record ChangeItem(Guid Id, string Description, DateTime? ConfirmedAt, string? ConfirmedByName);

    private sealed record Changes(List<ChangeItem> Items, bool MayConfirm);
}

public sealed class RoleAssignmentTestsOnSqlite(SqliteApp app) : RoleAssignmentTests(app), IClassFixture<SqliteApp>;

public sealed class RoleAssignmentTestsOnPostgres(PostgresApp app) : RoleAssignmentTests(app), IClassFixture<PostgresApp>;
