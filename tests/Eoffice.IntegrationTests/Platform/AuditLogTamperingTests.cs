using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Platform;

/// <summary>
/// The audit log is append-only and hash-chained: whoever edits or deletes a row directly in the database is caught
/// by the verifier, which names the first broken entry. The tests of a class share one database and run one after
/// another, so each puts back what it broke.
/// </summary>
public abstract class AuditLogTamperingTests(EofficeApp app)
{
    private async Task<long> SeedEntriesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await app.WithServiceAsync<IAuditLog, bool>(async audit =>
            {
                await audit.RecordAsync(new AuditEvent("test.action", "test-object", $"obj-{i}", Details: $"Bản ghi thử {i}", ActorName: "kiemthu"));
                return true;
            });
        }

        return await app.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Sequence));
    }

    private Task<AuditVerification> VerifyAsync() =>
        app.WithServiceAsync<AuditChainVerifier, AuditVerification>(v => v.VerifyAsync());

    private Task ExecuteSqlAsync(string sql) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    [DbFact]
    public async Task Every_audit_scenario_is_detected_and_the_untouched_chain_verifies()
    {
        // One test walks the scenarios in order on one database so that each starts from a known chain.
        var last = await SeedEntriesAsync(6);
        var intact = await VerifyAsync();
        Assert.True(intact.IsIntact, intact.Problem);
        Assert.Equal(last, intact.EntriesChecked);

        // 1. Altering one field of one row (the classic cover-up: change who did it).
        var target = last - 3;
        await ExecuteSqlAsync($"UPDATE platform_audit_entries SET actor_name = 'nguoikhac' WHERE sequence = {target}");
        var altered = await VerifyAsync();
        Assert.False(altered.IsIntact);
        Assert.Equal(target, altered.FirstBrokenSequence);
        Assert.Contains("bị thay đổi", altered.Problem);
        await ExecuteSqlAsync($"UPDATE platform_audit_entries SET actor_name = 'kiemthu' WHERE sequence = {target}");
        Assert.True((await VerifyAsync()).IsIntact);

        // 2. Re-computing the altered row's own hash does not help: the next row's link breaks.
        var row = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == target));
        await ExecuteSqlAsync($"UPDATE platform_audit_entries SET details = 'sửa lén', hash = '{new string('a', 64)}' WHERE sequence = {target}");
        var relinked = await VerifyAsync();
        Assert.False(relinked.IsIntact);
        Assert.Equal(target, relinked.FirstBrokenSequence);
        await ExecuteSqlAsync($"UPDATE platform_audit_entries SET details = '{row.Details}', hash = '{row.Hash}' WHERE sequence = {target}");
        Assert.True((await VerifyAsync()).IsIntact);

        // 3. Deleting a row in the middle.
        await ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE sequence = {target}");
        var deleted = await VerifyAsync();
        Assert.False(deleted.IsIntact);
        Assert.Equal(target, deleted.FirstBrokenSequence);
        Assert.Contains("Thiếu bản ghi", deleted.Problem);
        await RestoreAsync(row);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    /// <summary>Puts deleted rows back exactly as they were, so the next test starts from an intact chain.</summary>
    private Task RestoreAsync(params AuditEntry[] rows) =>
        app.WithDbAsync(async db =>
        {
            db.AddRange(rows);
            await db.SaveChangesAsync();
        });

    [DbFact]
    public async Task Deleting_the_newest_entries_is_detected_through_the_chain_head()
    {
        var last = await SeedEntriesAsync(3);
        var newest = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence >= last - 1).ToArrayAsync());

        await ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE sequence >= {last - 1}");
        var result = await VerifyAsync();
        await RestoreAsync(newest);

        Assert.False(result.IsIntact);
        Assert.Equal(last - 1, result.FirstBrokenSequence);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [DbFact]
    public async Task The_verify_api_reports_the_result_to_an_administrator_and_is_forbidden_to_others()
    {
        var admin = await app.SignedInClientAsync();
        var anonymous = app.AnonymousClient();

        var response = await admin.PostAsync("/api/v1/audit/verify", null);
        var denied = await anonymous.PostAsync("/api/v1/audit/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<AuditVerification>();
        Assert.NotNull(body);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        var list = await admin.GetFromJsonAsync<AuditApi.AuditPage>("/api/v1/audit?action=audit.verify");
        Assert.Contains(list!.Items, e => e.Action == "audit.verify" && e.ActorName == "quantri");
    }
}

public sealed class AuditLogTamperingTestsOnSqlite(SqliteApp app) : AuditLogTamperingTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogTamperingTestsOnPostgres(PostgresApp app) : AuditLogTamperingTests(app), IClassFixture<PostgresApp>;
