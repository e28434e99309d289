using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>
/// The outgoing tabs and their counts as a draft moves: the drafter's "Dự thảo" and "Đã trình", the head's "Chờ tôi xử
/// lý", the clerk's "Chờ phát hành", and "Đã phát hành" for the clerk (their register) and for those who took part (their
/// access rows), not for anyone else. The lists are read in parts along indexes (docs/benchmarks.md, "Outgoing lists");
/// this replays what each part must hold.
/// </summary>
public abstract class OutgoingListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_draft_is_counted_in_each_tab_it_reaches_and_issued_it_lists_for_its_register_and_its_people_only()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var deputy = await app.SignedInDemoAsync("ttbhanh");
        var clerk = await app.SignedInDemoAsync("dtmai");
        var outsider = await app.SignedInDemoAsync("hvson");
        var deputyId = await app.DemoUserIdAsync("ttbhanh");
        var before = await CountsAsync(drafter);
        var headBefore = await CountsAsync(head);
        var clerkBefore = await CountsAsync(clerk);
        Assert.Equal(100, before.GetProperty("cap").GetInt32());

        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft("Kế hoạch bảo trì quốc lộ " + Guid.NewGuid().ToString("N")[..6], deputyId,
            mainFileId: await drafter.UploadBodyAsync()));
        Assert.Equal(Count(before, "drafts") + 1, Count(await CountsAsync(drafter), "drafts"));

        await drafter.ActOutAsync(id, "submit", new { recipientId = await app.DemoUserIdAsync("pvhung") });
        var submitted = await CountsAsync(drafter);
        Assert.Equal(Count(before, "submitted") + 1, Count(submitted, "submitted"));
        Assert.Equal(Count(headBefore, "waiting") + 1, Count(await CountsAsync(head), "waiting"));
        Assert.True(await drafter.ListsAsync("da-trinh", id));
        Assert.True(await head.ListsAsync("cho-xu-ly", id));

        // The head skips the (skippable) legal review straight to the deputy director, who signs on paper.
        await head.ActOutAsync(id, "approve", new { recipientId = deputyId, toStep = 4 });
        Assert.False(await head.ListsAsync("cho-xu-ly", id));
        Assert.True(await head.ListsAsync("da-trinh", id));
        await deputy.ActOutAsync(id, "sign-on-paper", new { signedFileId = await deputy.UploadScanAsync() });
        Assert.Equal(Count(clerkBefore, "toIssue") + 1, Count(await CountsAsync(clerk), "toIssue"));
        Assert.True(await drafter.ListsAsync("da-trinh", id));

        var issued = await clerk.ActOutAsync(id, "issue", new { });
        Assert.True(issued.GetProperty("issued").GetBoolean(), issued.ToString());
        var after = await CountsAsync(drafter);
        Assert.Equal(Count(before, "drafts"), Count(after, "drafts"));
        Assert.Equal(Count(before, "submitted"), Count(after, "submitted"));
        Assert.Equal(Math.Min(Count(before, "issued") + 1, 100), Count(after, "issued"));
        Assert.Equal(Count(clerkBefore, "toIssue"), Count(await CountsAsync(clerk), "toIssue"));
        Assert.True(await clerk.ListsAsync("da-phat-hanh", id));
        Assert.True(await head.ListsAsync("da-phat-hanh", id));
        Assert.True(await deputy.ListsAsync("da-phat-hanh", id));
        Assert.False(await outsider.ListsAsync("da-phat-hanh", id));
        Assert.False(await head.ListsAsync("da-trinh", id));
    }

    private static async Task<JsonElement> CountsAsync(HttpClient client) => await client.GetAsync("/api/v1/documents/outgoing/counts").OkJsonAsync();

    private static int Count(JsonElement counts, string tab) => counts.GetProperty(tab).GetInt32();
}

public sealed class OutgoingListTestsOnSqlite(SqliteApp app) : OutgoingListTests<SqliteApp>(app);

public sealed class OutgoingListTestsOnPostgres(PostgresApp app) : OutgoingListTests<PostgresApp>(app), IPostgresSuite;
