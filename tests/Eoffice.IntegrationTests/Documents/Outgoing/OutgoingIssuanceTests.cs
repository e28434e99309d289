using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>
/// Issuance by the clerk (issue 10, point 6): the format check before numbering returns a wrong draft to its drafter
/// with every problem and takes no number; TL. and TUQ. need their authorisation; fifty issuances at once get fifty
/// distinct consecutive numbers; two people acting on one step: one wins, the other is told; outsiders get 404.
/// </summary>
public abstract class OutgoingIssuanceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private readonly SignedDrafts drafts = new(app);

    private static int NumberOf(JsonElement issued) => int.Parse(issued.GetProperty("codeText").GetString()!.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);

    [DbFact]
    public async Task Fifty_issuances_at_once_get_fifty_distinct_consecutive_numbers()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await drafts.SignedAsync($"Báo cáo tình hình số {i} " + Guid.NewGuid().ToString("N")[..6]));
        }

        var clerks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.SignedInDemoAsync("dtmai")));
        var issued = await Task.WhenAll(ids.Select((id, i) => clerks[i % clerks.Length].ActOutAsync(id, "issue", new { })));

        var numbers = issued.Select(NumberOf).OrderBy(n => n).ToList();
        Assert.Equal(50, numbers.Distinct().Count());
        Assert.Equal(numbers[0] + 49, numbers[^1]);
        var stored = await app.WithDbAsync(db => db.Set<OutgoingDocument>().Where(d => ids.Contains(d.Id)).Select(d => d.Number!.Value).ToListAsync());
        Assert.Equal(numbers, stored.OrderBy(n => n).ToList());
    }

    [DbFact]
    public async Task A_draft_with_a_wrong_format_goes_back_to_its_drafter_with_every_problem_and_takes_no_number()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var before = await clerk.ActOutAsync(await drafts.SignedAsync("Kế hoạch bảo trì " + Guid.NewGuid().ToString("N")[..6]), "issue", new { });

        // "V/v" typed into the subject of a công văn, and KT. written for the director himself.
        var wrong = await drafts.SignedAsync("", OutgoingKit.Draft("V/v kiểm tra tải trọng xe " + Guid.NewGuid().ToString("N")[..6], await drafts.DeputyIdAsync(),
            position: "Giám đốc"));
        var refused = await clerk.ActOutAsync(wrong, "issue", new { });

        Assert.False(refused.GetProperty("issued").GetBoolean());
        var fields = refused.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("subject", fields);
        Assert.Contains("signingAuthority", fields);
        var d = await app.LoadOutgoingAsync(wrong);
        Assert.Equal(OutgoingStatus.Drafting, d.Status);
        Assert.Null(d.Number);
        Assert.True(await drafter.ListsAsync("cho-xu-ly", wrong));
        var detail = await drafter.OutgoingAsync(wrong);
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("Thể thức chưa đúng", StringComparison.Ordinal));

        // Nothing was skipped: the next good document takes the next number.
        var after = await clerk.ActOutAsync(await drafts.SignedAsync("Kế hoạch bảo trì tiếp " + Guid.NewGuid().ToString("N")[..6]), "issue", new { });
        Assert.Equal(NumberOf(before) + 1, NumberOf(after));
    }

    [DbFact]
    public async Task Signing_by_order_needs_the_signer_to_head_a_unit()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var chief = await app.DemoUserIdAsync("lttha");
        var specialist = await app.DemoUserIdAsync("nvana");

        var bySpecialist = await drafts.SignedAsync("", OutgoingKit.Draft("Thông báo lịch trực " + Guid.NewGuid().ToString("N")[..6], specialist, authority: "tl", position: "Chuyên viên"));
        var byChief = await drafts.SignedAsync("", OutgoingKit.Draft("Thông báo lịch họp " + Guid.NewGuid().ToString("N")[..6], chief, authority: "tl", position: "Chánh Văn phòng"));

        var refused = await clerk.ActOutAsync(bySpecialist, "issue", new { });
        Assert.False(refused.GetProperty("issued").GetBoolean());
        Assert.Contains("thừa lệnh", refused.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True((await clerk.ActOutAsync(byChief, "issue", new { })).GetProperty("issued").GetBoolean());
    }

    [DbFact]
    public async Task The_drafter_recalling_while_the_head_approves_lets_one_of_them_through_and_tells_the_other()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var deputy = await drafts.DeputyIdAsync();
        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft("Đề nghị cấp kinh phí " + Guid.NewGuid().ToString("N")[..6], deputy));
        await drafter.ActOutAsync(id, "submit", new { recipientId = await app.DemoUserIdAsync("pvhung") });

        var results = await Task.WhenAll(
            drafter.TryOutAsync(id, "recall", new { reason = "Cần sửa số liệu." }),
            head.TryOutAsync(id, "approve", new { recipientId = await app.DemoUserIdAsync("vdthang") }));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        var loser = Assert.Single(results, r => r.Status != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.Status);
        Assert.Contains("\"title\"", loser.Body, StringComparison.Ordinal);
        var d = await app.LoadOutgoingAsync(id);
        Assert.True(d.Status == OutgoingStatus.Drafting || d.CurrentStep == 3);
    }

    [DbFact]
    public async Task People_outside_the_chain_and_other_agencies_get_not_found_for_the_document_its_actions_and_its_files()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var outsider = await app.SignedInDemoAsync("hvson");
        var other = await app.SignedInAsAsync(await app.OtherAgencyLeaderAsync());
        var body = await drafter.UploadBodyAsync();
        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft("Tờ trình phê duyệt dự án " + Guid.NewGuid().ToString("N")[..6], await drafts.DeputyIdAsync(), mainFileId: body));
        var layout = (await drafter.OutgoingAsync(id)).GetProperty("versions")[0].GetProperty("layout").GetProperty("url").GetString()!;

        foreach (var client in new[] { outsider, other })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(OutgoingKit.Api(id))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.TryOutAsync(id, "opinions", new { text = "Xin xem." })).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(layout)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/files/{body}")).StatusCode);
            Assert.False(await client.ListsAsync("da-phat-hanh", id));
        }

        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync(layout)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInDemoAsync("dtmai")).GetAsync(OutgoingKit.Api(id))).StatusCode);
    }

    [DbFact]
    public async Task With_direct_internal_delivery_the_internal_copy_is_registered_at_once_in_the_recipients_incoming_register()
    {
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        await app.WithDbAsync(async db =>
        {
            (await db.Set<OutgoingSettings>().SingleAsync()).DeliverInternallyDirectly = true;
            return await db.SaveChangesAsync();
        });
        try
        {
            var clerk = await app.SignedInDemoAsync("dtmai");
            var subject = "Thông báo kết luận giao ban " + Guid.NewGuid().ToString("N")[..6];
            var id = await drafts.SignedAsync("", OutgoingKit.Draft(subject, await drafts.DeputyIdAsync(), recipients: [new { kind = "unit", id = transport }]));
            var issued = await clerk.ActOutAsync(id, "issue", new { });

            var d = await app.LoadOutgoingAsync(id);
            var recipient = d.Recipients.Single();
            Assert.Equal(DeliveryState.Received, recipient.State);
            var arrived = await app.WithDbAsync(db => db.Set<IncomingDocument>().SingleAsync(x => x.Id == recipient.DeliveredAsId));
            Assert.Equal(subject, arrived.Metadata.Subject);
            Assert.Equal(issued.GetProperty("codeText").GetString(), arrived.Metadata.CodeText);
            Assert.Equal(IncomingSource.Electronic, arrived.Source);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Set<OutgoingSettings>().SingleAsync()).DeliverInternallyDirectly = false;
                return await db.SaveChangesAsync();
            });
        }
    }

    [DbFact]
    public async Task A_secret_draft_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var subject = "Kế hoạch mật " + Guid.NewGuid().ToString("N")[..6];
        var response = await drafter.PostAsJsonAsync("/api/v1/documents/outgoing", new
        {
            draft = new { document = new { typeCode = "KH", subject, urgency = "normal" }, signingAuthority = "kt", confidentiality = "mat", copies = 1 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith("Văn bản mật", errors.GetProperty("draft.confidentiality")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<OutgoingDocument>().AnyAsync(d => d.Metadata.Subject == subject)));
    }
}

public sealed class OutgoingIssuanceTestsOnSqlite(SqliteApp app) : OutgoingIssuanceTests<SqliteApp>(app);

public sealed class OutgoingIssuanceTestsOnPostgres(PostgresApp app) : OutgoingIssuanceTests<PostgresApp>(app), IPostgresSuite;
