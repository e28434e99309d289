using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Exchange.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// Issue 13's acceptance between two real instances (ADR 0030 §15–§19): A issues a signed document to B, which gets it
/// in "Chờ tiếp nhận" with a valid package signature; B registers, assigns and finishes it and A shows 01, 03, 04, 06;
/// B refuses another with a reason A shows; a receipt that does not verify leaves the delivery "sent" with the error
/// and is retried, as is a partner that is down.
/// </summary>
public abstract class ExchangeSendingTests<TInstances>(TInstances two) : IClassFixture<TInstances>
    where TInstances : TwoInstances
{
    [DbFact]
    public async Task A_document_issued_to_a_partner_arrives_there_signed_and_its_registration_assignment_and_finishing_come_back_as_01_03_04_06()
    {
        var (id, subject) = await IssueToBAsync("Kế hoạch phối hợp kiểm tra công trình");

        var delivery = await DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");
        Assert.Equal((TwoInstances.CodeB, "eoffice-https"), (delivery.GetProperty("organId").GetString(), delivery.GetProperty("channel").GetString()));

        // B: in "Chờ tiếp nhận" with the package's signature checked against A's certificate, and the signed PDF.
        var clerkB = await two.B.SignedInDemoAsync("dtmai");
        var pending = await PendingAtBAsync(subject);
        Assert.True(pending.PackageSignatureValid);
        Assert.Equal(Eoffice.Web.Modules.Documents.Contracts.ArrivalChannel.Eoffice, pending.Channel);
        Assert.Contains(pending.Files, f => f.IsMain && f.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
        var item = await clerkB.GetFromJsonAsync<JsonElement>($"/api/v1/documents/incoming/pending/{pending.Id}");
        Assert.True(item.GetProperty("packageSignature").GetProperty("isValid").GetBoolean());

        // B registers, assigns and finishes it.
        var registered = await clerkB.PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/register",
            new { registerId = await two.B.AgencyRegisterIdAsync(), confirmWarnings = true });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var incomingId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var lttha = await two.B.DemoUserIdAsync("lttha");
        var cxtruong = await two.B.DemoUserIdAsync("cxtruong");
        await clerkB.ActAsync(incomingId, "present", new { userId = lttha });
        var chief = await two.B.SignedInDemoAsync("lttha");
        await chief.ActAsync(incomingId, "forward", new { targets = new[] { HandlingKit.Person(cxtruong, "lead", 5) } });
        await (await two.B.SignedInDemoAsync("cxtruong")).ActAsync(incomingId, "finish", new { result = "Đã kiểm tra, báo cáo kết quả." });
        if ((await two.B.LoadIncomingAsync(incomingId)).Status != IncomingStatus.Finished)
        {
            await chief.ActAsync(incomingId, "confirm", new { });
        }

        Assert.Equal(IncomingStatus.Finished, (await two.B.LoadIncomingAsync(incomingId)).Status);
        var done = await DeliveryAsync(id, d => d.GetProperty("state").GetString() == "finished");
        var codes = done.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "01", "03", "04", "06" }, codes.ToHashSet());
        Assert.Equal("Hoàn thành", done.GetProperty("stateName").GetString());

        // Statuses are owed once per code: B sends each once, A keeps each once.
        await two.B.OutboxDrainedAsync();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var reports = await two.B.WithDbAsync(db => db.Set<ExchangeStatusReport>().AsNoTracking().Where(r => r.SentAt != null).Select(r => r.ReceivedPackageId.ToString() + r.Code).ToListAsync());
        Assert.Equal(reports.Count, reports.Distinct().Count());

        // The page of the outgoing document shows the "Liên thông" table.
        var page = await (await two.A.SignedInDemoAsync("dtmai")).GetStringAsync($"/van-ban-di/{id}");
        Assert.Contains("Liên thông", page, StringComparison.Ordinal);
        Assert.Contains(TwoInstances.NameB, page, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành", page, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_document_the_partner_refuses_shows_refused_with_the_reason_at_the_sender()
    {
        var (id, subject) = await IssueToBAsync("Đề nghị góp ý quy hoạch");
        await DeliveryAsync(id, d => d.GetProperty("state").GetString() == "arrived");
        var pending = await PendingAtBAsync(subject);

        var refused = await (await two.B.SignedInDemoAsync("dtmai")).PostAsJsonAsync($"/api/v1/documents/incoming/pending/{pending.Id}/refuse",
            new { reason = "Văn bản gửi nhầm cơ quan, đề nghị gửi Sở Giao thông." });
        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);

        var delivery = await DeliveryAsync(id, d => d.GetProperty("state").GetString() == "refused");
        Assert.Equal("Văn bản gửi nhầm cơ quan, đề nghị gửi Sở Giao thông.", delivery.GetProperty("refusalReason").GetString());
        Assert.Contains(delivery.GetProperty("statuses").EnumerateArray(), s => s.GetProperty("code").GetString() == "02");
    }

    [DbFact]
    public async Task A_receipt_that_does_not_verify_leaves_the_delivery_sent_with_the_error_and_a_partner_that_is_down_is_retried_until_it_arrives()
    {
        two.Router.Tampered[TwoInstances.HostB] = true;
        var (tampered, _) = await IssueToBAsync("Thông báo lịch họp giao ban");
        var sent = await DeliveryAsync(tampered, d => d.GetProperty("state").GetString() == "sent" && d.GetProperty("attempts").GetInt32() >= 2);
        Assert.Contains("không hợp lệ", sent.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        two.Router.Tampered.TryRemove(TwoInstances.HostB, out _);
        await DeliveryAsync(tampered, d => d.GetProperty("state").GetString() == "arrived");
        // The package was received once however often it was posted.
        Assert.Equal(1, await two.B.WithDbAsync(db => db.Set<ExchangeReceivedPackage>().CountAsync(p => p.DocumentId == sent.GetProperty("packageDocumentId").GetString())));

        two.Router.Down[TwoInstances.HostB] = true;
        var (down, _) = await IssueToBAsync("Báo cáo tiến độ dự án");
        var queued = await DeliveryAsync(down, d => d.GetProperty("attempts").GetInt32() >= 2);
        Assert.Equal("queued", queued.GetProperty("state").GetString());
        Assert.Contains("Không kết nối được", queued.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        two.Router.Down.TryRemove(TwoInstances.HostB, out _);
        await DeliveryAsync(down, d => d.GetProperty("state").GetString() == "arrived");
    }

    private Task<(Guid Id, string Subject)> IssueToBAsync(string title) => two.IssueToBAsync(title);

    private Task<PendingIncoming> PendingAtBAsync(string subject) => two.PendingAtBAsync(subject);

    private Task<JsonElement> DeliveryAsync(Guid outgoingId, Func<JsonElement, bool> until) => two.DeliveryAsync(outgoingId, until);
}

public sealed class ExchangeSendingTestsOnSqlite(SqliteToSqlite two) : ExchangeSendingTests<SqliteToSqlite>(two);

public sealed class ExchangeSendingTestsFromPostgres(PostgresToSqlite two) : ExchangeSendingTests<PostgresToSqlite>(two), IPostgresSuite;

public sealed class ExchangeSendingTestsToPostgres(SqliteToPostgres two) : ExchangeSendingTests<SqliteToPostgres>(two), IPostgresSuite;
