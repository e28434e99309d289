using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.Web.Modules.Documents.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>The steps the two-instance exchange tests share: A issues to B, B's arrival, A's delivery to B as the API shows it.</summary>
public static class ExchangeFlows
{
    /// <summary>A signs and issues a công văn to B by exchange; its id and (unique) subject.</summary>
    public static async Task<(Guid Id, string Subject)> IssueToBAsync(this TwoInstances two, string title)
    {
        var subject = $"{title} {Guid.NewGuid().ToString("N")[..6]}";
        var drafts = new SignedDrafts(two.A);
        var deputy = await drafts.DeputyIdAsync();
        var id = await drafts.SignedAsync(subject, OutgoingKit.Draft(subject, deputy,
            recipients: [new { kind = "organ", name = TwoInstances.NameB, organCode = TwoInstances.CodeB, channel = "exchange" }]));
        var issued = await (await two.A.SignedInDemoAsync("dtmai")).ActOutAsync(id, "issue", new { });
        Assert.True(issued.GetProperty("issued").GetBoolean(), issued.ToString());
        return (id, subject);
    }

    /// <summary>B's item of "Chờ tiếp nhận" for the document of <paramref name="subject"/>.</summary>
    public static async Task<PendingIncoming> PendingAtBAsync(this TwoInstances two, string subject) =>
        await two.B.WithDbAsync(db => db.Set<PendingIncoming>().AsNoTracking().Include(p => p.Files).SingleAsync(p => p.Metadata.Subject == subject));

    /// <summary>A's delivery to B of the document, as the API shows it, once <paramref name="until"/> holds (30 s at most).</summary>
    public static async Task<JsonElement> DeliveryAsync(this TwoInstances two, Guid outgoingId, Func<JsonElement, bool> until)
    {
        var clerk = await two.A.SignedInDemoAsync("dtmai");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            var list = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/deliveries?outgoingId={outgoingId}");
            if (list.GetArrayLength() == 1)
            {
                last = list[0];
                if (until(last))
                {
                    return last;
                }
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The delivery did not reach the expected state in 30 s: {last}");
        return last;
    }

    /// <summary>B's item once <paramref name="until"/> holds (30 s at most).</summary>
    public static async Task<PendingIncoming> PendingAtBAsync(this TwoInstances two, string subject, Func<PendingIncoming, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = await two.PendingAtBAsync(subject);
        while (!until(last))
        {
            Assert.True(DateTime.UtcNow < deadline, $"B's arrival did not reach the expected state in 30 s (status {last.Status}, recall {last.Recall}).");
            await Task.Delay(200);
            last = await two.PendingAtBAsync(subject);
        }

        return last;
    }
}
