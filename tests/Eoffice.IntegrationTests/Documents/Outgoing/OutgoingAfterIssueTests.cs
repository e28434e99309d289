using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>
/// After issue (issue 10, point 6): the clerk records the post and the paper issuance; an issued document is withdrawn
/// with notices to those who received it, and replaced by a new one, with links both ways.
/// </summary>
public abstract class OutgoingAfterIssueTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_document_sent_by_post_and_on_paper_is_withdrawn_with_notices_and_replaced_with_links_both_ways()
    {
        var drafts = new SignedDrafts(app);
        var clerk = await app.SignedInDemoAsync("dtmai");
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var hvson = await app.DemoUserIdAsync("hvson");
        var subject = "Quyết định phân luồng giao thông " + Guid.NewGuid().ToString("N")[..6];
        var deputyId = await drafts.DeputyIdAsync();
        object Draft(string s) => OutgoingKit.Draft(s, deputyId, recipients:
        [
            new { kind = "person", id = hvson },
            new { kind = "organ", name = "Công an tỉnh Ninh Bình", channel = "post" },
        ]);

        var first = await drafts.SignedAsync("", Draft(subject));
        var code = (await clerk.ActOutAsync(first, "issue", new { })).GetProperty("codeText").GetString()!;
        var post = (await app.LoadOutgoingAsync(first)).Recipients.Single(r => r.Kind == RecipientKind.Organ);
        await clerk.ActOutAsync(first, "sending", new { recipientId = post.Id, state = "sent", note = "Gửi bảo đảm số RR123456789VN." });
        await clerk.ActOutAsync(first, "paper", new { copies = 3, on = "2026-12-02", note = "Đóng dấu, lưu 1 bản." });
        var sent = await app.LoadOutgoingAsync(first);
        Assert.Equal(DeliveryState.Sent, sent.Recipients.Single(r => r.Id == post.Id).State);
        Assert.Equal(3, sent.PaperCopies);

        await clerk.ActOutAsync(first, "withdraw", new { reason = "Sai phạm vi phân luồng." });
        var withdrawn = await app.LoadOutgoingAsync(first);
        Assert.Equal(OutgoingStatus.Recalled, withdrawn.Status);
        Assert.All(withdrawn.Recipients.Where(r => r.State != DeliveryState.NotSent), r => Assert.Equal(DeliveryState.Recalled, r.State));
        await app.OutboxDrainedAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == hvson && n.Title.Contains("đã bị thu hồi") && n.Link == $"/van-ban-di/{first}")));

        // A second document, in force, is replaced by a new one (a withdrawn one has nothing left to replace).
        var second = await drafts.SignedAsync("", Draft(subject + " (lần 2)"));
        var secondCode = (await clerk.ActOutAsync(second, "issue", new { })).GetProperty("codeText").GetString()!;
        var replacement = await drafter.PostAsJsonAsync("/api/v1/documents/outgoing", new { draft = Draft(subject + " (thay thế)"), replaces = second }).OkJsonAsync();
        var replacementId = replacement.GetProperty("id").GetGuid();
        await drafter.ActOutAsync(replacementId, "submit", new { recipientId = await app.DemoUserIdAsync("pvhung") });
        await (await app.SignedInDemoAsync("pvhung")).ActOutAsync(replacementId, "approve", new { recipientId = await drafts.DeputyIdAsync(), toStep = 4 });
        var deputy = await app.SignedInDemoAsync("ttbhanh");
        await deputy.ActOutAsync(replacementId, "sign-on-paper", new { signedFileId = await deputy.UploadScanAsync() });
        var replacementCode = (await clerk.ActOutAsync(replacementId, "issue", new { })).GetProperty("codeText").GetString()!;

        Assert.Equal(replacementId, (await app.LoadOutgoingAsync(second)).ReplacedById);
        var old = await clerk.OutgoingAsync(second);
        Assert.Contains(old.GetProperty("related").EnumerateArray(), l => l.GetProperty("title").GetString()!.StartsWith($"Được thay thế bởi {replacementCode}", StringComparison.Ordinal));
        var @new = await clerk.OutgoingAsync(replacementId);
        Assert.Contains(@new.GetProperty("related").EnumerateArray(), l => l.GetProperty("title").GetString()!.StartsWith($"Thay thế văn bản {secondCode}", StringComparison.Ordinal));
        Assert.NotEqual(code, replacementCode);
    }
}

public sealed class OutgoingAfterIssueTestsOnSqlite(SqliteApp app) : OutgoingAfterIssueTests<SqliteApp>(app);

public sealed class OutgoingAfterIssueTestsOnPostgres(PostgresApp app) : OutgoingAfterIssueTests<PostgresApp>(app), IPostgresSuite;
