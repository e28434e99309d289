using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>
/// Regulation 003 Điều 6 replayed through the API, as the reply to an incoming document: the specialist who handles
/// the incoming document drafts the answer, submits it and recalls it before the head acts, submits again; the head
/// approves the content, the chief of office the format, the director signs, the clerk issues — and the incoming
/// document shows it is answered by the outgoing number. Each hand-over notifies the next holder.
/// </summary>
public abstract class RegulationThreeOutgoingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    /// <summary>The agency uses the regulation-003 process instead of the 000 one.</summary>
    private async Task UseRegulationThreeAsync() =>
        await app.WithDbAsync(async db =>
        {
            var processes = await db.Set<OutgoingProcess>().ToListAsync();
            foreach (var p in processes)
            {
                if (p.Code == OutgoingProcess.Regulation003Code)
                {
                    p.Reactivate();
                }
                else
                {
                    p.Deactivate();
                }
            }

            return await db.SaveChangesAsync();
        });

    [DbFact]
    public async Task The_regulation_003_chain_answers_an_incoming_document_with_a_recall_on_the_way()
    {
        await UseRegulationThreeAsync();
        var clerk = await app.SignedInDemoAsync("dtmai");
        var director = await app.SignedInDemoAsync("nvan");
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var chief = await app.SignedInDemoAsync("lttha");
        var (nvan, cxtruong, pvhung, lttha) = (await app.DemoUserIdAsync("nvan"), await app.DemoUserIdAsync("cxtruong"), await app.DemoUserIdAsync("pvhung"),
            await app.DemoUserIdAsync("lttha"));

        // The incoming document the specialist is to answer.
        var incoming = await app.RegisterDirectAsync("Đề nghị báo cáo hiện trạng cầu yếu " + Guid.NewGuid().ToString("N")[..6]);
        await clerk.ActAsync(incoming, "present", new { userId = lttha });
        await chief.ActAsync(incoming, "forward", new { targets = new[] { HandlingKit.Person(nvan, "direct") } });
        await director.ActAsync(incoming, "forward", new { targets = new[] { HandlingKit.Person(cxtruong, "lead", 5) } });

        var subject = "Báo cáo hiện trạng cầu yếu trên địa bàn tỉnh " + Guid.NewGuid().ToString("N")[..6];
        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft(subject, nvan, authority: "none", position: "Giám đốc"), [incoming]);
        var chain = (await drafter.OutgoingAsync(id)).GetProperty("chain");
        Assert.Equal("Chánh Văn phòng thẩm định thể thức", chain[2].GetProperty("name").GetString());
        var answers = (await drafter.OutgoingAsync(id)).GetProperty("answers");
        Assert.Equal(incoming, answers[0].GetProperty("id").GetGuid());

        // Submitted, then recalled before the head acted (opening it is not acting), then submitted again.
        await drafter.ActOutAsync(id, "submit", new { recipientId = pvhung });
        Assert.Equal(1, await NotificationsAsync(pvhung, "Dự thảo văn bản đi chờ bạn xử lý", id));
        await head.OutgoingAsync(id);
        await drafter.ActOutAsync(id, "recall", new { reason = "Bổ sung số liệu cầu Gián Khẩu." });
        Assert.False(await head.ListsAsync("cho-xu-ly", id));
        Assert.Equal(1, await NotificationsAsync(pvhung, "Dự thảo văn bản đi đã được rút lại", id));
        await drafter.ActOutAsync(id, "submit", new { recipientId = pvhung });

        await head.ActOutAsync(id, "approve", new { recipientId = lttha, opinion = "Nội dung đạt." });
        Assert.Equal(1, await NotificationsAsync(lttha, "Dự thảo văn bản đi chờ bạn xử lý", id));
        await chief.ActOutAsync(id, "approve", new { recipientId = nvan, opinion = "Thể thức đúng." });
        var scan = await director.UploadScanAsync();
        await director.ActOutAsync(id, "sign-on-paper", new { signedFileId = scan });
        Assert.Equal(1, await NotificationsAsync(await app.DemoUserIdAsync("dtmai"), "Văn bản đi chờ phát hành", id));
        var issued = await clerk.ActOutAsync(id, "issue", new { });
        Assert.True(issued.GetProperty("issued").GetBoolean(), issued.ToString());

        var d = await app.LoadOutgoingAsync(id);
        Assert.Equal("Phan Văn Hùng", d.ContentApprovedByName);
        Assert.Equal("Lê Thị Thu Hà", d.FormatApprovedByName);
        Assert.Equal(1, await NotificationsAsync(cxtruong, "Văn bản đi đã phát hành", id));
        var replies = (await director.DetailAsync(incoming)).GetProperty("replies");
        Assert.Equal(issued.GetProperty("codeText").GetString(), replies[0].GetProperty("outgoingCode").GetString());
        Assert.Contains(issued.GetProperty("codeText").GetString()!, replies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private async Task<int> NotificationsAsync(Guid userId, string titleStart, Guid documentId)
    {
        await app.OutboxDrainedAsync();
        return await app.WithDbAsync(db => db.Set<Notification>()
            .CountAsync(n => n.UserId == userId && n.Title.StartsWith(titleStart) && n.Link == $"/van-ban-di/{documentId}"));
    }
}

public sealed class RegulationThreeOutgoingTestsOnSqlite(SqliteApp app) : RegulationThreeOutgoingTests<SqliteApp>(app);

public sealed class RegulationThreeOutgoingTestsOnPostgres(PostgresApp app) : RegulationThreeOutgoingTests<PostgresApp>(app), IPostgresSuite;
