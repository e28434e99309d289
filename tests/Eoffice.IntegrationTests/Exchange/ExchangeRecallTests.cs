using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Exchange.Contracts;
using Eoffice.Web.Modules.Exchange.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// Recall between two real instances (ADR 0030 §20–§22): A's clerk recalls an issued document from B with a reason
/// (status 13); B sees the request in "Chờ tiếp nhận" and on the registered document, accepts it (15: the document is
/// withdrawn from handling, the reason kept) or refuses it with a reason (16), which A shows; repeats change nothing;
/// a recall from a partner that did not send the document is refused; ids the user may not reach answer 404.
/// </summary>
public abstract class ExchangeRecallTests<TInstances>(TInstances two) : IClassFixture<TInstances>
    where TInstances : TwoInstances
{
    private const string Reason = "Văn bản có sai sót về số liệu, sẽ ban hành văn bản thay thế.";

    [DbFact]
    public async Task A_recall_the_partner_accepts_shows_15_at_the_sender_and_withdraws_the_registered_document_from_handling_with_the_reason()
    {
        var (id, subject) = await two.IssueToBAsync("Kế hoạch kiểm tra tải trọng xe");
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");

        // B registers it and presents it to the chief of office: there is handling to withdraw.
        var clerkB = await two.B.SignedInDemoAsync("dtmai");
        var pending = await two.PendingAtBAsync(subject);
        var registered = await clerkB.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/register",
            new { registerId = await two.B.AgencyRegisterIdAsync(), confirmWarnings = true });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var incomingId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await clerkB.ActAsync(incomingId, "present", new { userId = await two.B.DemoUserIdAsync("lttha") });
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "registered");

        // A's clerk recalls it from B: the row shows the request at once.
        var clerkA = await two.A.SignedInDemoAsync("dtmai");
        var asked = await clerkA.PostAsJsonAsync("/api/v1/exchange/deliveries/recall", new { outgoingId = id, organId = TwoInstances.CodeB, reason = Reason });
        Assert.True(asked.StatusCode == HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        var row = (await asked.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal(("Đã yêu cầu thu hồi", "requested"), (row.GetProperty("stateName").GetString(), row.GetProperty("recall").GetProperty("state").GetString()));

        // B: the request is kept on the arrival, listed in "Chờ tiếp nhận" with a badge although registered, and shown on the document.
        var requested = await two.PendingAtBAsync(subject, p => p.Recall == PendingRecall.Requested);
        Assert.Equal(Reason, requested.RecallReason);
        var list = await clerkB.GetFromJsonAsync<JsonElement>("/api/v1/documents/incoming/pending");
        var listed = list.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == pending.Id);
        Assert.Equal(("registered", "requested"), (listed.GetProperty("status").GetString(), listed.GetProperty("recall").GetProperty("state").GetString()));
        Assert.Contains("Yêu cầu thu hồi", await clerkB.GetStringAsync("/van-ban-den/cho-tiep-nhan"), StringComparison.Ordinal);
        Assert.Contains(Reason, await clerkB.GetStringAsync($"/van-ban-den/cho-tiep-nhan/{pending.Id}"), StringComparison.Ordinal);
        var document = await clerkB.GetFromJsonAsync<JsonElement>($"/api/v1/documents/incoming/{incomingId}");
        Assert.Contains(document.GetProperty("fields").EnumerateArray(),
            f => f.GetProperty("label").GetString() == "Yêu cầu thu hồi" && f.GetProperty("value").GetString()!.Contains(Reason, StringComparison.Ordinal));

        // B accepts: the document is withdrawn from handling with the reason, and stays readable.
        Assert.Equal(HttpStatusCode.NoContent, (await clerkB.PostAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/accept", null)).StatusCode);
        var withdrawn = await two.B.LoadIncomingAsync(incomingId);
        Assert.Equal(IncomingStatus.Cancelled, withdrawn.Status);
        Assert.NotNull(withdrawn.RecalledAt);
        Assert.Equal(Reason, withdrawn.RecallReason);
        Assert.DoesNotContain(withdrawn.Assignments, a => a.Status.IsActive());
        var readable = await clerkB.GetFromJsonAsync<JsonElement>($"/api/v1/documents/incoming/{incomingId}");
        Assert.Equal("Đã thu hồi", readable.GetProperty("statusName").GetString());

        // A shows 15.
        var accepted = await two.DeliveryAsync(id, d => d.GetProperty("recall").ValueKind == JsonValueKind.Object
            && d.GetProperty("recall").GetProperty("state").GetString() == "accepted");
        Assert.Equal("Đã thu hồi", accepted.GetProperty("stateName").GetString());
        Assert.Contains(accepted.GetProperty("statuses").EnumerateArray(), s => s.GetProperty("code").GetString() == ExchangeStatusCodes.RecallAccepted);
        Assert.Contains("Đã thu hồi", await clerkA.GetStringAsync($"/van-ban-di/{id}"), StringComparison.Ordinal);

        // Repeats change nothing: a second answer, a second recall, the same 15 sent again.
        Assert.Equal(HttpStatusCode.Conflict, (await clerkB.PostAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerkA.PostAsJsonAsync("/api/v1/exchange/deliveries/recall", new { outgoingId = id, reason = Reason })).StatusCode);
        await SendFromBAsync(accepted.GetProperty("packageDocumentId").GetString()!, ExchangeStatusCodes.RecallAccepted, "Đồng ý thu hồi");
        await two.B.OutboxDrainedAsync();
        var deliveryId = accepted.GetProperty("id").GetGuid();
        Assert.Equal(1, await two.A.WithDbAsync(db => db.Set<ExchangeDeliveryStatus>().CountAsync(s => s.DeliveryId == deliveryId && s.Code == ExchangeStatusCodes.RecallAccepted)));
        Assert.Equal(1, await two.B.WithDbAsync(db => db.Set<ExchangeStatusReport>().CountAsync(r => r.Code == ExchangeStatusCodes.RecallAccepted
            && db.Set<ExchangeReceivedPackage>().Any(p => p.Id == r.ReceivedPackageId && p.PendingId == pending.Id))));
    }

    [DbFact]
    public async Task A_recall_the_partner_refuses_shows_16_with_the_reason_at_the_sender_and_the_arrival_can_still_be_registered()
    {
        var (id, subject) = await two.IssueToBAsync("Thông báo kết luận cuộc họp");
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");
        var pending = await two.PendingAtBAsync(subject);

        // Recalled from every partner that has it (no organId).
        var clerkA = await two.A.SignedInDemoAsync("dtmai");
        var asked = await clerkA.PostAsJsonAsync("/api/v1/exchange/deliveries/recall", new { outgoingId = id, reason = Reason });
        Assert.True(asked.StatusCode == HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        await two.PendingAtBAsync(subject, p => p.Recall == PendingRecall.Requested);

        var clerkB = await two.B.SignedInDemoAsync("dtmai");
        var empty = await clerkB.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/refuse", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        const string refusal = "Văn bản đã được triển khai thực hiện, đề nghị ban hành văn bản đính chính.";
        Assert.Equal(HttpStatusCode.NoContent, (await clerkB.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/refuse", new { reason = refusal })).StatusCode);

        var refused = await two.DeliveryAsync(id, d => d.GetProperty("recall").ValueKind == JsonValueKind.Object
            && d.GetProperty("recall").GetProperty("state").GetString() == "refused");
        Assert.Equal("Từ chối thu hồi", refused.GetProperty("stateName").GetString());
        Assert.Equal(refusal, refused.GetProperty("recall").GetProperty("answer").GetString());
        Assert.Contains(refused.GetProperty("statuses").EnumerateArray(),
            s => s.GetProperty("code").GetString() == ExchangeStatusCodes.RecallRefused && s.GetProperty("description").GetString() == refusal);
        Assert.Contains(refusal, await clerkA.GetStringAsync($"/van-ban-di/{id}"), StringComparison.Ordinal);

        // B's arrival still waits and can be registered.
        var stillWaiting = await two.PendingAtBAsync(subject);
        Assert.Equal((PendingStatus.Waiting, PendingRecall.Refused), (stillWaiting.Status, stillWaiting.Recall));
        var registered = await clerkB.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/register",
            new { registerId = await two.B.AgencyRegisterIdAsync(), confirmWarnings = true });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [DbFact]
    public async Task An_accepted_recall_of_an_arrival_still_waiting_withdraws_it_so_it_cannot_be_registered()
    {
        var (id, subject) = await two.IssueToBAsync("Giấy mời dự hội nghị");
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");
        var pending = await two.PendingAtBAsync(subject);
        var page = await (await two.A.SignedInDemoAsync("dtmai")).GetStringAsync($"/van-ban-di/{id}");
        Assert.Contains("thu-hoi-lien-thong", page, StringComparison.Ordinal);

        // The clerk's form on the page: the recall to every partner.
        var clerkA = await two.A.SignedInDemoAsync("dtmai");
        var posted = await clerkA.PostAsJsonAsync("/api/v1/exchange/deliveries/recall", new { outgoingId = id, organId = (string?)null, reason = Reason });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await two.PendingAtBAsync(subject, p => p.Recall == PendingRecall.Requested);

        var clerkB = await two.B.SignedInDemoAsync("dtmai");
        Assert.Equal(HttpStatusCode.NoContent, (await clerkB.PostAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/accept", null)).StatusCode);
        Assert.Equal(PendingStatus.Withdrawn, (await two.PendingAtBAsync(subject)).Status);
        var register = await clerkB.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/register",
            new { registerId = await two.B.AgencyRegisterIdAsync(), confirmWarnings = true });
        Assert.Equal(HttpStatusCode.Conflict, register.StatusCode);
        Assert.Contains("thu hồi", await register.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await two.DeliveryAsync(id, d => d.GetProperty("stateName").GetString() == "Đã thu hồi");
    }

    [DbFact]
    public async Task A_recall_from_a_partner_that_did_not_send_the_document_is_refused_and_changes_nothing()
    {
        var (id, subject) = await two.IssueToBAsync("Báo cáo tình hình an toàn giao thông");
        var delivery = await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");

        // B asks A to recall the document A sent: A holds no package of B with that DocumentId.
        var refused = await Assert.ThrowsAsync<ExchangeTransportException>(() =>
            SendFromBAsync(delivery.GetProperty("packageDocumentId").GetString()!, ExchangeStatusCodes.RecallRequested, "Thu hồi giả mạo"));
        Assert.Contains("không gửi văn bản", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PendingRecall.None, (await two.PendingAtBAsync(subject)).Recall);
        var after = await two.DeliveryAsync(id, _ => true);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("recall").ValueKind);
    }

    [DbFact]
    public async Task A_recall_of_a_document_the_user_does_not_see_or_of_another_agencys_arrival_answers_404_and_only_a_register_keeper_may_recall()
    {
        var (id, subject) = await two.IssueToBAsync("Kế hoạch bảo trì đường bộ");
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");

        var clerkA = await two.A.SignedInDemoAsync("dtmai");
        Assert.Equal(HttpStatusCode.NotFound, (await clerkA.PostAsJsonAsync("/api/v1/exchange/deliveries/recall",
            new { outgoingId = Guid.NewGuid(), reason = Reason })).StatusCode);
        var stranger = await two.A.SignedInDemoAsync("hvson");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync("/api/v1/exchange/deliveries/recall",
            new { outgoingId = id, reason = Reason })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/van-ban-di/{id}/thu-hoi-lien-thong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerkA.PostAsJsonAsync("/api/v1/exchange/deliveries/recall",
            new { outgoingId = id, organId = "000.00.00.H99", reason = Reason })).StatusCode);

        // B's arrival id is nobody's at A; an unknown item at B is 404 too.
        var pending = await two.PendingAtBAsync(subject);
        Assert.Equal(HttpStatusCode.NotFound, (await clerkA.PostAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/accept", null)).StatusCode);
        var clerkB = await two.B.SignedInDemoAsync("dtmai");
        Assert.Equal(HttpStatusCode.NotFound, (await clerkB.PostAsync($"/api/v1/documents/incoming/pending/{Guid.NewGuid()}/recall/accept", null)).StatusCode);
        // Without a recall request there is nothing to answer.
        Assert.Equal(HttpStatusCode.Conflict, (await clerkB.PostAsync($"/api/v1/documents/incoming/pending/{pending.Id}/recall/accept", null)).StatusCode);
    }

    [DbFact]
    public async Task Withdrawing_an_issued_document_asks_every_partner_that_has_it_to_recall_it_with_the_clerks_reason()
    {
        var (id, subject) = await two.IssueToBAsync("Quyết định điều chỉnh phân luồng");
        await two.DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");

        var withdrawn = await (await two.A.SignedInDemoAsync("dtmai")).PostAsJsonAsync($"/api/v1/documents/outgoing/{id}/withdraw", new { reason = Reason });
        Assert.True(withdrawn.IsSuccessStatusCode, await withdrawn.Content.ReadAsStringAsync());

        var requested = await two.PendingAtBAsync(subject, p => p.Recall == PendingRecall.Requested);
        Assert.Equal(Reason, requested.RecallReason);
        await two.DeliveryAsync(id, d => d.GetProperty("stateName").GetString() == "Đã yêu cầu thu hồi");
    }

    /// <summary>B signs and sends A a status package about A's document <paramref name="packageDocumentId"/>.</summary>
    private async Task SendFromBAsync(string packageDocumentId, string code, string description)
    {
        using var scope = two.B.Services.CreateScope();
        var services = scope.ServiceProvider;
        var agency = await services.GetRequiredService<IOrganizationDirectory>().FindAgencyByCodeAsync(TwoInstances.CodeB);
        var partnerA = await services.GetRequiredService<Eoffice.Web.Platform.Data.EofficeDbContext>().Set<ExchangePartner>().AsNoTracking()
            .SingleAsync(p => p.AgencyId == agency!.Id && p.OrganId == DemoAgency.Code);
        await services.GetRequiredService<StatusPackages>().SendAsync(agency!.Id, partnerA, SendRecallRequest.ResponseForOf(packageDocumentId), code, description,
            DateTime.UtcNow, CancellationToken.None);
    }
}

public sealed class ExchangeRecallTestsOnSqlite(SqliteToSqlite two) : ExchangeRecallTests<SqliteToSqlite>(two);

public sealed class ExchangeRecallTestsFromPostgres(PostgresToSqlite two) : ExchangeRecallTests<PostgresToSqlite>(two), IPostgresSuite;

public sealed class ExchangeRecallTestsToPostgres(SqliteToPostgres two) : ExchangeRecallTests<SqliteToPostgres>(two), IPostgresSuite;
