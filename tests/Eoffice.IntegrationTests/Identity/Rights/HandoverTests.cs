using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Identity.Rights;

/// <summary>
/// The open work a test module holds per person. A person listed in <see cref="FailFor"/> makes the module write
/// something and then fail, as a module with a bug would.
/// </summary>
public sealed class TestOpenWork
{
    public const string ModuleName = "Văn bản đến (thử nghiệm)";

    public ConcurrentDictionary<Guid, IReadOnlyList<HandedOverItem>> Work { get; } = new();

    public ConcurrentDictionary<Guid, bool> FailFor { get; } = new();

    public sealed class Transfer(TestOpenWork work, INotifier notifier, EofficeDbContext db) : IOpenWorkHandover
    {
        public string Module => ModuleName;

        public async Task<IReadOnlyList<HandedOverItem>> HandOverAsync(Guid fromUserId, Guid toUserId, CancellationToken cancellationToken)
        {
            if (work.FailFor.ContainsKey(fromUserId))
            {
                await notifier.NotifyAsync(toUserId, "Đã chuyển một nửa công việc", null, null, "test-partial", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                throw new InvalidOperationException("The test module failed half-way.");
            }

            return work.Work.GetValueOrDefault(fromUserId, []);
        }
    }
}

public class HandoverSqliteApp : SqliteApp
{
    public TestOpenWork OpenWork { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(OpenWork);
        services.AddScoped<IOpenWorkHandover, TestOpenWork.Transfer>();
    }
}

public class HandoverPostgresApp : PostgresApp
{
    public TestOpenWork OpenWork { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(OpenWork);
        services.AddScoped<IOpenWorkHandover, TestOpenWork.Transfer>();
    }
}

/// <summary>Bàn giao: a departing person's open work goes to the successor in one transaction; the list is kept.</summary>
public abstract class HandoverTests(EofficeApp app, TestOpenWork openWork)
{
    [DbFact]
    public async Task A_departing_person_hands_open_work_to_the_successor_and_can_no_longer_sign_in()
    {
        var agency = await app.CreateAgencyAsync();
        var (xuanId, xuanName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn Xuân", agency.OfficeId, (DefaultRoles.Clerk, agency.OfficeId));
        var (senId, senName) = await app.AddPersonAsync(agency.Id, "Trần Thị Sen");
        var (_, otherName) = await app.AddPersonAsync(agency.Id, "Lê Văn Khác");
        openWork.Work[xuanId] =
        [
            new HandedOverItem("incoming-document", "VBD-2026-0012", "Công văn 12/UBND về kế hoạch năm 2027"),
            new HandedOverItem("incoming-document", "VBD-2026-0015", "Tờ trình 15/TTr-KHTC"),
        ];
        var xuan = await app.SignedInAsAsync(xuanName);
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var delegation = await xuan.PostAsJsonAsync("/api/v1/delegations", new { delegateId = senId, rights = new[] { "documents.outgoing.approve" }, startsOn = today, endsOn = today.AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, delegation.StatusCode);
        var admin = await app.SignedInAsAsync(agency.AdminUserName);

        var response = await admin.PostAsJsonAsync($"/api/v1/people/{xuanId}/departure", new { successorId = senId, reason = "retirement", note = "Nghỉ hưu từ 01/12" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var handover = (await response.Content.ReadFromJsonAsync<HandoverDto>())!;
        Assert.Equal((xuanId, senId, "retirement", "Nguyễn Văn Xuân", "Trần Thị Sen"), (handover.FromUserId, handover.ToUserId, handover.Reason, handover.FromName, handover.ToName));
        Assert.Equal(3, handover.Items.Count);
        Assert.Equal(["VBD-2026-0012", "VBD-2026-0015"], handover.Items.Where(i => i.Module == TestOpenWork.ModuleName).Select(i => i.ItemId));
        Assert.Contains(handover.Items, i => i.Module == "Ủy quyền" && i.ItemType == "delegation" && i.Title.Contains("Trần Thị Sen", StringComparison.Ordinal));

        var person = await app.WithDbAsync(db => db.Set<User>().AsNoTracking().SingleAsync(u => u.Id == xuanId));
        Assert.Equal((AccountStatus.Departed, (Guid?)senId), (person.Status, person.SuccessorId));
        Assert.False(await app.WithServiceAsync<IDelegations, bool>(d => d.MayActForAsync(senId, xuanId, "documents.outgoing.approve")));
        Assert.False(await app.WithServiceAsync<IAccessScopes, bool>(s => s.HasPermissionAsync(xuanId, "organization.view", agency.OfficeId)));
        var notice = await app.WithDbAsync(db => db.Set<Notification>().SingleAsync(n => n.UserId == senId && n.Category == "handovers"));
        Assert.Equal($"/quan-tri/ban-giao/{handover.Id}", notice.Link);
        Assert.Contains("Nguyễn Văn Xuân", notice.Title);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "identity.person.depart" && e.ObjectId == xuanId.ToString())));
        Assert.True(await app.WithDbAsync(db => db.Set<RightsChange>().AnyAsync(c => c.SubjectUserId == xuanId && c.Description.Contains("nghỉ việc"))));

        Assert.Equal(HttpStatusCode.Unauthorized, (await xuan.GetAsync("/api/v1/me")).StatusCode);
        var signIn = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = xuanName, password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        var sen = await app.SignedInAsAsync(senName);
        Assert.Equal(3, (await sen.GetFromJsonAsync<HandoverDto>($"/api/v1/handovers/{handover.Id}"))!.Items.Count);
        var page = await sen.GetStringAsync($"/quan-tri/ban-giao/{handover.Id}");
        Assert.Contains("Công văn 12/UBND về kế hoạch năm 2027", page);
        Assert.Contains("Nghỉ hưu", page);
        var other = await app.SignedInAsAsync(otherName);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/handovers/{handover.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/people/{xuanId}/departure", new { successorId = senId, reason = "other" })).StatusCode);
    }

    [DbFact]
    public async Task A_failing_module_rolls_the_whole_departure_back_and_the_person_stays_active()
    {
        var agency = await app.CreateAgencyAsync();
        var (yenId, yenName) = await app.AddPersonAsync(agency.Id, "Đỗ Thị Yến");
        var (senId, _) = await app.AddPersonAsync(agency.Id, "Trần Thị Sen");
        var yen = await app.SignedInAsAsync(yenName);
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        await yen.PostAsJsonAsync("/api/v1/delegations", new { delegateId = senId, rights = new[] { "all" }, startsOn = today, endsOn = today });
        openWork.FailFor[yenId] = true;
        var admin = await app.SignedInAsAsync(agency.AdminUserName);

        var response = await admin.PostAsJsonAsync($"/api/v1/people/{yenId}/departure", new { successorId = senId, reason = "transfer" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(AccountStatus.Active, await app.WithDbAsync(db => db.Set<User>().Where(u => u.Id == yenId).Select(u => u.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<Handover>().AnyAsync(h => h.FromUserId == yenId)));
        Assert.False(await app.WithDbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == senId && (n.Category == "test-partial" || n.Category == "handovers"))));
        Assert.False(await app.WithDbAsync(db => db.Set<RightsChange>().AnyAsync(c => c.SubjectUserId == yenId)));
        Assert.True(await app.WithServiceAsync<IDelegations, bool>(d => d.MayActForAsync(senId, yenId, "documents.outgoing.approve")));
        Assert.Equal(HttpStatusCode.OK, (await yen.GetAsync("/api/v1/me")).StatusCode);
    }

    [DbFact]
    public async Task The_departure_page_asks_for_a_successor_then_shows_the_handover()
    {
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync("Sở Xây dựng");
        var (personId, _) = await app.AddPersonAsync(agency.Id, "Phan Văn Tùng");
        var (successorId, _) = await app.AddPersonAsync(agency.Id, "Mai Thị Lan");
        var (strangerId, _) = await app.AddPersonAsync(other.Id, "Người cơ quan khác");
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var form = await admin.GetStringAsync($"/quan-tri/can-bo/{personId}/nghi-viec");
        Assert.Contains("Phan Văn Tùng", form);
        Assert.Contains("Mai Thị Lan", form);
        Assert.DoesNotContain("Người cơ quan khác", form);

        var missing = await admin.PostAsync($"/quan-tri/can-bo/{personId}/nghi-viec", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Reason"] = "transfer",
            ["__RequestVerificationToken"] = TestAgencies.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Vui lòng chọn người tiếp nhận công việc.", await missing.Content.ReadAsStringAsync());
        var foreign = await admin.PostAsJsonAsync($"/api/v1/people/{personId}/departure", new { successorId = strangerId, reason = "transfer" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        var done = await admin.PostAsync($"/quan-tri/can-bo/{personId}/nghi-viec", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SuccessorId"] = successorId.ToString(),
            ["Input.Reason"] = "transfer",
            ["Input.Note"] = "Chuyển sang Sở Nội vụ",
            ["__RequestVerificationToken"] = TestAgencies.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var handoverPage = await admin.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Chuyển công tác", handoverPage);
        Assert.Contains("Mai Thị Lan", handoverPage);
        Assert.Contains("Không có công việc đang xử lý.", handoverPage);
    }

    private sealed record ItemDto(string Module, string ItemType, string ItemId, string Title);

    private sealed record HandoverDto(Guid Id, Guid FromUserId, string FromName, Guid ToUserId, string ToName, string Reason, List<ItemDto> Items);
}

public sealed class HandoverTestsOnSqlite(HandoverSqliteApp app) : HandoverTests(app, app.OpenWork), IClassFixture<HandoverSqliteApp>;

public sealed class HandoverTestsOnPostgres(HandoverPostgresApp app) : HandoverTests(app, app.OpenWork), IClassFixture<HandoverPostgresApp>;
