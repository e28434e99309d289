using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Contracts;
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
            rights = new[] { "handleIncoming", "sign" },
            startsOn = today.AddDays(1),
            endsOn = today.AddDays(3),
            reason = "Đi công tác",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var delegation = (await created.Content.ReadFromJsonAsync<DelegationDto>())!;
        Assert.Equal(("upcoming", "xử lý văn bản đến, ký văn bản"), (delegation.Status, delegation.RightsText));
        var notified = await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.Category == "delegations").Select(n => n.UserId).ToListAsync());
        Assert.Contains(aId, notified);
        Assert.Contains(bId, notified);
        Assert.False(await MayActAsync(bId, aId, DelegatedRights.HandleIncoming));

        SetVietnamTime(today.AddDays(1), new TimeOnly(0, 0, 30));
        Assert.True(await MayActAsync(bId, aId, DelegatedRights.HandleIncoming));
        Assert.True(await MayActAsync(bId, aId, DelegatedRights.Sign));
        Assert.False(await MayActAsync(bId, aId, DelegatedRights.ApproveDrafts));
        Assert.False(await MayActAsync(aId, bId, DelegatedRights.HandleIncoming));
        Assert.Equal([aId], await app.WithServiceAsync<IDelegations, IReadOnlyList<Guid>>(d => d.DelegatorsOfAsync(bId, DelegatedRights.Sign)));
        var b = await app.SignedInAsAsync(bName);
        var acting = Assert.Single((await b.GetFromJsonAsync<Me>("/api/v1/me"))!.ActingFor);
        Assert.Equal((aId, "Trần Văn A", today.AddDays(3)), (acting.DelegatorId, acting.DelegatorName, acting.EndsOn));
        Assert.Equal(["handleIncoming", "sign"], acting.Rights);

        SetVietnamTime(today.AddDays(3), new TimeOnly(23, 59, 30));
        Assert.True(await MayActAsync(bId, aId, DelegatedRights.HandleIncoming));

        SetVietnamTime(today.AddDays(4), new TimeOnly(0, 0, 30));
        Assert.False(await MayActAsync(bId, aId, DelegatedRights.HandleIncoming));
        Assert.Empty(await app.WithServiceAsync<IDelegations, IReadOnlyList<Guid>>(d => d.DelegatorsOfAsync(bId, DelegatedRights.HandleIncoming)));
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
        Assert.True(await MayActAsync(bId, aId, DelegatedRights.ApproveDrafts));

        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostAsync($"/api/v1/delegations/{delegation.Id}/revoke", null)).StatusCode);
        var revoked = await a.PostAsync($"/api/v1/delegations/{delegation.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<DelegationDto>())!.Status);
        Assert.False(await MayActAsync(bId, aId, DelegatedRights.ApproveDrafts));
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

        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "sign" }, startsOn = today.AddDays(-1), endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "sign" }, startsOn = today.AddDays(2), endsOn = today.AddDays(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = aId, rights = new[] { "sign" }, startsOn = today, endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "everything" }, startsOn = today, endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = strangerId, rights = new[] { "sign" }, startsOn = today, endsOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsJsonAsync("/api/v1/delegations", new { delegatorId = bId, delegateId = aId, rights = new[] { "sign" }, startsOn = today, endsOn = today })).StatusCode);

        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var onBehalf = await admin.PostAsJsonAsync("/api/v1/delegations", new { delegatorId = aId, delegateId = bId, rights = new[] { "approveDrafts" }, startsOn = today, endsOn = today });
        Assert.Equal(HttpStatusCode.Created, onBehalf.StatusCode);
        Assert.True(await MayActAsync(bId, aId, DelegatedRights.ApproveDrafts));
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
        await a.PostAsJsonAsync("/api/v1/delegations", new { delegateId = bId, rights = new[] { "handleIncoming" }, startsOn = today, endsOn = today });
        var objectId = Guid.NewGuid().ToString();

        // What a module does when B directs A's incoming document: check the delegation, then audit on A's behalf.
        using (var scope = app.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var actingFor = Assert.Single(await sp.GetRequiredService<IDelegations>().ActingForAsync(bId));
            Assert.True(actingFor.Rights.HasFlag(DelegatedRights.HandleIncoming));
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

    private Task<bool> MayActAsync(Guid delegateId, Guid delegatorId, DelegatedRights right) =>
        app.WithServiceAsync<IDelegations, bool>(d => d.MayActForAsync(delegateId, delegatorId, right));

    private sealed record DelegationDto(Guid Id, Guid DelegatorId, Guid DelegateId, List<string> Rights, string RightsText, DateOnly StartsOn, DateOnly EndsOn, string Status);

    private sealed record Mine(List<DelegationDto> Given, List<DelegationDto> Received);

    private sealed record ActingFor(Guid DelegationId, Guid DelegatorId, string DelegatorName, List<string> Rights, DateOnly StartsOn, DateOnly EndsOn);

    private sealed record Me(Guid Id, List<ActingFor> ActingFor);

    private sealed record AuditItem(long Sequence, string? ActorName, string? OnBehalfOfName);

    private sealed record AuditPage(List<AuditItem> Items);
}

public sealed class DelegationTestsOnSqlite(ClockedSqliteApp app) : DelegationTests(app, app.Clock), IClassFixture<ClockedSqliteApp>;

public sealed class DelegationTestsOnPostgres(ClockedPostgresApp app) : DelegationTests(app, app.Clock), IClassFixture<ClockedPostgresApp>;
