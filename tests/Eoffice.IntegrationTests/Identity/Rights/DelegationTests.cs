using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Identity.Rights;

/// <summary>
/// Ủy quyền: active from its first to its last day (Vietnam dates) by the application clock, ending by itself; every
/// action under it names both people in the audit log.
/// </summary>
public abstract class DelegationTests(EofficeApp app, ManualClock clock)
{
    /// <summary>The delegable rights the documents module declares.</summary>
    private const string Handle = "documents.incoming.handle";

    private const string Approve = "documents.outgoing.approve";

    /// <summary>Tomorrow in Vietnam at 10:00, so the test never runs into the 45-day inactivity rule or the real date.</summary>
    private DateOnly StartClockTomorrow()
    {
        var tomorrow = VietnamTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);
        SetVietnamTime(tomorrow, new TimeOnly(10, 0));
        return tomorrow;
    }

    private void SetVietnamTime(DateOnly date, TimeOnly time) => clock.Set(VietnamTime.ToUtc(date, time));

    [DbFact]
    public async Task A_delegation_is_active_on_its_first_and_last_day_and_ends_by_itself_the_day_after()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var (aId, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, bName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        var a = await app.SignedInAsAsync(aName);

        var created = await a.PostAsJsonAsync("/api/v1/delegations", new
        {
            delegateId = bId,
            rights = new[] { Handle, Approve },
            startsOn = today.AddDays(1),
            endsOn = today.AddDays(3),
            reason = "Đi công tác",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var delegation = (await created.Content.ReadFromJsonAsync<DelegationDto>())!;
        Assert.Equal(("upcoming", "Xử lý văn bản đến (bút phê, phân công); Duyệt dự thảo văn bản đi"), (delegation.Status, delegation.RightsText));
        var notified = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Category == "delegations").Select(n => n.UserId).ToListAsync());
        Assert.Contains(aId, notified);
        Assert.Contains(bId, notified);
        Assert.False(await MayActAsync(bId, aId, Handle));

        SetVietnamTime(today.AddDays(1), new TimeOnly(0, 0, 30));
        Assert.True(await MayActAsync(bId, aId, Handle));
        Assert.True(await MayActAsync(bId, aId, Approve));
        Assert.False(await MayActAsync(bId, aId, "signing.sign"));
        Assert.False(await MayActAsync(aId, bId, Handle));
        Assert.Equal([aId], await app.WithServiceAsync<IDelegations, IReadOnlyList<Guid>>(d => d.DelegatorsOfAsync(bId, Approve)));
        var b = await app.SignedInAsAsync(bName);
        var acting = Assert.Single((await b.GetFromJsonAsync<Me>("/api/v1/me"))!.ActingFor);
        Assert.Equal((aId, "Trần Văn A", today.AddDays(3)), (acting.DelegatorId, acting.DelegatorName, acting.EndsOn));
        Assert.Equal([Handle, Approve], acting.Rights);

        SetVietnamTime(today.AddDays(3), new TimeOnly(23, 59, 30));
        Assert.True(await MayActAsync(bId, aId, Handle));

        SetVietnamTime(today.AddDays(4), new TimeOnly(0, 0, 30));
        Assert.False(await MayActAsync(bId, aId, Handle));
        Assert.Empty(await app.WithServiceAsync<IDelegations, IReadOnlyList<Guid>>(d => d.DelegatorsOfAsync(bId, Handle)));
        b = await app.SignedInAsAsync(bName);
        Assert.Empty((await b.GetFromJsonAsync<Me>("/api/v1/me"))!.ActingFor);
        var mine = (await b.GetFromJsonAsync<Mine>("/api/v1/delegations"))!;
        Assert.Equal("ended", Assert.Single(mine.Received).Status);
    }

    [DbFact]
    public async Task Only_the_delegator_or_an_administrator_revokes_and_it_stops_at_once()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var (aId, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, bName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        var a = await app.SignedInAsAsync(aName);
        var b = await app.SignedInAsAsync(bName);
        var delegation = (await (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "all" }, startsOn = today, endsOn = today.AddDays(5) }))
            .Content.ReadFromJsonAsync<DelegationDto>())!;
        Assert.Equal("active", delegation.Status);
        Assert.True(await MayActAsync(bId, aId, Approve));
        Assert.Equal([Handle, Approve], delegation.Rights);

        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostAsync($"/api/v1/delegations/{delegation.Id}/revoke", null)).StatusCode);
        var revoked = await a.PostAsync($"/api/v1/delegations/{delegation.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<DelegationDto>())!.Status);
        Assert.False(await MayActAsync(bId, aId, Approve));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "identity.delegation.revoke" && e.ObjectId == delegation.Id.ToString())));
    }

    [DbFact]
    public async Task Invalid_delegations_are_refused_and_administrators_may_delegate_on_behalf_of_someone()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var other = await app.CreateAgencyAsync("Sở Tư pháp");
        var (aId, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, _) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        var (strangerId, _) = await app.AddPersonAsync(other.Id, "Người cơ quan khác");
        var a = await app.SignedInAsAsync(aName);

        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { Approve }, startsOn = today.AddDays(-1), endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { Approve }, startsOn = today.AddDays(2), endsOn = today.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = aId, rights = new[] { Approve }, startsOn = today, endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "everything" }, startsOn = today, endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = strangerId, rights = new[] { Approve }, startsOn = today, endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegatorId = bId, delegateId = aId, rights = new[] { Approve }, startsOn = today, endsOn = today })).StatusCode);

        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var onBehalf = await admin.PostAsJsonAsync("/api/v1/delegations", new { delegatorId = aId, delegateId = bId, rights = new[] { Approve }, startsOn = today, endsOn = today });
        Assert.Equal(HttpStatusCode.Created, onBehalf.StatusCode);
        Assert.True(await MayActAsync(bId, aId, Approve));
        Assert.Single((await a.GetFromJsonAsync<Mine>("/api/v1/delegations"))!.Given);
    }

    [DbFact]
    public async Task An_action_under_a_delegation_records_both_names_and_the_chain_still_verifies()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var (aId, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, bName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        var a = await app.SignedInAsAsync(aName);
        await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { Handle }, startsOn = today, endsOn = today });
        var objectId = Guid.NewGuid().ToString();

        // What a module does when B directs A's incoming document: check the delegation, then audit on A's behalf.
        using (var scope = app.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var actingFor = Assert.Single(await sp.GetRequiredService<IDelegations>().ActingForAsync(bId));
            Assert.Contains(Handle, actingFor.Rights);
            await sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditEvent(
                "documents.incoming.direct", "incoming-document", objectId, Details: "Bút phê: giao Phòng Kế hoạch xử lý",
                ActorId: bId, ActorName: bName, OnBehalfOfId: actingFor.DelegatorId, OnBehalfOfName: actingFor.DelegatorName));
        }

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.ObjectId == objectId));
        Assert.Equal((bId, aId, "Trần Văn A"), (entry.ActorId!.Value, entry.OnBehalfOfId!.Value, entry.OnBehalfOfName));
        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var page = await admin.GetStringAsync($"/quan-tri/nhat-ky?objectId={objectId}");
        Assert.Contains("(thay mặt Trần Văn A)", page);
        Assert.Contains(bName, page);
        var listed = Assert.Single((await admin.GetFromJsonAsync<AuditPage>($"/api/v1/audit?objectId={objectId}"))!.Items);
        Assert.Equal("Trần Văn A", listed.OnBehalfOfName);
        var verification = await app.WithServiceAsync<AuditChainVerifier, AuditVerification>(v => v.VerifyAsync());
        Assert.True(verification.IsIntact, verification.Problem);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_entries SET on_behalf_of_name = 'Người khác' WHERE sequence = {0}", entry.Sequence));
        var tampered = await app.WithServiceAsync<AuditChainVerifier, AuditVerification>(v => v.VerifyAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_entries SET on_behalf_of_name = 'Trần Văn A' WHERE sequence = {0}", entry.Sequence));
        Assert.Equal(entry.Sequence, tampered.FirstBrokenSequence);
    }

    [DbFact]
    public async Task The_page_offers_the_declared_rights_by_name_and_refuses_an_undeclared_one_beside_its_field_saving_nothing()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var (_, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, _) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        var a = await app.SignedInAsAsync(aName);

        var declared = (await a.GetFromJsonAsync<List<RightDto>>("/api/v1/delegations/rights"))!;
        var page = await a.GetStringAsync("/uy-quyen");
        var refused = await a.PostAsync("/uy-quyen?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DelegateId"] = bId.ToString(),
            ["Input.Rights"] = "signing.sign",
            ["Input.StartsOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Đi công tác",
            ["__RequestVerificationToken"] = TestAgencies.AntiforgeryToken(page),
        }));
        var byApi = await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "signing.sign" }, startsOn = today, endsOn = today });

        Assert.Equal([new RightDto(Handle, "Xử lý văn bản đến (bút phê, phân công)"), new RightDto(Approve, "Duyệt dự thảo văn bản đi")], declared);
        Assert.Contains($"value=\"{Handle}\"", page);
        Assert.Contains("Duyệt dự thảo văn bản đi", page);
        Assert.DoesNotContain("signing.sign", page);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($"<input[^>]*(id=\"Input_StartsOn\"[^>]*value=\"{day}\"|value=\"{day}\"[^>]*id=\"Input_StartsOn\")", page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.Rights\"[^>]*>Quyền ủy quyền không hợp lệ: signing.sign", html);
        Assert.Contains("value=\"Đi công tác\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, byApi.StatusCode);
        var problem = await byApi.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.StartsWith("Quyền ủy quyền không hợp lệ: signing.sign", problem.GetProperty("errors").GetProperty("rights")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<Delegation>().AnyAsync(d => d.DelegateId == bId)));
    }

    [DbFact]
    public async Task The_page_delegates_a_declared_right_and_says_so_after_the_redirect()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var (aId, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, _) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        var a = await app.SignedInAsAsync(aName);
        var page = await a.GetStringAsync("/uy-quyen");

        var posted = await a.PostAsync("/uy-quyen?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DelegateId"] = bId.ToString(),
            ["Input.Rights"] = Handle,
            ["Input.StartsOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = TestAgencies.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await a.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Đã ủy quyền cho Nguyễn Văn B: Xử lý văn bản đến (bút phê, phân công)", after);
        Assert.True(await MayActAsync(bId, aId, Handle));
        Assert.False(await MayActAsync(bId, aId, Approve));
    }

    [DbFact]
    public async Task A_signing_right_delegated_before_the_catalogue_is_kept_and_shown_as_not_applied_but_cannot_be_granted_anew()
    {
        var today = StartClockTomorrow();
        var agency = await app.CreateAgencyAsync();
        var (aId, aName) = await app.AddPersonAsync(agency.Id, "Trần Văn A");
        var (bId, bName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn B");
        await app.WithDbAsync(async db =>
        {
            // What M0020 makes of a delegation stored with the signing flag.
            db.Add(new Delegation(aId, bId, [(Handle, "Xử lý văn bản đến (bút phê, phân công)"), ("signing.sign", "Ký văn bản")], today, today.AddDays(1),
                "Đi công tác", DateTime.UtcNow, aId));
            return await db.SaveChangesAsync();
        });
        var b = await app.SignedInAsAsync(bName);
        var a = await app.SignedInAsAsync(aName);

        var received = Assert.Single((await b.GetFromJsonAsync<Mine>("/api/v1/delegations"))!.Received);
        var page = await b.GetStringAsync("/uy-quyen");
        var again = await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "signing.sign" }, startsOn = today, endsOn = today });

        Assert.Equal([Handle, "signing.sign"], received.Rights);
        Assert.Equal("Xử lý văn bản đến (bút phê, phân công); Ký văn bản (chưa áp dụng)", received.RightsText);
        Assert.Contains("Ký văn bản (chưa áp dụng)", page);
        Assert.Equal([Handle, "signing.sign"], Assert.Single((await b.GetFromJsonAsync<Me>("/api/v1/me"))!.ActingFor).Rights);
        Assert.True(await MayActAsync(bId, aId, Handle));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    private Task<bool> MayActAsync(Guid delegateId, Guid delegatorId, string right) =>
        app.WithServiceAsync<IDelegations, bool>(d => d.MayActForAsync(delegateId, delegatorId, right));

    private sealed record DelegationDto(Guid Id, Guid DelegatorId, Guid DelegateId, List<string> Rights, string RightsText, DateOnly StartsOn, DateOnly EndsOn, string Status);

    private sealed record Mine(List<DelegationDto> Given, List<DelegationDto> Received);

    private sealed record RightDto(string Code, string Name);

    private sealed record ActingFor(Guid DelegationId, Guid DelegatorId, string DelegatorName, List<string> Rights, DateOnly StartsOn, DateOnly EndsOn);

    private sealed record Me(Guid Id, List<ActingFor> ActingFor);

    private sealed record AuditItem(long Sequence, string? ActorName, string? OnBehalfOfName);

    private sealed record AuditPage(List<AuditItem> Items);
}

public sealed class DelegationTestsOnSqlite(ClockedSqliteApp app) : DelegationTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class DelegationTestsOnPostgres(ClockedPostgresApp app) : DelegationTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;
