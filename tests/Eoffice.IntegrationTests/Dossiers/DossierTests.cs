using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Dossiers;

/// <summary>
/// Work dossiers through the API: opened from an approved plan entry, an incoming document filed through the real
/// "Kết thúc", an outgoing one through issuance, listed in time order with ordinals; closed (filing refused), reopened by
/// the unit leader; a reader who may not open a document does not see it (nor count it); another unit gets 404.
/// </summary>
public abstract class DossierTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private const string Api = "/api/v1/dossiers";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SignedDrafts drafts = new(app);

    [DbFact]
    public async Task Plan_entry_dossier_gets_a_finished_incoming_and_an_issued_outgoing_in_time_order_then_closes_and_the_unit_leader_reopens_it()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var director = await app.SignedInDemoAsync("nvan");
        var specialist = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var granted = await app.SignedInDemoAsync("nvana");
        var otherUnit = await app.SignedInDemoAsync("hvson");
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var entryId = await ApprovedEntryAsync(clerk, director, infra);

        var opened = await specialist.PostAsJsonAsync(Api, new { filePlanEntryId = entryId });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var dossier = (await opened.Content.ReadFromJsonAsync<Dossier>(Json))!;
        Assert.Equal(("01.KCHT", "Hồ sơ duy tu, sửa chữa đường bộ", "10 năm", DemoAgency.Units.Infrastructure, "open"),
            (dossier.Notation, dossier.Title, dossier.RetentionText, dossier.UnitName, dossier.Status));
        Assert.EndsWith($".{dossier.Year}.01.KCHT", dossier.FileCode, StringComparison.Ordinal);

        // An incoming document handled by the specialist, finished into the dossier through "Kết thúc".
        var incomingId = await app.RegisterDirectAsync("V/v sửa chữa cầu Non Nước " + Guid.NewGuid().ToString("N")[..6]);
        await clerk.ActAsync(incomingId, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(incomingId, "forward", new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct") } });
        await director.ActAsync(incomingId, "forward", new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("cxtruong"), "lead", 3) } });
        var choices = await specialist.GetAsync($"/api/v1/documents/incoming/{incomingId}/dossier-choices").OkJsonAsync();
        var choice = choices.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == dossier.Id);
        Assert.True(choice.GetProperty("suggested").GetBoolean());
        await specialist.ActAsync(incomingId, "finish", new { result = "Đã kiểm tra, đề xuất sửa chữa.", dossierIds = new[] { dossier.Id } });

        // The clerk may file into it once granted; the issued document goes in with its issuance.
        var notGranted = await clerk.GetAsync($"{Api}/{dossier.Id}");
        Assert.Equal(HttpStatusCode.NotFound, notGranted.StatusCode);
        await ReadAsync(await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/grants", new { personId = await app.DemoUserIdAsync("dtmai") }));
        var outgoingId = await drafts.SignedAsync("Báo cáo sửa chữa cầu Non Nước " + Guid.NewGuid().ToString("N")[..6]);
        var issued = await clerk.ActOutAsync(outgoingId, "issue", new { dossierIds = new[] { dossier.Id } });
        Assert.True(issued.GetProperty("issued").GetBoolean());

        var full = await ReadAsync(await specialist.GetAsync($"{Api}/{dossier.Id}"));
        Assert.Equal([(1, "incoming", incomingId), (2, "outgoing", outgoingId)], full.Items.Select(i => (i.Ordinal, i.Kind, i.ItemId)));
        Assert.Equal(2, full.DocTotal);
        Assert.Equal(issued.GetProperty("codeText").GetString(), full.Items[1].Code);

        // The documents come a page at a time, the ordinals running on, the total counting them all.
        var second = await ReadAsync(await specialist.GetAsync($"{Api}/{dossier.Id}?page=2&pageSize=1"));
        Assert.Equal([(2, outgoingId)], second.Items.Select(i => (i.Ordinal, i.ItemId)));
        Assert.Equal(2, second.DocTotal);
        var secondPage = await specialist.GetStringAsync($"/ho-so/{dossier.Id}?p=2");
        Assert.Contains(incomingId.ToString(), secondPage, StringComparison.Ordinal);

        // A specialist of another unit granted the dossier never received the documents: he sees the dossier, neither
        // document, and a count of none; the unit's head sees what his own access lets him open.
        await ReadAsync(await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/grants", new { personId = await app.DemoUserIdAsync("nvana") }));
        var grantedView = await ReadAsync(await granted.GetAsync($"{Api}/{dossier.Id}"));
        Assert.Empty(grantedView.Items);
        Assert.Equal(0, grantedView.DocTotal);
        Assert.Equal(HttpStatusCode.NotFound, (await granted.GetAsync($"/api/v1/documents/incoming/{incomingId}")).StatusCode);
        var headView = await ReadAsync(await head.GetAsync($"{Api}/{dossier.Id}"));
        Assert.Equal(2, headView.DocTotal);
        var unitList = JsonDocument.Parse(await head.GetStringAsync($"{Api}?scope=unit")).RootElement;
        Assert.Equal(2, unitList.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == dossier.Id).GetProperty("docTotal").GetInt32());

        // Another unit's specialist: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"{Api}/{dossier.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.PostAsJsonAsync($"{Api}/{dossier.Id}/close", new { retentionConfirmed = true })).StatusCode);

        // Close: retention must be confirmed; then filing is refused.
        var unconfirmed = await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/close", new { retentionConfirmed = false });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var closed = await ReadAsync(await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/close", new { retentionConfirmed = true }));
        Assert.Equal(("closed", 2), (closed.Status, closed.DocTotal));
        var fileAfter = await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/items", new { kind = "incoming", itemId = incomingId });
        Assert.Equal(HttpStatusCode.Conflict, fileAfter.StatusCode);
        var unfileAfter = await specialist.DeleteAsync($"{Api}/{dossier.Id}/items/{full.Items[0].Id}");
        Assert.Equal(HttpStatusCode.Conflict, unfileAfter.StatusCode);

        // Reopen: not the specialist; the unit leader with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/reopen", new { reason = "Bổ sung" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostAsJsonAsync($"{Api}/{dossier.Id}/reopen", new { reason = "" })).StatusCode);
        var reopened = await ReadAsync(await head.PostAsJsonAsync($"{Api}/{dossier.Id}/reopen", new { reason = "Bổ sung biên bản nghiệm thu." }));
        Assert.Equal(("open", "Bổ sung biên bản nghiệm thu.", "Phan Văn Hùng"), (reopened.Status, reopened.ReopenReason, reopened.ReopenedByName));

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.ObjectId == dossier.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("dossiers.dossier.open", actions);
        Assert.Contains("dossiers.dossier.grant", actions);
        Assert.Contains("dossiers.dossier.close", actions);
        Assert.Contains("dossiers.dossier.reopen", actions);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "documents.incoming.finish" && e.ObjectId == incomingId.ToString()
            && e.Details!.Contains("01.KCHT"))));
    }

    [DbFact]
    public async Task A_dossier_outside_the_plan_needs_title_symbol_retention_and_start_date()
    {
        var specialist = await app.SignedInDemoAsync("cxtruong");
        var empty = await specialist.PostAsJsonAsync(Api, new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Vui lòng nhập tiêu đề hồ sơ.", await FilePlanTests<TApp>.FieldErrorAsync(empty, "title"));
        Assert.Equal("Vui lòng nhập số và ký hiệu hồ sơ.", await FilePlanTests<TApp>.FieldErrorAsync(empty, "notation"));
        Assert.StartsWith("Chọn thời hạn bảo quản", await FilePlanTests<TApp>.FieldErrorAsync(empty, "retentionYears"), StringComparison.Ordinal);
        Assert.Equal("Vui lòng nhập thời gian bắt đầu của hồ sơ.", await FilePlanTests<TApp>.FieldErrorAsync(empty, "startDate"));

        var opened = await specialist.PostAsJsonAsync(Api, new { title = "Hồ sơ khảo sát cầu yếu", notation = "KS.01", permanent = true, startDate = "2026-03-02" });
        var dossier = (await opened.Content.ReadFromJsonAsync<Dossier>(Json))!;
        Assert.Equal(("KS.01", 2026, "Vĩnh viễn", "Cao Xuân Trường"), (dossier.Notation, dossier.Year, dossier.RetentionText, dossier.Creator));
        var emptyClose = await specialist.PostAsJsonAsync($"{Api}/{dossier.Id}/close", new { retentionConfirmed = true });
        Assert.Equal(HttpStatusCode.BadRequest, emptyClose.StatusCode);
        var mine = JsonDocument.Parse(await specialist.GetStringAsync($"{Api}?scope=mine")).RootElement;
        Assert.Contains(mine.EnumerateArray(), r => r.GetProperty("id").GetGuid() == dossier.Id);
        Assert.Contains("Hồ sơ khảo sát cầu yếu", await specialist.GetStringAsync("/ho-so"), StringComparison.Ordinal);
        Assert.Contains("Kết thúc hồ sơ", await specialist.GetStringAsync($"/ho-so/{dossier.Id}"), StringComparison.Ordinal);
    }

    internal static async Task<Guid> ApprovedEntryAsync(HttpClient clerk, HttpClient director, Guid unitId)
    {
        HttpResponseMessage created;
        var year = 2001 + Random.Shared.Next(0, 25);
        while ((created = await clerk.PostAsJsonAsync(FilePlanTests<TApp>.Plans, new { year, numbering = "plan" })).StatusCode == HttpStatusCode.Conflict)
        {
            year = 2001 + ((year - 2000) % 28);
        }

        var planId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var plan = $"{FilePlanTests<TApp>.Plans}/{planId}";
        var heading = JsonDocument.Parse(await (await clerk.PostAsJsonAsync($"{plan}/headings", new { title = "Kết cấu hạ tầng giao thông", abbreviation = "KCHT" }))
            .Content.ReadAsStringAsync()).RootElement.GetProperty("headings")[0].GetProperty("id").GetGuid();
        var withEntry = JsonDocument.Parse(await (await clerk.PostAsJsonAsync($"{plan}/entries",
            new { headingId = heading, title = "Hồ sơ duy tu, sửa chữa đường bộ", retentionYears = 10, responsibleUnitId = unitId })).Content.ReadAsStringAsync()).RootElement;
        await clerk.PostAsync($"{plan}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await director.PostAsync($"{plan}/approve", null)).StatusCode);
        return withEntry.GetProperty("entries")[0].GetProperty("id").GetGuid();
    }

    private static async Task<Dossier> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Dossier>(Json))!;
    }

    internal sealed record Item(Guid Id, int Ordinal, string Kind, Guid ItemId, string Title, string? Code, DateOnly Date);

    internal sealed record Dossier(Guid Id, string FileCode, int Year, string Notation, string Title, string RetentionText, string Creator, int DocTotal,
        string? UnitName, string Status, string? ReopenReason, string? ReopenedByName, List<Item> Items, List<string> Actions);
}

public sealed class DossierTestsOnSqlite(SqliteApp app) : DossierTests<SqliteApp>(app);

public sealed class DossierTestsOnPostgres(PostgresApp app) : DossierTests<PostgresApp>(app), IPostgresSuite;
