using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Documents.Outgoing;
using Eoffice.IntegrationTests.Identity.Rights;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Dossiers;

/// <summary>
/// Retention and transfer (issue 14 point 3, ADR 0031 decisions 17–22): plan → dossier → documents filed from "Kết thúc"
/// and issuance → close → due for transfer → a transfer with its three outputs in three formats and a package whose
/// manifest hashes match the files → completed, read-only; destruction needs a decision and leaves a tombstone; a
/// departing owner's open dossiers go to the successor; another agency's ids answer 404.
/// </summary>
public abstract class ArchiveTransferTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private const string Api = "/api/v1/dossiers";
    private readonly SignedDrafts drafts = new(app);

    [DbFact]
    public async Task A_closed_dossier_goes_to_the_archive_with_its_three_outputs_and_a_package_whose_manifest_matches_then_refuses_edits()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var director = await app.SignedInDemoAsync("nvan");
        var specialist = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var infra = await app.DemoUnitIdAsync(DemoAgency.Units.Infrastructure);
        var entryId = await DossierTests<TApp>.ApprovedEntryAsync(clerk, director, infra);
        var dossierId = (await specialist.PostAsJsonAsync(Api, new { filePlanEntryId = entryId }).OkJsonAsync()).GetProperty("id").GetGuid();

        var incomingId = await app.RegisterDirectAsync("V/v sửa chữa cầu Ninh Phúc " + Guid.NewGuid().ToString("N")[..6]);
        await clerk.ActAsync(incomingId, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await (await app.SignedInDemoAsync("lttha")).ActAsync(incomingId, "forward", new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("nvan"), "direct") } });
        await director.ActAsync(incomingId, "forward", new { targets = new[] { HandlingKit.Person(await app.DemoUserIdAsync("cxtruong"), "lead", 3) } });
        await specialist.ActAsync(incomingId, "finish", new { result = "Đã kiểm tra.", dossierIds = new[] { dossierId } });
        await specialist.PostAsJsonAsync($"{Api}/{dossierId}/grants", new { personId = await app.DemoUserIdAsync("dtmai") }).OkJsonAsync();
        var outgoingId = await drafts.SignedAsync("Báo cáo sửa chữa cầu Ninh Phúc " + Guid.NewGuid().ToString("N")[..6]);
        Assert.True((await clerk.ActOutAsync(outgoingId, "issue", new { dossierIds = new[] { dossierId } })).GetProperty("issued").GetBoolean());

        // A specialist granted the dossier who may not open its documents sees neither (the existing reader test's rule).
        await specialist.PostAsJsonAsync($"{Api}/{dossierId}/grants", new { personId = await app.DemoUserIdAsync("nvana") }).OkJsonAsync();
        Assert.Equal(0, (await (await app.SignedInDemoAsync("nvana")).GetAsync($"{Api}/{dossierId}").OkJsonAsync()).GetProperty("docTotal").GetInt32());

        // Not closed yet: not due, and not accepted in a transfer.
        Assert.DoesNotContain((await clerk.GetAsync($"{Api}/due-for-transfer").OkJsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetGuid() == dossierId);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"{Api}/transfers", new { dossierIds = new[] { dossierId } })).StatusCode);

        var closed = await specialist.PostAsJsonAsync($"{Api}/{dossierId}/close", new { retentionConfirmed = true }).OkJsonAsync();
        var end = DateOnly.Parse(closed.GetProperty("endDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var due = (await clerk.GetAsync($"{Api}/due-for-transfer").OkJsonAsync()).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == dossierId);
        var dueOn = DateOnly.Parse(due.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(dueOn.DayNumber - end.AddYears(1).DayNumber, 0, 4);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"{Api}/due-for-transfer")).StatusCode);

        // The records keeper draws the transfer up; its totals count both documents and their files.
        var transfer = await clerk.PostAsJsonAsync($"{Api}/transfers", new { dossierIds = new[] { dossierId }, deliveredByName = "Cao Xuân Trường" })
            .OkJsonAsync();
        var transferId = transfer.GetProperty("id").GetGuid();
        Assert.Equal((1, 2, "draft"), (transfer.GetProperty("dossierCount").GetInt32(), transfer.GetProperty("documentCount").GetInt32(), transfer.GetProperty("status").GetString()));
        var fileCount = transfer.GetProperty("fileCount").GetInt32();
        Assert.True(fileCount >= 1, $"{fileCount} files");

        foreach (var output in new[] { "dossier-list", "document-list", "receipt" })
        {
            foreach (var (format, magic) in new[] { ("pdf", "%PDF"), ("docx", "PK"), ("xlsx", "PK") })
            {
                var file = await clerk.GetAsync($"{Api}/transfers/{transferId}/outputs/{output}?format={format}");
                Assert.True(file.StatusCode == HttpStatusCode.OK, $"{output}.{format}: {(int)file.StatusCode} {await file.Content.ReadAsStringAsync()}");
                var bytes = await file.Content.ReadAsByteArrayAsync();
                Assert.StartsWith(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length), StringComparison.Ordinal);
            }
        }

        // The package: every entry but the manifest is listed with the SHA-256 of its bytes as read back from the zip.
        var package = await clerk.GetAsync($"{Api}/transfers/{transferId}/package");
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        Assert.Equal("application/zip", package.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(await package.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read))
        {
            JsonElement manifest;
            using (var m = zip.GetEntry("manifest.json")!.Open())
            {
                manifest = (await JsonDocument.ParseAsync(m)).RootElement;
            }

            var listed = manifest.GetProperty("Files").EnumerateArray().ToDictionary(f => f.GetProperty("Path").GetString()!, f => f.GetProperty("Sha256").GetString()!);
            var entries = zip.Entries.Where(e => e.FullName != "manifest.json").ToList();
            Assert.Equal(entries.Select(e => e.FullName).Order(), listed.Keys.Order());
            foreach (var entry in entries)
            {
                using var content = entry.Open();
                Assert.Equal(listed[entry.FullName], Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
            }

            Assert.Equal(fileCount, entries.Count(e => !e.FullName.EndsWith(".json", StringComparison.Ordinal)));
            Assert.Equal(2, entries.Count(e => e.Name == "document.json"));
            using var dossierJson = zip.Entries.Single(e => e.Name == "dossier.json").Open();
            var fields = (await JsonDocument.ParseAsync(dossierJson)).RootElement;
            Assert.Equal(("10 năm", 2), (fields.GetProperty("Maintenance").GetString(), fields.GetProperty("DocTotal").GetInt32()));
        }

        // Another agency's records keeper: 404 on every id; a specialist without the right: 403.
        var other = await app.CreateAgencyAsync("Sở Xây dựng");
        var (_, otherKeeper) = await app.AddPersonAsync(other.Id, "Lưu trữ Sở Xây dựng", other.OfficeId, (DefaultRoles.Clerk, null));
        var stranger = await app.SignedInAsAsync(otherKeeper);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api}/transfers/{transferId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api}/transfers/{transferId}/package")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api}/transfers/{transferId}/outputs/receipt?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Api}/transfers/{transferId}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Api}/transfers", new { dossierIds = new[] { dossierId } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync($"{Api}/transfers/{transferId}/complete", null)).StatusCode);

        var completed = await clerk.PostAsync($"{Api}/transfers/{transferId}/complete", null).OkJsonAsync();
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        var transferred = await specialist.GetAsync($"{Api}/{dossierId}").OkJsonAsync();
        Assert.Equal(("transferred", "Đã nộp lưu"), (transferred.GetProperty("status").GetString(), transferred.GetProperty("statusName").GetString()));
        Assert.Equal(2, transferred.GetProperty("docTotal").GetInt32());

        // Read-only: every write refuses with a Vietnamese problem.
        var refusals = new[]
        {
            await specialist.PostAsJsonAsync($"{Api}/{dossierId}/items", new { kind = "incoming", itemId = incomingId }),
            await specialist.DeleteAsync($"{Api}/{dossierId}/items/{transferred.GetProperty("items")[0].GetProperty("id").GetGuid()}"),
            await specialist.PostAsJsonAsync($"{Api}/{dossierId}/grants", new { personId = await app.DemoUserIdAsync("lttha") }),
            await head.PostAsJsonAsync($"{Api}/{dossierId}/reopen", new { reason = "Bổ sung" }),
            await specialist.PostAsJsonAsync($"{Api}/{dossierId}/close", new { retentionConfirmed = true }),
            await director.PostAsJsonAsync($"{Api}/{dossierId}/keep-back", new { until = dueOn.AddYears(1), reason = "Còn tra cứu" }),
        };
        foreach (var refused in refusals)
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var text = string.Join(" ", new[] { "title", "detail" }.Where(k => problem.TryGetProperty(k, out _)).Select(k => problem.GetProperty(k).GetString()));
            Assert.Contains("nộp lưu", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"{Api}/transfers/{transferId}/complete", null)).StatusCode);
        Assert.DoesNotContain((await clerk.GetAsync($"{Api}/due-for-transfer").OkJsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetGuid() == dossierId);
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.ObjectId == transferId.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["dossiers.transfer.complete", "dossiers.transfer.create", "dossiers.transfer.export", "dossiers.transfer.package"], actions.Distinct().Order());
    }

    [DbFact]
    public async Task Destroying_an_expired_dossier_needs_a_council_decision_and_leaves_a_tombstone()
    {
        var agency = await app.CreateAgencyAsync("Sở Tài nguyên và Môi trường");
        var (_, keeperName) = await app.AddPersonAsync(agency.Id, "Lưu trữ Sở", agency.OfficeId, (DefaultRoles.Clerk, null));
        var (ownerId, ownerName) = await app.AddPersonAsync(agency.Id, "Chuyên viên Sở", agency.DepartmentId, (DefaultRoles.Specialist, agency.DepartmentId));
        var expired = await ClosedDossierAsync(agency.Id, agency.DepartmentId, ownerId, "HS.01", 2, new DateOnly(2020, 6, 30));
        var permanent = await ClosedDossierAsync(agency.Id, agency.DepartmentId, ownerId, "HS.02", null, new DateOnly(2010, 6, 30));
        var keeper = await app.SignedInAsAsync(keeperName);

        var list = (await keeper.GetAsync($"{Api}/expired").OkJsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(expired, list);
        Assert.DoesNotContain(permanent, list);

        var noDecision = await keeper.PostAsJsonAsync($"{Api}/destructions", new { dossierIds = new[] { expired } });
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);
        Assert.Equal("Vui lòng nhập số quyết định tiêu hủy của hội đồng.", await FilePlanTests<TApp>.FieldErrorAsync(noDecision, "decisionNumber"));
        var decision = new { decisionNumber = "15/QĐ-STNMT", decisionDate = "2026-11-20", decidedByName = "Giám đốc Sở", council = "Hội đồng xác định giá trị tài liệu: 5 thành viên." };
        var refusedPermanent = await keeper.PostAsJsonAsync($"{Api}/destructions", new { decision.decisionNumber, decision.decisionDate, decision.decidedByName, decision.council, dossierIds = new[] { permanent } });
        Assert.Equal(HttpStatusCode.Conflict, refusedPermanent.StatusCode);

        var done = await keeper.PostAsJsonAsync($"{Api}/destructions", new { decision.decisionNumber, decision.decisionDate, decision.decidedByName, decision.council, dossierIds = new[] { expired } })
            .OkJsonAsync();
        Assert.Equal(1, done.GetProperty("dossiers")[0].GetProperty("documentCount").GetInt32());

        var owner = await app.SignedInAsAsync(ownerName);
        var tombstone = await owner.GetAsync($"{Api}/{expired}").OkJsonAsync();
        Assert.Equal(("destroyed", 0), (tombstone.GetProperty("status").GetString(), tombstone.GetProperty("docTotal").GetInt32()));
        Assert.Equal(("15/QĐ-STNMT", 1), (tombstone.GetProperty("destroyed").GetProperty("decisionNumber").GetString(),
            tombstone.GetProperty("destroyed").GetProperty("documentCount").GetInt32()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DossierItem>().CountAsync(i => i.DossierId == expired)));
        var mine = (await owner.GetAsync($"{Api}?scope=mine").OkJsonAsync()).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == expired);
        Assert.Equal("Đã tiêu hủy", mine.GetProperty("statusName").GetString());
        Assert.Contains("Đã tiêu hủy", await owner.GetStringAsync($"/ho-so/{expired}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await keeper.PostAsJsonAsync($"{Api}/destructions",
            new { decision.decisionNumber, decision.decisionDate, decision.decidedByName, decision.council, dossierIds = new[] { expired } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInDemoAsync("dtmai")).PostAsJsonAsync($"{Api}/destructions",
            new { decision.decisionNumber, decision.decisionDate, decision.decidedByName, decision.council, dossierIds = new[] { permanent } })).StatusCode);
    }

    [DbFact]
    public async Task A_departing_owner_hands_open_dossiers_to_the_successor_with_a_record_on_the_dossier()
    {
        var agency = await app.CreateAgencyAsync("Sở Nội vụ");
        var (leavingId, leavingName) = await app.AddPersonAsync(agency.Id, "Nguyễn Văn Đi", agency.DepartmentId, (DefaultRoles.Specialist, agency.DepartmentId));
        var (successorId, successorName) = await app.AddPersonAsync(agency.Id, "Trần Thị Ở", agency.OfficeId, (DefaultRoles.Specialist, agency.OfficeId));
        var leaving = await app.SignedInAsAsync(leavingName);
        var openId = (await leaving.PostAsJsonAsync(Api, new { title = "Hồ sơ tuyển dụng 2026", notation = "TD.01", retentionYears = 10, startDate = "2026-02-01" })
            .OkJsonAsync()).GetProperty("id").GetGuid();
        var closedId = await ClosedDossierAsync(agency.Id, agency.DepartmentId, leavingId, "TD.02", 10, new DateOnly(2025, 12, 1));

        var admin = await app.SignedInAsAsync(agency.AdminUserName);
        var departure = await admin.PostAsJsonAsync($"/api/v1/people/{leavingId}/departure", new { successorId, reason = "transfer" }).OkJsonAsync();
        Assert.Contains(departure.GetProperty("items").EnumerateArray(), i => i.GetProperty("itemType").GetString() == "dossier" && i.GetProperty("itemId").GetString() == openId.ToString());

        var successor = await app.SignedInAsAsync(successorName);
        var moved = await successor.GetAsync($"{Api}/{openId}").OkJsonAsync();
        Assert.Equal(successorId, moved.GetProperty("ownerId").GetGuid());
        var record = moved.GetProperty("handovers").EnumerateArray().Single();
        Assert.Equal(("Nguyễn Văn Đi", "Trần Thị Ở", "TD.01"), (record.GetProperty("fromName").GetString(), record.GetProperty("toName").GetString(),
            record.GetProperty("dossiers")[0].GetProperty("notation").GetString()));
        Assert.Contains((await successor.GetAsync($"{Api}?scope=mine").OkJsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetGuid() == openId);
        Assert.Contains("Bàn giao", await successor.GetStringAsync($"/ho-so/{openId}"), StringComparison.Ordinal);
        Assert.Equal(leavingId, await app.WithDbAsync(db => db.Set<Dossier>().Where(d => d.Id == closedId).Select(d => d.OwnerId).SingleAsync()));
    }

    /// <summary>A closed dossier of this fixture's app.</summary>
    private Task<Guid> ClosedDossierAsync(Guid agencyId, Guid unitId, Guid ownerId, string notation, int? years, DateOnly end) =>
        ClosedDossierAsync(app, agencyId, unitId, ownerId, notation, years, end);

    /// <summary>A closed dossier written through the domain (a document filed by reference, its end date in the past).</summary>
    internal static async Task<Guid> ClosedDossierAsync(EofficeApp app, Guid agencyId, Guid unitId, Guid ownerId, string notation, int? years, DateOnly end)
    {
        var retention = years is { } n ? RetentionPeriod.OfYears(n) : RetentionPeriod.Permanent;
        var content = new DossierContent(notation, "Hồ sơ " + notation, retention, true, "Hạn chế", "Tiếng Việt", end.AddMonths(-6), null, null, null, null, null);
        var dossier = new Dossier(agencyId, "H00.1", end.Year, content, null, null, ownerId, "Chuyên viên", unitId, DateTime.UtcNow);
        dossier.File(new DossierItemRef("incoming", Guid.NewGuid(), "Công văn", "1/UBND", end), ownerId, "Chuyên viên", DateTime.UtcNow);
        dossier.Close(true, "Chuyên viên", DateTime.UtcNow);
        await app.WithDbAsync(async db =>
        {
            db.Add(dossier);
            await db.SaveChangesAsync();
            return 0;
        });
        return dossier.Id;
    }
}

public sealed class ArchiveTransferTestsOnSqlite(SqliteApp app) : ArchiveTransferTests<SqliteApp>(app);

public sealed class ArchiveTransferTestsOnPostgres(PostgresApp app) : ArchiveTransferTests<PostgresApp>(app), IPostgresSuite;
