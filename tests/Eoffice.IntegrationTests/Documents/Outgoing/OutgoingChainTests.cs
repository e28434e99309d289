using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>
/// Regulation 000 Điều 8 replayed through the API: a specialist drafts, the head of the department approves the content,
/// legal review returns it to the drafter, the draft resumes at the department head, legal review approves the format,
/// the deputy director asks another department for comments, edits the draft herself and signs it on paper, the clerk
/// numbers and issues it, and the internal recipient's clerk finds it waiting to be received.
/// </summary>
public abstract class OutgoingChainTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task The_regulation_000_chain_runs_from_draft_to_issue_with_a_legal_return_a_consultation_and_a_direct_edit_by_the_leader()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var legal = await app.SignedInDemoAsync("vdthang");
        var deputy = await app.SignedInDemoAsync("ttbhanh");
        var planningHead = await app.SignedInDemoAsync("dddat");
        var clerk = await app.SignedInDemoAsync("dtmai");
        var outsider = await app.SignedInDemoAsync("hvson");
        var deputyId = await app.DemoUserIdAsync("ttbhanh");
        var transport = await app.DemoUnitIdAsync(DemoAgency.Units.Transport);
        var subject = "Sửa chữa cầu Non Nước " + Guid.NewGuid().ToString("N")[..6];

        var body = await drafter.UploadBodyAsync("Sở Giao thông vận tải đề nghị sửa chữa cầu.");
        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft(subject, deputyId, mainFileId: body, recipients:
        [
            new { kind = "unit", id = transport },
            new { kind = "organ", name = "Ủy ban nhân dân tỉnh Ninh Bình", organCode = "000.00.00.H43", channel = "post" },
        ]));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(OutgoingKit.Api(id))).StatusCode);
        Assert.True(await drafter.ListsAsync("du-thao", id));

        // Step 2: the department head (two leaders lead the department, so the drafter names one).
        var detail = await drafter.OutgoingAsync(id);
        var next = detail.GetProperty("nextSteps")[0];
        Assert.Equal(2, next.GetProperty("number").GetInt32());
        var pvhung = await app.DemoUserIdAsync("pvhung");
        Assert.Contains(next.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("userId").GetGuid() == pvhung);
        await drafter.ActOutAsync(id, "submit", new { recipientId = pvhung, note = "Kính trình anh xem xét." });
        Assert.True(await head.ListsAsync("cho-xu-ly", id));
        Assert.True(await drafter.ListsAsync("da-trinh", id));

        // Step 3: legal review, which sends it back to the drafter.
        var vdthang = await app.DemoUserIdAsync("vdthang");
        await head.ActOutAsync(id, "approve", new { recipientId = vdthang, opinion = "Đồng ý nội dung." });
        var returned = await legal.ActOutAsync(id, "return", new { toPrevious = false, opinion = "Bổ sung căn cứ pháp lý." });
        Assert.Equal("Dự thảo", returned.GetProperty("status").GetString());
        Assert.True(await drafter.ListsAsync("cho-xu-ly", id));

        // The drafter revises (version 2) and submits again: the chain resumes at the department head.
        var revised = OutgoingKit.Draft(subject + " (bổ sung căn cứ)", deputyId, mainFileId: body, recipients:
        [
            new { kind = "unit", id = transport },
            new { kind = "organ", name = "Ủy ban nhân dân tỉnh Ninh Bình", organCode = "000.00.00.H43", channel = "post" },
        ]);
        var put = await drafter.PutAsJsonAsync(OutgoingKit.Api(id), new { draft = revised, reason = "Bổ sung căn cứ theo ý kiến pháp chế." }).OkJsonAsync();
        Assert.Equal(2, put.GetProperty("version").GetInt32());
        detail = await drafter.OutgoingAsync(id);
        Assert.Equal(2, detail.GetProperty("nextSteps")[0].GetProperty("number").GetInt32());
        await drafter.ActOutAsync(id, "submit", new { recipientId = pvhung });
        await head.ActOutAsync(id, "approve", new { recipientId = vdthang });
        await legal.ActOutAsync(id, "approve", new { recipientId = deputyId, opinion = "Đủ điều kiện ban hành." });

        // Step 4: the deputy director asks the planning department for comments, then edits the draft herself.
        var planning = await app.DemoUnitIdAsync(DemoAgency.Units.PlanningFinance);
        await deputy.ActOutAsync(id, "consult", new { targets = new[] { new { unitId = planning, dueInWorkingDays = 2 } }, request = "Đề nghị góp ý về kinh phí." });
        Assert.True(await planningHead.ListsAsync("cho-xu-ly", id));
        await planningHead.ActOutAsync(id, "feedback", new { text = "Kinh phí đã có trong kế hoạch năm." });
        detail = await deputy.OutgoingAsync(id);
        Assert.Equal("Kinh phí đã có trong kế hoạch năm.", detail.GetProperty("consultations")[0].GetProperty("answer").GetString());
        var edited = OutgoingKit.Draft(subject + " (bổ sung căn cứ) năm 2026", deputyId, mainFileId: body, recipients:
        [
            new { kind = "unit", id = transport },
            new { kind = "organ", name = "Ủy ban nhân dân tỉnh Ninh Bình", organCode = "000.00.00.H43", channel = "post" },
        ]);
        await deputy.PutAsJsonAsync(OutgoingKit.Api(id), new { draft = edited, reason = "Lãnh đạo sửa trực tiếp." }).OkJsonAsync();
        detail = await deputy.OutgoingAsync(id);
        var versions = detail.GetProperty("versions");
        Assert.Equal(3, versions.GetArrayLength());
        Assert.Equal("Trần Thị Bích Hạnh", versions[2].GetProperty("byName").GetString());
        Assert.Contains(versions[2].GetProperty("changes").EnumerateArray(), c => c.GetString()!.StartsWith("Trích yếu", StringComparison.Ordinal));

        // Signed on paper, then issued by the clerk with the next number of the register.
        var scan = await deputy.UploadScanAsync();
        await deputy.ActOutAsync(id, "sign-on-paper", new { signedFileId = scan });
        Assert.True(await clerk.ListsAsync("cho-phat-hanh", id));
        var issued = await clerk.ActOutAsync(id, "issue", new { });
        Assert.True(issued.GetProperty("issued").GetBoolean(), issued.ToString());
        Assert.Matches(new Regex(@"^\d+/SGTVT-KCHT$"), issued.GetProperty("codeText").GetString()!);
        Assert.True(await clerk.ListsAsync("da-phat-hanh", id));
        Assert.True(await drafter.ListsAsync("da-phat-hanh", id));
        Assert.False(await drafter.ListsAsync("du-thao", id));

        // The number and the date are written into the layout of the issued version.
        var layoutUrl = (await clerk.OutgoingAsync(id)).GetProperty("versions").EnumerateArray().Last().GetProperty("layout").GetProperty("url").GetString()!;
        var paragraphs = OutgoingLayout.LayoutKit.Paragraphs(await clerk.GetByteArrayAsync(layoutUrl));
        Assert.Contains(paragraphs, p => p.Contains("Số: " + issued.GetProperty("codeText").GetString(), StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Ninh Bình, ngày ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("Trần Thị Bích Hạnh", StringComparison.Ordinal));

        var d = await app.LoadOutgoingAsync(id);
        Assert.Equal(OutgoingStatus.Issued, d.Status);
        Assert.Equal("Phan Văn Hùng", d.ContentApprovedByName);
        Assert.Equal("Vũ Đức Thắng", d.FormatApprovedByName);
        Assert.Equal("Trần Thị Bích Hạnh", d.SignedByName);
        Assert.Equal(DeliveryState.Sent, d.Recipients.Single(r => r.UnitId == transport).State);
        Assert.Equal(DeliveryState.NotSent, d.Recipients.Single(r => r.Kind == RecipientKind.Organ).State);

        // The outsider still cannot see it; the internal recipient's clerk finds it waiting for registration.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(OutgoingKit.Api(id))).StatusCode);
        var pending = await app.WithDbAsync(db => db.Set<PendingIncoming>().Where(p => p.ExternalId!.StartsWith("outgoing:" + id.ToString("N"))).ToListAsync());
        Assert.Single(pending);
    }
}

public sealed class OutgoingChainTestsOnSqlite(SqliteApp app) : OutgoingChainTests<SqliteApp>(app);

public sealed class OutgoingChainTestsOnPostgres(PostgresApp app) : OutgoingChainTests<PostgresApp>(app), IPostgresSuite;
